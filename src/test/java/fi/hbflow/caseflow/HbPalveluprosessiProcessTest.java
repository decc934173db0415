package fi.hbflow.caseflow;

import static fi.hbflow.caseflow.HbCaseDriver.assessment;
import static fi.hbflow.caseflow.HbCaseDriver.decision;
import static fi.hbflow.caseflow.HbCaseDriver.plan;
import static fi.hbflow.caseflow.HbCaseDriver.standardAssessment;
import static fi.hbflow.caseflow.HbCaseDriver.startForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fi.hbflow.HbCaseModels;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import fi.hbflow.TestEngine;

/** {@code hb-palveluprosessi}: one test per path, and the bad inputs that must be refused without losing the case. */
@HbCaseModels
class HbPalveluprosessiProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = TestEngine.extension();

  ProcessEngine engine;
  HbCaseDriver hb;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    hb = new HbCaseDriver(engine);
  }

  @Test
  void caseOpensWithReadableBusinessKeyAgeGroupAndRoutedAssessment() {
    Map<String, Object> form = startForm();
    form.put("henkilotunnus", "010594y9021");
    ProcessInstance first = hb.open(form);
    ProcessInstance second = hb.open(startForm());

    assertThat(first.getBusinessKey()).isEqualTo("HB-2026-000001");
    assertThat(second.getBusinessKey()).isEqualTo("HB-2026-000002");
    assertThat(hb.variable(first, "henkilotunnus")).isEqualTo("010594Y9021");
    assertThat(hb.variable(first, "ikaryhma")).isEqualTo("aikuinen");
    assertThat(first).isWaitingAt("Task_Arviointi");
    assertThat(hb.candidateGroups(hb.task(first, "Task_Arviointi"))).containsExactly("sosiaalityo");
  }

  @Test
  void notEntitledEndsTheCase() {
    ProcessInstance pi = hb.open(startForm());
    hb.complete(pi, "Task_Arviointi", HbCaseDriver.notEntitledAssessment());
    assertThat(pi).isEnded().hasPassed("End_EiOikeutta");
  }

  @Test
  void notSuitableGoesToOrdinaryServicesWithReasons() {
    ProcessInstance pi = hb.open(startForm());
    hb.complete(pi, "Task_Arviointi", standardAssessment());
    hb.complete(pi, "Task_Soveltuvuus", fi.hbflow.research.ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "ei", "nykyistaVoiMuokata", "kylla",
        "soveltuvuudenPerustelut", "Nykyistä asumispalvelua voidaan muokata.")));
    assertThat(pi).isEnded().hasPassed("End_TavallisetPalvelut");
    assertThat(pi).variables().containsEntry("hbTulos", "tavalliset_palvelut")
        .containsEntry("soveltuvuudenPerustelut", "Nykyistä asumispalvelua voidaan muokata.");
  }

  @Test
  void approvedCaseIsImplementedFollowedUpAndEnded() throws Exception {
    ProcessInstance pi = hb.toDecision(standardAssessment());

    assertThat(pi).variables()
        .containsEntry("budjettiKausiSentit", 2_212_740L)
        .containsEntry("budjettiYhteensa", "22 127,40 €")
        .containsEntry("hinnasto", "hb-yksikkohinnat v1")
        .containsEntry("palvelutyypit", "HENKILOKOHTAINEN_APU,LIIKKUMISEN_TUKI")
        .containsEntry("suunnitelmaKkSentit", 180_000L)
        .containsEntry("paattajaRyhma", "sosiaalityo");
    assertThat((String) hb.variable(pi, "budjettiErittelyTeksti")).contains("Henkilökohtainen apu (Vammaispalvelulaki 675/2023 9 §): 40 × 32,45 €/tunti = 1 298,00 €/kk")
        .contains("Liikkumisen tuki (Vammaispalvelulaki 675/2023 28 § (kuljetuspalvelu 29 § 1 mom 1 k)): 18 × 28,85 €/matka");
    JsonValue breakdown = engine.getRuntimeService().getVariableTyped(pi.getId(), "budjettierittely");
    assertThat(breakdown.getValue().prop("kuukaudet").elements()).hasSize(12);
    assertThat(hb.candidateGroups(hb.task(pi, "Task_Paatos"))).containsExactly("sosiaalityo");

    engine.getIdentityService().setAuthenticatedUserId("sosiaalityontekija");
    hb.complete(pi, "Task_Paatos", decision("myonnetty"));
    engine.getIdentityService().clearAuthentication();
    assertThat(hb.variable(pi, "paattaja")).isEqualTo("sosiaalityontekija");
    // the written decision is kept with the case: HTML to print and archive, Markdown for the forms
    org.camunda.bpm.engine.variable.value.FileValue document =
        engine.getRuntimeService().getVariableTyped(pi.getId(), "paatosasiakirja");
    assertThat(document.getMimeType()).isEqualTo("text/html");
    assertThat(new String(document.getValue().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("Henkilökohtainen apu").contains("hb-yksikkohinnat v1").contains("yksilöasioiden jaosto")
        .contains("delegointisääntö 5");
    assertThat((String) hb.variable(pi, "paatosasiakirjaTeksti")).contains("Oikaisuvaatimusohje");

    hb.notifyAndLetTheWindowClose(pi);
    assertThat(hb.variable(pi, "lainvoimainen")).isEqualTo(true);
    assertThat(hb.candidateGroups(hb.task(pi, "Task_Toteutus"))).containsExactly("palveluohjaus");
    hb.complete(pi, "Task_Toteutus", Map.of("toteutuksenAloituspaiva", "2026-06-15",
        "suunnitelma1Jarjestamistapa", "TYONANTAJAMALLI", "suunnitelma2Jarjestamistapa", "PALVELUSETELI"));
    assertThat(ledgers(pi)).isEqualTo(1); // the budget's use is followed from the implementation on
    reviewDay(pi);
    hb.complete(pi, "Task_Seuranta", review("jatketaan", null));
    reviewDay(pi);
    hb.complete(pi, "Task_Seuranta", review("paatetaan", "muutto"));
    assertThat(ledgers(pi)).isZero();

    assertThat(pi).isEnded().hasPassed("Task_Toteutus", "End_Paattynyt");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("paattymisenSyy").singleResult().getValue()).isEqualTo("muutto");
  }

  @Test
  void rejectedCaseEndsAfterNotification() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    hb.complete(pi, "Task_Paatos", decision("hylatty"));
    hb.notifyAndLetTheWindowClose(pi);
    assertThat(pi).isEnded().hasPassed("End_EiMyonnetty", "Event_Lainvoimainen").hasNotPassed("Task_Toteutus");
  }

  @Test
  void upheldRectificationRequestChangesTheDecision() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    hb.complete(pi, "Task_Paatos", decision("hylatty"));
    hb.notifyAndReceiveARectificationRequest(pi);
    assertThat(hb.candidateGroups(hb.task(pi, "Task_Oikaisuvaatimus"))).containsExactly("yksilojaosto");
    hb.complete(pi, "Task_Oikaisuvaatimus", Map.of("oikaisuvaatimuksenRatkaisu", "hyvaksytty",
        "oikaisuMuuttaaBudjettia", "ei", "oikaisuvaatimuksenPerustelut", "Arvioitu tarve oikeuttaa HB:hen."));
    hb.complete(pi, "Task_RatkaisunTiedoksianto", HbCaseDriver.rulingNotification());

    // routed again by the delegation rules, decided anew
    assertThat(hb.candidateGroups(hb.task(pi, "Task_Paatos"))).containsExactly("sosiaalityo");
    hb.complete(pi, "Task_Paatos", decision("myonnetty"));
    hb.notifyAndLetTheWindowClose(pi);
    assertThat(pi).isWaitingAt("Task_Toteutus");
  }

  @Test
  void aGrantOrderedEnforcedAtOnceIsImplementedWhenNotifiedWhileTheWindowRuns() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    hb.complete(pi, "Task_Paatos", HbCaseDriver.grantEnforcedAtOnce());
    assertThat((String) hb.variable(pi, "paatosasiakirjaTeksti")).contains("heti täytäntöön pantavaksi",
        "52 § 1 mom", "Päätös on voimassa toistaiseksi", "Sovelletut säännökset", "Lisätietoja päätöksestä antaa");
    assertThat(pi).isWaitingAt("Task_Tiedoksianto"); // not before the client is notified

    hb.complete(pi, "Task_Tiedoksianto", HbCaseDriver.notification());
    // implementation at once, the rectification window (task, timer, electronic message) beside it
    assertThat(pi).isWaitingAt("Task_Toteutus", "Task_OikaisuvaatimusAika");
    assertThat(hb.candidateGroups(hb.taskAmong(pi, "Task_Toteutus"))).containsExactly("palveluohjaus");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Boundary_OikaisuaikaPaattyi").count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
        .eventName("HB_OIKAISUVAATIMUS").count()).isEqualTo(1);

    hb.completeAmong(pi, "Task_Toteutus", implementation());
    assertThat(ledgers(pi)).isEqualTo(1); // the budget is in use while the decision is not yet final
    assertThat(pi).isWaitingAt("Task_OikaisuvaatimusAika", "Event_MuutoksenhakuRatkaistu");

    Job window = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId("Boundary_OikaisuaikaPaattyi").singleResult();
    engine.getManagementService().executeJob(window.getId());
    assertThat(hb.variable(pi, "lainvoimainen")).isEqualTo(true);
    assertThat(pi).isWaitingAt("Gateway_SeurantaOdottaa").hasPassed("End_PaatosPysyy");
    assertThat(ledgers(pi)).isEqualTo(1);
  }

  @Test
  void aGrantWithoutTheOrderWaitsForFinality() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    hb.complete(pi, "Task_Paatos", decision("myonnetty"));
    hb.complete(pi, "Task_Tiedoksianto", HbCaseDriver.notification());
    assertThat(hb.tasks(pi)).extracting(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey)
        .containsExactly("Task_OikaisuvaatimusAika");
    Job window = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId("Boundary_OikaisuaikaPaattyi").singleResult();
    engine.getManagementService().executeJob(window.getId());
    assertThat(pi).isWaitingAt("Task_Toteutus").hasNotPassed("End_PaatosPysyy");
  }

  @Test
  void untickingTheOrderOnAGrantNeedsAReason() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    Map<String, Object> unticked = new HashMap<>(decision("myonnetty"));
    unticked.remove("hetiTaytantoonPerustelu");
    assertThatThrownBy(() -> hb.complete(pi, "Task_Paatos", unticked))
        .hasMessageContaining("ettei päätöstä määrätä heti täytäntöön puuttuu");
    Map<String, Object> silent = new HashMap<>(decision("myonnetty"));
    silent.remove("hetiTaytantoon");
    silent.remove("hetiTaytantoonPerustelu");
    assertThatThrownBy(() -> hb.complete(pi, "Task_Paatos", silent))
        .hasMessageContaining("määrätäänkö päätös heti täytäntöön");
    assertThat(pi).isWaitingAt("Task_Paatos");
    hb.complete(pi, "Task_Paatos", decision("hylatty")); // a refusal has no order
    assertThat(pi).isWaitingAt("Task_Tiedoksianto");
  }

  @Test
  void anUpheldRequestDuringImplementationDecidesAnewAndTheLedgerKeepsItsUse() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    hb.complete(pi, "Task_Paatos", HbCaseDriver.grantEnforcedAtOnce());
    hb.complete(pi, "Task_Tiedoksianto", HbCaseDriver.notification());
    hb.completeAmong(pi, "Task_Toteutus", implementation());
    ProcessInstance ledger = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("hb-budjetin-kaytto").processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
    HbCaseDriver.setClock(java.time.LocalDateTime.of(2026, 7, 5, 10, 0));
    engine.getFormService().submitTaskForm(engine.getTaskService().createTaskQuery()
        .processInstanceId(ledger.getId()).taskDefinitionKey("Task_Kulut").singleResult().getId(),
        Map.of("kulunPaiva", "2026-07-03", "kulunSumma", "1200,00", "kulunSelite", "Avustajan palkka 7/2026"));
    assertThat(hb.variable(pi, "kaytettySentit")).isEqualTo(120_000L);

    hb.completeAmong(pi, "Task_OikaisuvaatimusAika", Map.of("oikaisuvaatimuksenSaapumispaiva", "2026-06-14",
        "oikaisuvaatimuksenSisalto", "Asiakas pyytää oikaisua: avustajatunnit eivät riitä."));
    hb.completeAmong(pi, "Task_Oikaisuvaatimus", Map.of("oikaisuvaatimuksenRatkaisu", "hyvaksytty",
        "oikaisuMuuttaaBudjettia", "kylla", "oikaisuvaatimuksenPerustelut", "Avustajatunteja on lisättävä."));
    assertThat((String) hb.variable(pi, "oikaisuvaatimuksenRatkaisuasiakirjaTeksti"))
        .contains("Oikaisuvaatimus hyväksytään", "budjetti lasketaan uudelleen", "Valitusosoitus");
    hb.completeAmong(pi, "Task_RatkaisunTiedoksianto", HbCaseDriver.rulingNotification());
    // the old implementation stops; the needs are assessed anew; the ledger runs on meanwhile
    assertThat(pi).hasPassed("End_ToteutusPaattyiUuteenPaatokseen");
    assertThat(hb.tasks(pi)).extracting(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey)
        .containsExactly("Task_Arviointi");
    assertThat(ledgers(pi)).isEqualTo(1);
    long oldBudget = (Long) hb.variable(pi, "budjettiKausiSentit");

    // a new amount: more assistant hours; suitability and the support choice are not asked again
    hb.complete(pi, "Task_Arviointi", HbCaseDriver.assessment("HENKILOKOHTAINEN_APU", 60, "LIIKKUMISEN_TUKI", 18));
    assertThat(pi).isWaitingAt("Task_Tukisuunnitelma");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("Task_Soveltuvuus").count()).isEqualTo(1);
    long newBudget = (Long) hb.variable(pi, "budjettiKausiSentit");
    assertThat(newBudget).isGreaterThan(oldBudget);
    hb.complete(pi, "Task_Tukisuunnitelma", HbCaseDriver.plan("Henkilökohtainen avustaja", "Avustajapalvelu Oy",
        "2000,00", "Taksimatkat", "Taksi Etelä-Karjala", "300"));
    hb.complete(pi, "Task_Paatos", HbCaseDriver.grantEnforcedAtOnce());
    hb.complete(pi, "Task_Tiedoksianto", HbCaseDriver.notification());
    hb.completeAmong(pi, "Task_Toteutus", implementation());

    ProcessInstance newLedger = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("hb-budjetin-kaytto").processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
    assertThat(newLedger.getId()).isNotEqualTo(ledger.getId());
    assertThat(engine.getRuntimeService().getVariable(newLedger.getId(), "budjettiKausiSentit")).isEqualTo(newBudget);
    assertThat(engine.getRuntimeService().getVariable(newLedger.getId(), "kaytettySentit")).isEqualTo(120_000L);
    assertThat(engine.getRuntimeService().getVariable(newLedger.getId(), "kulut").toString())
        .contains("Avustajan palkka 7/2026").contains("\"siirretty\":true");
    assertThat((String) engine.getRuntimeService().getVariable(newLedger.getId(), "kulutTeksti"))
        .contains("1 200,00 €");
    assertThat(hb.variable(pi, "kaytettySentit")).isEqualTo(120_000L);
    assertThat(hb.variable(pi, "budjettiaJaljella")).isEqualTo(fi.hbflow.budget.Money.format(newBudget - 120_000L));
    assertThat(hb.variable(pi, "oikaisunUudelleenlaskenta")).isEqualTo(false);
  }

  @Test
  void anUpheldRequestBeforeImplementationIsDoneCancelsTheImplementationTask() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    hb.complete(pi, "Task_Paatos", HbCaseDriver.grantEnforcedAtOnce());
    hb.complete(pi, "Task_Tiedoksianto", HbCaseDriver.notification());
    hb.completeAmong(pi, "Task_OikaisuvaatimusAika", Map.of("oikaisuvaatimuksenSaapumispaiva", "2026-06-14",
        "oikaisuvaatimuksenSisalto", "Asiakas pyytää oikaisua: avustajatunnit eivät riitä."));
    assertThat(pi).isWaitingAt("Task_Toteutus", "Task_Oikaisuvaatimus");
    hb.completeAmong(pi, "Task_Oikaisuvaatimus", Map.of("oikaisuvaatimuksenRatkaisu", "hyvaksytty",
        "oikaisuMuuttaaBudjettia", "ei", "oikaisuvaatimuksenPerustelut", "Avustajatunteja on lisättävä."));
    hb.completeAmong(pi, "Task_RatkaisunTiedoksianto", HbCaseDriver.rulingNotification());
    assertThat(pi).hasPassed("Boundary_ToteutusKeskeytyy", "End_ToteutusKeskeytyi");
    assertThat(hb.tasks(pi)).extracting(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey)
        .containsExactly("Task_Paatos");
    assertThat(ledgers(pi)).isZero();

    // decided anew without the order: the case now waits for the new decision's finality
    hb.complete(pi, "Task_Paatos", decision("myonnetty"));
    hb.complete(pi, "Task_Tiedoksianto", HbCaseDriver.notification());
    assertThat(hb.tasks(pi)).extracting(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey)
        .containsExactly("Task_OikaisuvaatimusAika");
  }

  private static Map<String, Object> implementation() {
    return Map.of("toteutuksenAloituspaiva", "2026-06-15",
        "suunnitelma1Jarjestamistapa", "TYONANTAJAMALLI", "suunnitelma2Jarjestamistapa", "PALVELUSETELI");
  }

  @Test
  void rejectedRectificationRequestKeepsTheDecision() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    hb.complete(pi, "Task_Paatos", decision("myonnetty"));
    hb.notifyAndReceiveARectificationRequest(pi);
    hb.complete(pi, "Task_Oikaisuvaatimus", Map.of("oikaisuvaatimuksenRatkaisu", "hylatty",
        "oikaisuvaatimuksenPerustelut", "Päätös vastaa arvioitua tarvetta."));
    // the ruling is a decision of its own: a written document with appeal instructions, notified like the decision
    assertThat(pi).isWaitingAt("Task_RatkaisunTiedoksianto");
    assertThat(hb.candidateGroups(hb.task(pi, "Task_RatkaisunTiedoksianto"))).containsExactly("sosiaalityo");
    assertThat((String) hb.variable(pi, "oikaisuvaatimuksenRatkaisuasiakirjaTeksti")).contains(
        "Päätös oikaisuvaatimukseen", "Oikaisuvaatimus hylätään", "Päätös vastaa arvioitua tarvetta.",
        "Valitusosoitus", "hallinto-oikeus", "808/2019 13 § 2 mom");
    org.camunda.bpm.engine.variable.value.FileValue ruling =
        engine.getRuntimeService().getVariableTyped(pi.getId(), "oikaisuvaatimuksenRatkaisuasiakirja");
    assertThat(ruling.getMimeType()).isEqualTo("text/html");
    hb.complete(pi, "Task_RatkaisunTiedoksianto", HbCaseDriver.rulingNotification());
    assertThat(hb.variable(pi, "ratkaisunTiedoksiantopaiva")).isEqualTo("2026-06-15");
    assertThat(pi).isWaitingAt("Task_Toteutus");
  }

  @Test
  void reviewWithChangedNeedsRecalculatesAndRoutesTheNewDecisionAgain() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    hb.complete(pi, "Task_Paatos", decision("myonnetty"));
    hb.notifyAndLetTheWindowClose(pi);
    hb.complete(pi, "Task_Toteutus", Map.of("toteutuksenAloituspaiva", "2026-06-15",
        "suunnitelma1Jarjestamistapa", "TYONANTAJAMALLI", "suunnitelma2Jarjestamistapa", "OSTOPALVELU"));
    reviewDay(pi);
    hb.complete(pi, "Task_Seuranta", review("lasketaan_uudelleen", null));

    assertThat(pi).isWaitingAt("Task_Arviointi");
    hb.complete(pi, "Task_Arviointi", assessment("HENKILOKOHTAINEN_APU", 400));
    hb.complete(pi, "Task_Soveltuvuus", fi.hbflow.research.ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "kylla", "nykyistaVoiMuokata", "ei",
        "soveltuvuudenPerustelut", "Tarve on kasvanut, HB soveltuu edelleen.")));
    hb.complete(pi, "Task_TuenValinta", Map.of("tukimalli", "EI_TUKEA"));
    // 400 h × 32,45 € × 6 + 400 h × 33,40 € × 6 = 158 040,00 € a year: the service manager decides
    assertThat(hb.variable(pi, "budjettiKausiSentit")).isEqualTo(15_804_000L);
    hb.complete(pi, "Task_Tukisuunnitelma", plan("Avustajat", "Avustajapalvelu Oy", "13000"));
    assertThat(hb.candidateGroups(hb.task(pi, "Task_Paatos"))).containsExactly("palvelupaallikot");
    assertThat((String) hb.variable(pi, "delegointiPerustelu")).contains("100 000");
  }

  @Test
  void theSupportChoiceGetsTheClientsNameAndTheCasesDeadlineButNotTheRestOfTheCase() {
    ProcessInstance pi = hb.open(startForm());
    hb.complete(pi, "Task_Arviointi", standardAssessment());
    hb.complete(pi, "Task_Soveltuvuus", fi.hbflow.research.ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "kylla",
        "nykyistaVoiMuokata", "ei", "soveltuvuudenPerustelut", "Nykyistä palvelua ei voi muokata.")));

    org.camunda.bpm.engine.task.Task choice = hb.task(pi, "Task_TuenValinta");
    Map<String, Object> seen = engine.getTaskService().getVariables(choice.getId());
    assertThat(seen).containsEntry("asiakasNimi", hb.variable(pi, "asiakasNimi"))
        .doesNotContainKeys("henkilotunnus", "arvioinninYhteenveto", "soveltuvuudenPerustelut");
    // the routing table gives the support tasks the decision deadline (PAATOS), which the case keeps
    assertThat(hb.variable(pi, "erapaiva_PAATOS")).isNotNull();
    assertThat(choice.getDueDate()).isEqualTo(hb.variable(pi, "erapaiva_PAATOS"));
    assertThat(choice.getName()).contains(pi.getBusinessKey());
  }

  @Test
  void aRoutingRowForTheClientsMunicipalitySendsTheTaskToTheAreasTeam() {
    String area = fi.hbflow.routing.AreaRows.deploy(engine, "Task_Arviointi", "\"Imatra\"",
        "sosiaalityo-imatra");
    try {
      Map<String, Object> fromImatra = startForm();
      fromImatra.put("kotikunta", "Imatra");
      ProcessInstance imatra = hb.open(fromImatra);
      ProcessInstance lappeenranta = hb.open(startForm());

      assertThat(hb.candidateGroups(hb.task(imatra, "Task_Arviointi"))).containsExactly("sosiaalityo-imatra");
      assertThat(hb.candidateGroups(hb.task(lappeenranta, "Task_Arviointi"))).containsExactly("sosiaalityo");
      // the table's other rows still apply to the area's case
      hb.complete(imatra, "Task_Arviointi", standardAssessment());
      assertThat(hb.candidateGroups(hb.task(imatra, "Task_Soveltuvuus"))).containsExactly("sosiaalityo");
    } finally {
      engine.getRepositoryService().deleteDeployment(area, true);
    }
  }

  @Test
  void anUnknownServiceIsRefusedInTheAssessmentForm() {
    ProcessInstance pi = hb.open(startForm());
    assertThatThrownBy(() -> hb.complete(pi, "Task_Arviointi", assessment("RATSASTUS", 4)))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Lomakkeessa ei ole kenttää 'tarve_RATSASTUS'");
    assertThat(pi).isWaitingAt("Task_Arviointi");
  }

  @Test
  void anEarlierCaseWithTheOldCodesIsPricedAndNamedUnderTheServicesOf675_2023() {
    ProcessInstance pi = hb.open(startForm());
    hb.complete(pi, "Task_Arviointi", assessment("HENKILOKOHTAINEN_APU", 10));
    // an earlier case: its needs were recorded with the codes of the old form (they can no longer come from the form)
    engine.getRuntimeService().setVariable(pi.getId(), "tarve_TUETTU_ASUMINEN", 2);
    engine.getRuntimeService().setVariable(pi.getId(), "tarve_KULJETUSPALVELU", 4);
    engine.getRuntimeService().setVariable(pi.getId(), "tarve_TYOTOIMINTA", 2);
    passSuitabilityAndSupport(pi);

    assertThat(pi).isWaitingAt("Task_Tukisuunnitelma");
    assertThat((String) hb.variable(pi, "palvelutyypit"))
        .isEqualTo("ASUMISEN_TUKI,HENKILOKOHTAINEN_APU,KEHITYSVAMMAISTEN_TYOTOIMINTA,LIIKKUMISEN_TUKI");
    // 12 months of 2026-07..2027-06: 6 at 2026 prices, 6 at 2027 prices
    long expected = 6 * (2 * 201_00L + 10 * 32_45L + 2 * 77_30L + 4 * 28_85L)
        + 6 * (2 * 207_00L + 10 * 33_40L + 2 * 79_60L + 4 * 29_70L);
    assertThat(hb.variable(pi, "budjettiKausiSentit")).isEqualTo(expected);
    assertThat((String) hb.variable(pi, "budjettiErittelyTeksti"))
        .contains("- Asumisen tuki (Vammaispalvelulaki 675/2023 18 §): 2 × 201,00 €/vuorokausi")
        .contains("- Liikkumisen tuki (Vammaispalvelulaki 675/2023 28 § (kuljetuspalvelu 29 § 1 mom 1 k)): 4 × 28,85 €/matka")
        .contains("- Kehitysvammaisten henkilöiden työtoiminta (Vammaispalvelulaki 675/2023 27 §): 2 × 77,30 €/päivä")
        .doesNotContain("Tuettu asuminen", "Kuljetuspalvelu", "- Työtoiminta");
    JsonValue breakdown = engine.getRuntimeService().getVariableTyped(pi.getId(), "budjettierittely");
    assertThat(breakdown.getValue().prop("kuukaudet").elements().get(0).prop("rivit").elements())
        .extracting(l -> l.prop("palvelu").stringValue() + " " + l.prop("lainkohta").stringValue())
        .containsExactly("ASUMISEN_TUKI Vammaispalvelulaki 675/2023 18 §", "HENKILOKOHTAINEN_APU Vammaispalvelulaki 675/2023 9 §",
            "KEHITYSVAMMAISTEN_TYOTOIMINTA Vammaispalvelulaki 675/2023 27 §",
            "LIIKKUMISEN_TUKI Vammaispalvelulaki 675/2023 28 § (kuljetuspalvelu 29 § 1 mom 1 k)");

    // asumisen tuki goes to a leading social worker, as supported housing did (a budget under 30 000 €/year)
    assertThat((Long) hb.variable(pi, "vuosibudjettiSentit")).isLessThan(3_000_000L);
    hb.complete(pi, "Task_Tukisuunnitelma", plan("Avustaja", "Avustajapalvelu Oy", "100"));
    assertThat(hb.candidateGroups(hb.task(pi, "Task_Paatos"))).containsExactly("johtavat-sosiaalityontekijat");
    assertThat((String) hb.variable(pi, "delegointiPerustelu")).contains("asumisen tukea");
  }

  @Test
  void theOldCodesAreNoLongerFieldsOfTheAssessmentForm() {
    ProcessInstance pi = hb.open(startForm());
    for (String old : java.util.List.of("TUETTU_ASUMINEN", "KULJETUSPALVELU", "TYOTOIMINTA")) {
      Map<String, Object> form = assessment("HENKILOKOHTAINEN_APU", 40);
      form.put("tarve_" + old, 3);
      assertThatThrownBy(() -> hb.complete(pi, "Task_Arviointi", form))
          .isInstanceOf(FormFieldValidationException.class)
          .hasMessageContaining("Lomakkeessa ei ole kenttää 'tarve_" + old + "'");
    }
    assertThat(pi).isWaitingAt("Task_Arviointi");
  }

  @Test
  void aNewServiceOf675_2023IsPricedFromTheFormFieldAndThePriceRow() {
    ProcessInstance pi = hb.open(startForm());
    hb.complete(pi, "Task_Arviointi", assessment("TUETTU_PAATOKSENTEKO", 4, "HENGITYSLAITTEEN_VARASSA_ELAVAN_TUKI", 300));
    passSuitabilityAndSupport(pi);
    assertThat((String) hb.variable(pi, "budjettiErittelyTeksti"))
        .contains("- Tuettu päätöksenteko (Vammaispalvelulaki 675/2023 14 §): 4 × 56,65 €/tunti")
        .contains("- Taloudellinen tuki hengityslaitteen varassa elävälle henkilölle (Vammaispalvelulaki 675/2023 33 §): "
            + "300 × 1,00 €/euro = 300,00 €/kk");
  }

  /** README "For process owners": a new service type is a price-table row and a form field, no Java. */
  @Test
  void aNewServiceTypeNeedsOnlyAPriceRowAndAFormField() throws Exception {
    String table = java.nio.file.Files.readString(java.nio.file.Path.of("processes/hb-yksikkohinnat.dmn"));
    table = table.replace("    </decisionTable>", """
          <rule id="Hinta_KOTIAPU_2026">
            <inputEntry id="Hinta_KOTIAPU_2026_tyyppi"><text>"KOTIAPU"</text></inputEntry>
            <inputEntry id="Hinta_KOTIAPU_2026_paiva"><text>[date("2026-01-01")..date("2027-12-31")]</text></inputEntry>
            <outputEntry id="Hinta_KOTIAPU_2026_nimi"><text>"Kotiapu"</text></outputEntry>
            <outputEntry id="Hinta_KOTIAPU_2026_yksikko"><text>"tunti"</text></outputEntry>
            <outputEntry id="Hinta_KOTIAPU_2026_hinta"><text>"20.00"</text></outputEntry>
            <outputEntry id="Hinta_KOTIAPU_2026_max"><text>100</text></outputEntry>
            <outputEntry id="Hinta_KOTIAPU_2026_lahde"><text>"testi"</text></outputEntry>
            <outputEntry id="Hinta_KOTIAPU_2026_lainkohta"><text>"Vammaispalvelulaki 675/2023 34 §"</text></outputEntry>
          </rule>
        </decisionTable>""");
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var form = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
        java.nio.file.Files.readString(java.nio.file.Path.of("forms/hb-palvelutarpeen-arviointi.form")));
    ((com.fasterxml.jackson.databind.node.ArrayNode) form.get("components")).addObject().put("label", "Kotiapu")
        .put("type", "number").put("id", "Field_tarve_KOTIAPU").put("key", "tarve_KOTIAPU").put("decimalDigits", 0);
    var deployment = engine.getRepositoryService().createDeployment().name("uusi palvelu")
        .addString("hb-yksikkohinnat.dmn", table)
        .addString("hb-palvelutarpeen-arviointi.form", json.writeValueAsString(form))
        .addInputStream("hb-palveluprosessi.bpmn",
            java.nio.file.Files.newInputStream(java.nio.file.Path.of("processes/hb-palveluprosessi.bpmn")));
    try (var otherForms = java.nio.file.Files.list(java.nio.file.Path.of("forms"))) {
      for (var f : otherForms.filter(f -> !f.getFileName().toString().equals("hb-palvelutarpeen-arviointi.form")).toList()) {
        deployment.addString(f.getFileName().toString(), java.nio.file.Files.readString(f));
      }
    }
    String id = deployment.deploy().getId();
    try {
      ProcessInstance pi = hb.open(startForm());
      hb.complete(pi, "Task_Arviointi", assessment("KOTIAPU", 5, "HENKILOKOHTAINEN_APU", 10));
      passSuitabilityAndSupport(pi);
      assertThat(pi).isWaitingAt("Task_Tukisuunnitelma");
      assertThat((String) hb.variable(pi, "palvelutyypit")).isEqualTo("HENKILOKOHTAINEN_APU,KOTIAPU");
      assertThat((String) hb.variable(pi, "budjettiErittelyTeksti"))
          .contains("- Kotiapu (Vammaispalvelulaki 675/2023 34 §): 5 × 20,00 €/tunti = 100,00 €/kk");
    } finally {
      engine.getRepositoryService().deleteDeployment(id, true);
    }
  }

  @Test
  void aMissingPriceSendsTheCaseBackToTheAssessmentWithTheReasonAndNoIncident() {
    ProcessInstance pi = hb.open(startForm());
    Map<String, Object> form = standardAssessment();
    form.put("budjettikaudenAlku", "2027-06-01"); // the example price list ends with 2027
    hb.complete(pi, "Task_Arviointi", form);
    passSuitabilityAndSupport(pi);

    assertThat(pi).isWaitingAt("Task_Arviointi");
    assertThat((String) hb.variable(pi, "laskentavirhe")).contains("HENKILOKOHTAINEN_APU").contains("2028-01-01")
        .contains("ei ole yksikköhintaa");
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();

    // corrected, the calculation succeeds and the reason is cleared
    hb.complete(pi, "Task_Arviointi", standardAssessment());
    passSuitabilityAndSupport(pi);
    assertThat(pi).isWaitingAt("Task_Tukisuunnitelma");
    assertThat(hb.variable(pi, "laskentavirhe")).isNull();
    assertThat(hb.variable(pi, "budjettiKausiSentit")).isEqualTo(2_212_740L);
  }

  private void passSuitabilityAndSupport(ProcessInstance pi) {
    hb.complete(pi, "Task_Soveltuvuus", fi.hbflow.research.ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "kylla", "nykyistaVoiMuokata", "ei",
        "soveltuvuudenPerustelut", "Nykyistä palvelua ei voi muokata.")));
    hb.complete(pi, "Task_TuenValinta", Map.of("tukimalli", "EI_TUKEA"));
  }

  @Test
  void invalidIdentityCodeStartsNothing() {
    Map<String, Object> form = startForm();
    form.put("henkilotunnus", "010594Y9022");
    assertThatThrownBy(() -> hb.open(form)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("tarkiste");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void startFormReportsAllItsProblemsAtOnce() {
    Map<String, Object> form = startForm();
    form.put("henkilotunnus", "1234");
    form.put("asiakasNimi", "");
    form.put("vireilletulopaiva", "2030-01-01");
    assertThatThrownBy(() -> hb.open(form)).hasMessageContaining("väärän muotoinen")
        .hasMessageContaining("Asiakkaan nimi puuttuu").hasMessageContaining("tulevaisuudessa");
  }

  @Test
  void negativeAndAbsurdAmountsAreRefusedAndTheTaskStays() {
    ProcessInstance pi = hb.open(startForm());
    String taskId = hb.task(pi, "Task_Arviointi").getId();
    assertThatThrownBy(() -> hb.complete(pi, "Task_Arviointi", assessment("HENKILOKOHTAINEN_APU", -5)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("negatiivinen");
    assertThatThrownBy(() -> hb.complete(pi, "Task_Arviointi", assessment("HENKILOKOHTAINEN_APU", 7440)))
        .hasMessageContaining("7440").hasMessageContaining("744");
    assertThatThrownBy(() -> hb.complete(pi, "Task_Arviointi", assessment("LIIKKUMISEN_TUKI", "kaksi")))
        .hasMessageContaining("arvon pitää olla luku");
    assertThatThrownBy(() -> hb.complete(pi, "Task_Arviointi", assessment("LIIKKUMISEN_TUKI", 1.5)))
        .hasMessageContaining("kokonaisluku");
    assertThat(hb.task(pi, "Task_Arviointi").getId()).isEqualTo(taskId);
    assertThat(hb.variable(pi, "tarve_HENKILOKOHTAINEN_APU")).isNull();
  }

  @Test
  void aPlanOverItsBudgetIsRefused() {
    ProcessInstance pi = hb.open(startForm());
    hb.complete(pi, "Task_Arviointi", standardAssessment());
    hb.complete(pi, "Task_Soveltuvuus", fi.hbflow.research.ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "kylla", "nykyistaVoiMuokata", "ei",
        "soveltuvuudenPerustelut", "Nykyistä palvelua ei voi muokata.")));
    hb.complete(pi, "Task_TuenValinta", Map.of("tukimalli", "EI_TUKEA"));

    assertThatThrownBy(() -> hb.complete(pi, "Task_Tukisuunnitelma", plan("Avustaja", "Avustajapalvelu Oy", "2000")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("ylittää budjetin")
        .hasMessageContaining("24 000,00 €").hasMessageContaining("22 127,40 €");
    assertThatThrownBy(() -> hb.complete(pi, "Task_Tukisuunnitelma", plan("Avustaja", "", "-100")))
        .hasMessageContaining("Tuottaja puuttuu").hasMessageContaining("negatiivinen");
    assertThat(pi).isWaitingAt("Task_Tukisuunnitelma");
  }

  @Test
  void aLongPlanAndItsDecisionDocumentAreKeptWhole() {
    ProcessInstance pi = hb.open(startForm());
    hb.complete(pi, "Task_Arviointi", assessment("HENKILOKOHTAINEN_APU", 400));
    passSuitabilityAndSupport(pi);
    String[] rows = new String[24];
    for (int n = 0; n < 8; n++) {
      rows[3 * n] = ("Rivi " + (n + 1) + ": " + "avustajan työtunteja arkeen, opiskeluun ja harrastuksiin ".repeat(6))
          .substring(0, 300); // the longest the form allows
      rows[3 * n + 1] = ("Avustajapalvelu " + (n + 1) + " Oy, " + "Lappeenrannan toimipiste ".repeat(8)).substring(0, 200);
      rows[3 * n + 2] = "1500";
    }
    hb.complete(pi, "Task_Tukisuunnitelma", plan(rows));
    // over the engine's 4 000 characters of a string variable: kept whole, not an incident
    assertThat(((String) hb.variable(pi, "suunnitelmaTeksti")).length()).isGreaterThan(4000);
    hb.complete(pi, "Task_Paatos", decision("myonnetty"));
    assertThat(engine.getManagementService().createJobQuery().withException().count()).isZero();
    assertThat(((String) hb.variable(pi, "paatosasiakirjaTeksti"))).contains("Rivi 8").contains("Oikaisuvaatimusohje");
    assertThat(pi).isWaitingAt("Task_Tiedoksianto");
  }

  @Test
  void tasksNameTheirCaseSoTheTaskListShowsWhoseTheyAre() {
    ProcessInstance pi = hb.open(startForm());
    assertThat(hb.task(pi, "Task_Arviointi").getName())
        .isEqualTo("Palvelutarpeen arviointi – Aino Asiakas (" + pi.getBusinessKey() + ")");
  }

  @Test
  void aDecisionWithoutJustificationIsRefused() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    Map<String, Object> form = new HashMap<>(decision("myonnetty"));
    form.put("paatoksenPerustelut", "  ");
    assertThatThrownBy(() -> hb.complete(pi, "Task_Paatos", form)).hasMessageContaining("Päätöksen perustelut puuttuu");
    form.put("paatoksenPerustelut", "ok");
    assertThatThrownBy(() -> hb.complete(pi, "Task_Paatos", form)).hasMessageContaining("vähintään 20 merkkiä");
    form.put("paatos", "ehka"); // not an option of the form: refused by the form's contract before the step's rules
    assertThatThrownBy(() -> hb.complete(pi, "Task_Paatos", form))
        .hasMessageContaining("Päätös: annettu arvo ei ole lomakkeen vaihtoehto (sallitut: myonnetty, hylatty)");
    assertThat(pi).isWaitingAt("Task_Paatos");
  }

  @Test
  void aChildsCaseGoesToTheLeadingSocialWorker() {
    Map<String, Object> start = startForm();
    start.put("henkilotunnus", "010516A901V");
    ProcessInstance pi = hb.open(start);
    assertThat(hb.variable(pi, "ikaryhma")).isEqualTo("lapsi");
    hb.complete(pi, "Task_Arviointi", standardAssessment());
    hb.complete(pi, "Task_Soveltuvuus", fi.hbflow.research.ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "kylla", "nykyistaVoiMuokata", "ei",
        "soveltuvuudenPerustelut", "Nykyistä palvelua ei voi muokata.")));
    hb.complete(pi, "Task_TuenValinta", Map.of("tukimalli", "LAHEISET", "tukijanNimi", "Isä"));
    hb.complete(pi, "Task_Tukisuunnitelma", plan("Avustaja", "Avustajapalvelu Oy", "1000"));
    assertThat(hb.candidateGroups(hb.task(pi, "Task_Paatos"))).containsExactly("johtavat-sosiaalityontekijat");
  }

  private long ledgers(ProcessInstance pi) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("hb-budjetin-kaytto")
        .processInstanceBusinessKey(pi.getBusinessKey()).count();
  }

  /** Waits for the review date of the case: the clock moves to it and the review timer fires. */
  private void reviewDay(ProcessInstance pi) {
    java.util.Date due = (java.util.Date) hb.variable(pi, "erapaiva_SEURANTA");
    HbCaseDriver.setClock(java.time.LocalDateTime.ofInstant(due.toInstant(), java.time.ZoneId.of("Europe/Helsinki")).plusHours(9));
    hb.runJobs(pi);
  }

  private Map<String, Object> review(String outcome, String endingReason) {
    Map<String, Object> v = new HashMap<>();
    v.put("seurantapaiva", org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
        .atZone(java.time.ZoneId.of("Europe/Helsinki")).toLocalDate().toString());
    v.put("seurannanHavainnot", "Budjetti on käytössä suunnitellusti.");
    v.put("seurannanTulos", outcome);
    if (endingReason != null) {
      v.put("paattymisenSyy", endingReason);
    }
    v.putAll(fi.hbflow.research.ResearchFixtures.evaluation());
    v.putAll(fi.hbflow.research.ResearchFixtures.feedback());
    return v;
  }
}
