package fi.hbflow.caseflow;

import static fi.hbflow.caseflow.HbCaseDriver.decision;
import static fi.hbflow.caseflow.HbCaseDriver.standardAssessment;
import static fi.hbflow.caseflow.HbCaseDriver.startForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fi.hbflow.HbCaseModels;
import fi.hbflow.TestEngine;
import fi.hbflow.engine.CaseMessages;
import fi.hbflow.research.ResearchFixtures;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 21 items 7 and 6 in {@code hb-palveluprosessi}: the review done now, the review brought forward by a
 * budget-use alert (the timer moves), HB ended at once from implementation or follow-up (the ledger ends, its use
 * stays in its history and in the commitments), and the transition of decisions under the repealed law.
 */
@HbCaseModels
class HbBetweenReviewsProcessTest {

  static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");

  @RegisterExtension
  static ProcessEngineExtension extension = TestEngine.extension();

  ProcessEngine engine;
  HbCaseDriver hb;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    hb = new HbCaseDriver(engine);
  }

  // --- review now ----------------------------------------------------------------------------------------------

  @Test
  void aReviewAskedForNowOpensTheReviewAtOnceAndTheNextOneHasItsDate() {
    ProcessInstance pi = toFollowUp(startForm());
    assertThat(pi).isWaitingAt("Gateway_SeurantaOdottaa");

    CaseMessages.correlate(engine, pi.getId(), CaseChanges.REVIEW_NOW,
        Map.of("seurantaNytSyy", "Asiakkaan avustaja lopetti, tarpeet on katsottava nyt."));

    assertThat(pi).isWaitingAt("Task_Seuranta").hasPassed("Event_SeurantaNyt");
    assertThat(reviewTimers(pi)).isEmpty();
    assertThat(hb.candidateGroups(hb.task(pi, "Task_Seuranta"))).containsExactly("sosiaalityo");
    assertThat(hb.variable(pi, "seurantaNytSyy")).isEqualTo("Asiakkaan avustaja lopetti, tarpeet on katsottava nyt.");

    hb.complete(pi, "Task_Seuranta", review("jatketaan"));
    assertThat(pi).isWaitingAt("Gateway_SeurantaOdottaa");
    assertThat(reviewTimers(pi)).hasSize(1);
    // the next review does not show this reason; the history keeps it
    assertThat(hb.variable(pi, "seurantaNytSyy")).isNull();
    assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates()
        .list()).anySatisfy(d -> assertThat(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue())
        .isEqualTo("Asiakkaan avustaja lopetti, tarpeet on katsottava nyt."));
  }

  @Test
  void aReviewCannotBeAskedForBeforeTheFollowUp() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    assertThatThrownBy(() -> CaseMessages.correlate(engine, pi.getId(), CaseChanges.REVIEW_NOW,
        Map.of("seurantaNytSyy", "Tarpeet muuttuivat.")))
        .isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(hb.variable(pi, "seurantaNytSyy")).isNull(); // nothing stored
  }

  // --- review brought forward by the ledger's alert ------------------------------------------------------------

  @Test
  void anAlertHandledWithBringTheReviewForwardMovesTheReviewTimer() {
    ProcessInstance pi = toFollowUp(startForm());
    Job before = reviewTimers(pi).get(0);
    assertThat(day(before.getDuedate())).isEqualTo(LocalDate.of(2026, 9, 15)); // 3 months from 15.6.2026

    HbCaseDriver.setClock(LocalDateTime.of(2026, 7, 6, 10, 0));
    ProcessInstance ledger = ledger(pi);
    recordExpense(ledger, "2026-07-06", "10000", "Asunnon muutostyöt"); // 45 % used in the first days: alert
    handleAlert(ledger, "seuranta_aikaistetaan");

    // Mon 6.7.2026 + 10 working days = Mon 20.7.2026: the county's target for an earlier review
    List<Job> after = reviewTimers(pi);
    assertThat(after).hasSize(1);
    assertThat(day(after.get(0).getDuedate())).isEqualTo(LocalDate.of(2026, 7, 20));
    assertThat(day((Date) hb.variable(pi, "erapaiva_SEURANTA"))).isEqualTo(LocalDate.of(2026, 7, 20));
    assertThat((String) hb.variable(pi, "maaraika_SEURANTA")).contains("Hyvinvointialueen oma tavoite");
    assertThat(hb.variable(pi, "kayttoHalytysToimenpide")).isEqualTo("seuranta_aikaistetaan");
    assertThat(pi).isWaitingAt("Gateway_SeurantaOdottaa");

    // a second alert a few days later does not push the review later
    HbCaseDriver.setClock(LocalDateTime.of(2026, 7, 10, 10, 0));
    recordExpense(ledger, "2026-07-10", "2000", "Kuntoutusjakso");
    handleAlert(ledger, "seuranta_aikaistetaan");
    assertThat(day(reviewTimers(pi).get(0).getDuedate())).isEqualTo(LocalDate.of(2026, 7, 20));

    // the review comes on the new date
    HbCaseDriver.setClock(LocalDateTime.of(2026, 7, 20, 9, 0));
    hb.runJobs(pi);
    assertThat(pi).isWaitingAt("Task_Seuranta");
  }

  @Test
  void otherAlertActionsLeaveTheReviewDate() {
    ProcessInstance pi = toFollowUp(startForm());
    HbCaseDriver.setClock(LocalDateTime.of(2026, 7, 6, 10, 0));
    ProcessInstance ledger = ledger(pi);
    recordExpense(ledger, "2026-07-06", "10000", "Asunnon muutostyöt");
    handleAlert(ledger, "jatketaan");
    assertThat(day(reviewTimers(pi).get(0).getDuedate())).isEqualTo(LocalDate.of(2026, 9, 15));
  }

  // --- end now -------------------------------------------------------------------------------------------------

  @Test
  void endingNowInTheFollowUpClosesTheLedgerKeepsItsUseAndListsTheCommitments() {
    ProcessInstance pi = toFollowUp(startForm());
    HbCaseDriver.setClock(LocalDateTime.of(2026, 7, 6, 10, 0));
    ProcessInstance ledger = ledger(pi);
    recordExpense(ledger, "2026-07-03", "1200,00", "Avustajan palkka 7/2026");
    recordExpense(ledger, "2026-07-06", "9000", "Asunnon muutostyöt"); // an alert left open

    CaseMessages.correlate(engine, pi.getId(), CaseChanges.END_NOW, ending("kuolema"));

    // everything else stopped: no review timer, no ledger; the ending task for the social worker
    assertThat(reviewTimers(pi)).isEmpty();
    assertThat(ledgers(pi)).isZero();
    assertThat(hb.tasks(pi)).extracting(Task::getTaskDefinitionKey).containsExactly("Task_Paattaminen");
    assertThat(hb.candidateGroups(hb.task(pi, "Task_Paattaminen"))).containsExactly("sosiaalityo");
    // the ledger's use is still in its history
    HistoricVariableInstance expenses = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(ledger.getId()).variableName("kulut").singleResult();
    assertThat(expenses.getValue().toString()).contains("Avustajan palkka 7/2026").contains("Asunnon muutostyöt");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(ledger.getId())
        .singleResult().getEndTime()).isNotNull();
    // and in the commitments: budget 22 127,40 €, used 10 200,00 €, remaining 11 927,40 €, the open alert
    JsonValue commitments = engine.getRuntimeService().getVariableTyped(pi.getId(), "avoimetSitoumukset");
    var row = commitments.getValue().elements().get(0);
    assertThat(row.prop("budjettiSentit").numberValue().longValue()).isEqualTo(2_212_740L);
    assertThat(row.prop("kaytettySentit").numberValue().longValue()).isEqualTo(1_020_000L);
    assertThat(row.prop("jaljellaSentit").numberValue().longValue()).isEqualTo(1_192_740L);
    assertThat(row.prop("kayttoSeurantaId").stringValue()).isEqualTo(ledger.getId());
    assertThat(hb.variable(pi, "avoimetSitoumuksetTeksti").toString()).contains("22 127,40 €").contains("10 200,00 €")
        .contains("11 927,40 €").contains("2 kirjausta").contains("Budjetin käyttö etenee nopeasti");

    // the end cannot be started twice
    assertThatThrownBy(() -> CaseMessages.correlate(engine, pi.getId(), CaseChanges.END_NOW, ending("muutto")))
        .isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(hb.variable(pi, "paattymisenSyy")).isEqualTo("kuolema");

    hb.complete(pi, "Task_Paattaminen", Map.of("sitoumustenPaattaminen",
        "Heinäkuun palkka maksetaan kuolinpäivään asti, muutostyöt peruttu."));
    assertThat(pi).isEnded().hasPassed("End_PaattynytKesken");
    assertThat(historic(pi, "hbTulos")).isEqualTo("paattynyt_kesken");
    assertThat(historic(pi, "paattymisenSyy")).isEqualTo("kuolema");
  }

  @Test
  void endingNowDuringImplementationStopsTheImplementationAndTheRectificationWindow() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    hb.complete(pi, "Task_Paatos", HbCaseDriver.grantEnforcedAtOnce());
    hb.complete(pi, "Task_Tiedoksianto", HbCaseDriver.notification());
    assertThat(pi).isWaitingAt("Task_Toteutus", "Task_OikaisuvaatimusAika");

    CaseMessages.correlate(engine, pi.getId(), CaseChanges.END_NOW, ending("muutto"));

    assertThat(hb.tasks(pi)).extracting(Task::getTaskDefinitionKey).containsExactly("Task_Paattaminen");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(hb.variable(pi, "avoimetSitoumuksetTeksti").toString()).contains("Ei avoimia sitoumuksia");
    // the implementation deadline passes while the commitments are settled: no breach is escalated
    HbCaseDriver.setClock(LocalDateTime.of(2026, 9, 10, 10, 0));
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("hb-maaraikavalvonta")
        .processInstanceBusinessKey(pi.getBusinessKey()).list().forEach(watch -> hb.runJobs(watch.getId()));
    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_Ylitys").count()).isZero();
    assertThat(hb.variable(pi, "maaraikaylityksia")).isNull();

    hb.complete(pi, "Task_Paattaminen", Map.of("sitoumustenPaattaminen", "Toteutusta ei ehditty aloittaa."));
    assertThat(pi).isEnded();
  }

  @Test
  void theEndingTaskNeedsTheSettlement() {
    ProcessInstance pi = toFollowUp(startForm());
    CaseMessages.correlate(engine, pi.getId(), CaseChanges.END_NOW, ending("asiakkaan_valinta"));
    assertThatThrownBy(() -> hb.complete(pi, "Task_Paattaminen", Map.of("sitoumustenPaattaminen", "ok")))
        .hasMessageContaining("Miten sitoumukset päätettiin");
    assertThat(pi).isWaitingAt("Task_Paattaminen");
  }

  // --- transition (675/2023 42 § 3 mom) -------------------------------------------------------------------------

  @Test
  void aGrantInACaseOpenedUnderTheOldLawIsMarkedAndTheLeadingSocialWorkerCanStartTheNewDecisionAtOnce() {
    Map<String, Object> oldLaw = startForm();
    oldLaw.put("vireilletulopaiva", "2024-11-15");
    ProcessInstance pi = toFollowUp(oldLaw);

    assertThat(hb.variable(pi, "siirtymaajanPaatos")).isEqualTo(true);
    assertThat(day((Date) hb.variable(pi, "erapaiva_SIIRTYMA"))).isEqualTo(LocalDate.of(2027, 10, 1));
    assertThat((String) hb.variable(pi, "maaraika_SIIRTYMA")).contains("675/2023 42 § 3 mom").contains("1.1.2028")
        .contains("Hyvinvointialueen oma tavoite");
    Task transition = hb.taskAmong(pi, "Task_Siirtymaaika");
    assertThat(hb.candidateGroups(transition)).containsExactly("johtavat-sosiaalityontekijat");
    assertThat(day(transition.getDueDate())).isEqualTo(LocalDate.of(2027, 10, 1));
    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_Siirtymaaika").count()).isEqualTo(1);
    assertThat(pi).isWaitingAt("Gateway_SeurantaOdottaa", "Task_Siirtymaaika");

    // the client asks for a decision under the new law: a new assessment at once, the review wait ends
    hb.completeAmong(pi, "Task_Siirtymaaika", Map.of("uudelleenpaatoksenAloite", "asiakas",
        "uudelleenpaatoksenPerustelu", "Asiakas pyysi uutta päätöstä puhelimessa."));
    assertThat(hb.tasks(pi)).extracting(Task::getTaskDefinitionKey).containsExactly("Task_Arviointi");
    assertThat(reviewTimers(pi)).isEmpty();
    assertThat(pi).hasPassed("Event_UusiPaatosPyydetty");
    assertThat(ledgers(pi)).isEqualTo(1); // the ledger runs until the new budget takes over
    assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(pi.getId()).activityId(
        "Task_Arviointi").count()).isEqualTo(1);

    // the new decision is under 675/2023: the mark is removed
    hb.complete(pi, "Task_Arviointi", standardAssessment());
    hb.complete(pi, "Task_Soveltuvuus", ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "kylla",
        "nykyistaVoiMuokata", "ei", "soveltuvuudenPerustelut", "HB soveltuu edelleen.")));
    hb.complete(pi, "Task_TuenValinta", Map.of("tukimalli", "EI_TUKEA"));
    hb.complete(pi, "Task_Tukisuunnitelma", HbCaseDriver.plan("Henkilökohtainen avustaja", "Avustajapalvelu Oy",
        "1500,00"));
    hb.complete(pi, "Task_Paatos", decision("myonnetty"));
    assertThat(hb.variable(pi, "siirtymaajanPaatos")).isEqualTo(false);
    assertThat(hb.variable(pi, "erapaiva_SIIRTYMA")).isNull();
    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_Siirtymaaika").count()).isZero();
  }

  @Test
  void aRequestForANewDecisionDuringAReviewTakesEffectWhenTheReviewIsDone() {
    Map<String, Object> oldLaw = startForm();
    oldLaw.put("vireilletulopaiva", "2024-11-15");
    ProcessInstance pi = toFollowUp(oldLaw);
    CaseMessages.correlate(engine, pi.getId(), CaseChanges.REVIEW_NOW, Map.of("seurantaNytSyy", "Asiakas soitti."));
    hb.completeAmong(pi, "Task_Siirtymaaika", Map.of("uudelleenpaatoksenAloite", "asiakas"));
    assertThat(hb.tasks(pi)).extracting(Task::getTaskDefinitionKey).containsExactly("Task_Seuranta");

    hb.complete(pi, "Task_Seuranta", review("jatketaan"));
    assertThat(hb.tasks(pi)).extracting(Task::getTaskDefinitionKey).containsExactly("Task_Arviointi");
    assertThat(reviewTimers(pi)).isEmpty();
    assertThat(hb.variable(pi, "uusiPaatosPyydetty")).isEqualTo(false);
  }

  @Test
  void aReviewThatFindsNewNeedsReplacesTheOldLawDecisionAndEndsTheWorklistItem() {
    Map<String, Object> oldLaw = startForm();
    oldLaw.put("vireilletulopaiva", "2024-11-15");
    ProcessInstance pi = toFollowUp(oldLaw);
    CaseMessages.correlate(engine, pi.getId(), CaseChanges.REVIEW_NOW, Map.of("seurantaNytSyy", "Tarpeet muuttuivat."));
    hb.completeAmong(pi, "Task_Seuranta", review("lasketaan_uudelleen"));
    assertThat(hb.variable(pi, "uudelleenarviointiPaiva")).isEqualTo("2026-06-15");
    hb.completeAmong(pi, "Task_Arviointi", standardAssessment());
    hb.completeAmong(pi, "Task_Soveltuvuus", ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "kylla",
        "nykyistaVoiMuokata", "ei", "soveltuvuudenPerustelut", "HB soveltuu edelleen.")));
    hb.completeAmong(pi, "Task_TuenValinta", Map.of("tukimalli", "EI_TUKEA"));
    hb.completeAmong(pi, "Task_Tukisuunnitelma", HbCaseDriver.plan("Avustaja", "Avustajapalvelu Oy", "1500,00"));
    hb.completeAmong(pi, "Task_Paatos", decision("myonnetty"));
    assertThat(hb.variable(pi, "siirtymaajanPaatos")).isEqualTo(false);
    assertThat(hb.tasks(pi)).extracting(Task::getTaskDefinitionKey).containsExactly("Task_Tiedoksianto");
  }

  @Test
  void aCaseOpenedUnderTheNewLawIsNotMarked() {
    ProcessInstance pi = toFollowUp(startForm());
    assertThat(hb.variable(pi, "siirtymaajanPaatos")).isEqualTo(false);
    assertThat(hb.variable(pi, "erapaiva_SIIRTYMA")).isNull();
    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_Siirtymaaika").count()).isZero();
  }

  // --- helpers -------------------------------------------------------------------------------------------------

  private ProcessInstance toFollowUp(Map<String, Object> startForm) {
    return hb.toFollowUp(startForm);
  }

  private List<Job> reviewTimers(ProcessInstance pi) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId("Timer_Seurantapaiva").list();
  }

  private ProcessInstance ledger(ProcessInstance pi) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("hb-budjetin-kaytto")
        .processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
  }

  private long ledgers(ProcessInstance pi) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("hb-budjetin-kaytto")
        .processInstanceBusinessKey(pi.getBusinessKey()).count();
  }

  private void recordExpense(ProcessInstance ledger, String day, String euros, String description) {
    engine.getFormService().submitTaskForm(engine.getTaskService().createTaskQuery().processInstanceId(ledger.getId())
        .taskDefinitionKey("Task_Kulut").singleResult().getId(),
        Map.of("kulunPaiva", day, "kulunSumma", euros, "kulunSelite", description));
  }

  private void handleAlert(ProcessInstance ledger, String action) {
    engine.getFormService().submitTaskForm(engine.getTaskService().createTaskQuery().processInstanceId(ledger.getId())
        .taskDefinitionKey("Task_KayttoHalytys").singleResult().getId(),
        Map.of("halytyksenSelvitys", "Kertaluonteinen hankinta kauden alussa.", "halytyksenToimenpide", action));
  }

  private static Map<String, Object> ending(String reason) {
    return Map.of("paattymisenSyy", reason, "paattymisPaiva", "2026-06-14",
        "paattymisenLisatiedot", "Omainen ilmoitti puhelimessa.");
  }

  private Object historic(ProcessInstance pi, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(name).singleResult().getValue();
  }

  private static LocalDate day(Date date) {
    return LocalDate.ofInstant(date.toInstant(), FINLAND);
  }

  private static Map<String, Object> review(String outcome) {
    Map<String, Object> v = new HashMap<>();
    v.put("seurantapaiva", org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().atZone(FINLAND)
        .toLocalDate().toString());
    v.put("seurannanHavainnot", "Budjetti on käytössä suunnitellusti.");
    v.put("seurannanTulos", outcome);
    v.putAll(ResearchFixtures.evaluation());
    v.putAll(ResearchFixtures.feedback());
    return v;
  }
}
