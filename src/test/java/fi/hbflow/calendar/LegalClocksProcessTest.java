package fi.hbflow.calendar;

import static fi.hbflow.caseflow.HbCaseDriver.decision;
import static fi.hbflow.caseflow.HbCaseDriver.notification;
import static fi.hbflow.caseflow.HbCaseDriver.setClock;
import static fi.hbflow.caseflow.HbCaseDriver.standardAssessment;
import static fi.hbflow.caseflow.HbCaseDriver.startForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fi.hbflow.HbCaseModels;
import fi.hbflow.TestEngine;
import fi.hbflow.caseflow.HbCaseDriver;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The legal clocks of a case with a moved engine clock: due dates that skip Finnish holidays, the reminder before a
 * deadline, the escalation and the breach record after it, the rectification window and its message.
 */
@HbCaseModels
class LegalClocksProcessTest {

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
  void aCaseOpenedOnGoodFridayHasItsAssessmentDueOnTheSeventhWorkingDayAfterEaster() {
    setClock(LocalDateTime.of(2026, 4, 3, 9, 0));
    ProcessInstance pi = open("2026-04-03");
    // Sat 4.4, Easter Sunday 5.4 and Easter Monday 6.4 are not working days: 7.4 … 15.4 are days 1 … 7
    assertThat(day(hb.task(pi, "Task_Arviointi").getDueDate())).isEqualTo(LocalDate.of(2026, 4, 15));
    // the decision and implementation are due in 3 months: 3.7.2026 is a Friday
    assertThat(day((Date) hb.variable(pi, "erapaiva_PAATOS"))).isEqualTo(LocalDate.of(2026, 7, 3));
    assertThat((String) hb.variable(pi, "maaraajatTeksti")).contains("15.4.2026").contains("36 §");
  }

  @Test
  void aMonthDeadlineEndingOnMidsummerEveMovesToTheNextWorkingDay() {
    setClock(LocalDateTime.of(2026, 3, 19, 9, 0));
    ProcessInstance pi = open("2026-03-19"); // + 3 months = Fri 19.6.2026, Midsummer Eve
    assertThat(day((Date) hb.variable(pi, "erapaiva_PAATOS"))).isEqualTo(LocalDate.of(2026, 6, 22));
  }

  @Test
  void theGroupIsRemindedBeforeTheDeadlineAndTheLeadersAreToldWhenItPasses() {
    setClock(LocalDateTime.of(2026, 6, 1, 9, 0)); // Monday
    ProcessInstance pi = open("2026-06-01");       // assessment to start by Wed 10.6.2026, reminder Mon 8.6
    ProcessInstance watch = watch(pi, "ARVIOINTI_ALKAA");

    setClock(LocalDateTime.of(2026, 6, 8, 7, 59));
    hb.runJobs(watch.getId());
    assertThat(watchTasks(watch)).isEmpty();

    setClock(LocalDateTime.of(2026, 6, 8, 8, 1));
    hb.runJobs(watch.getId());
    Task reminder = single(watchTasks(watch));
    assertThat(reminder.getTaskDefinitionKey()).isEqualTo("Task_Muistutus");
    assertThat(hb.candidateGroups(reminder)).containsExactly("sosiaalityo");
    assertThat(day(reminder.getDueDate())).isEqualTo(LocalDate.of(2026, 6, 10));
    assertThat(hb.variable(pi, "maaraikaylityksia")).isNull();

    setClock(LocalDateTime.of(2026, 6, 10, 23, 59)); // still the last day
    hb.runJobs(watch.getId());
    assertThat(watchTasks(watch)).extracting(Task::getTaskDefinitionKey).containsExactly("Task_Muistutus");

    setClock(LocalDateTime.of(2026, 6, 11, 0, 1));
    hb.runJobs(watch.getId());
    assertThat(watchTasks(watch)).extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrder("Task_Muistutus", "Task_Ylitys");
    Task escalation = watchTasks(watch).stream().filter(t -> t.getTaskDefinitionKey().equals("Task_Ylitys")).findFirst().orElseThrow();
    assertThat(hb.candidateGroups(escalation)).containsExactly("johtavat-sosiaalityontekijat");
    assertThat(hb.variable(pi, "maaraikaylityksia")).isEqualTo(1);
    assertThat(hb.variable(pi, "ylitetty_ARVIOINTI_ALKAA")).isEqualTo(true);
    JsonValue breaches = engine.getRuntimeService().getVariableTyped(pi.getId(), "maaraikaylitykset");
    assertThat(breaches.getValueSerialized()).contains("ARVIOINTI_ALKAA").contains("2026-06-11");

    engine.getFormService().submitTaskForm(escalation.getId(), Map.of("ylityksenSyy", "Työntekijä oli sairaana.",
        "ylityksenToimenpiteet", "Johtava sosiaalityöntekijä siirsi asian toiselle työntekijälle."));
    assertThat(watch).isEnded(); // the escalation closes the watch, reminder included
  }

  @Test
  void aClockMetInTimeEndsItsWatchQuietly() {
    setClock(LocalDateTime.of(2026, 6, 1, 9, 0));
    ProcessInstance pi = open("2026-06-01");
    ProcessInstance watch = watch(pi, "ARVIOINTI_ALKAA");
    setClock(LocalDateTime.of(2026, 6, 3, 9, 0));
    java.util.Map<String, Object> form = standardAssessment();
    form.put("arvioinninAloituspaiva", "2026-06-03");
    hb.complete(pi, "Task_Arviointi", form);

    setClock(LocalDateTime.of(2026, 6, 8, 8, 1));
    hb.runJobs(watch.getId());
    assertThat(watch).isEnded().hasPassed("End_TaytettyEnnen");
    assertThat(watchTasks(watch)).isEmpty();
  }

  @Test
  void watchesOfAnEndedCaseEndWithoutReminders() {
    setClock(LocalDateTime.of(2026, 6, 1, 9, 0));
    ProcessInstance pi = open("2026-06-01");
    Map<String, Object> form = HbCaseDriver.notEntitledAssessment();
    form.put("arvioinninAloituspaiva", "2026-06-01");
    hb.complete(pi, "Task_Arviointi", form);
    assertThat(pi).isEnded();

    setClock(LocalDateTime.of(2026, 9, 30, 9, 0));
    for (String clock : List.of("ARVIOINTI_ALKAA", "PAATOS", "TOTEUTUS")) {
      ProcessInstance watch = watch(pi, clock);
      hb.runJobs(watch.getId());
      assertThat(watch).isEnded();
    }
  }

  @Test
  void theRectificationWindowClosesByTimerAndTheDecisionBecomesFinal() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    hb.complete(pi, "Task_Paatos", decision("myonnetty"));
    hb.complete(pi, "Task_Tiedoksianto", notification()); // by post on Sat 13.6.2026: 37 days → Mon 20.7.2026
    Task waiting = hb.task(pi, "Task_OikaisuvaatimusAika");
    assertThat(day(waiting.getDueDate())).isEqualTo(LocalDate.of(2026, 7, 20));

    setClock(LocalDateTime.of(2026, 7, 20, 23, 0));
    hb.runJobs(pi);
    assertThat(pi).isWaitingAt("Task_OikaisuvaatimusAika");

    setClock(LocalDateTime.of(2026, 7, 21, 0, 1));
    hb.runJobs(pi);
    assertThat(pi).isWaitingAt("Task_Toteutus");
    assertThat(hb.variable(pi, "lainvoimainen")).isEqualTo(true);
    assertThat(hb.variable(pi, "lainvoimainenPaiva")).isEqualTo("2026-07-21");
  }

  @Test
  void anElectronicRectificationRequestArrivesAsAMessageWhileTheWindowIsOpen() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    hb.complete(pi, "Task_Paatos", decision("hylatty"));
    hb.complete(pi, "Task_Tiedoksianto", Map.of("tiedoksiantopaiva", "2026-06-13", "tiedoksiantotapa", "sahkoinen"));

    engine.getRuntimeService().createMessageCorrelation("HB_OIKAISUVAATIMUS").processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable("oikaisuvaatimuksenSisalto", "Vaadin päätöksen oikaisua: tarve on arvioitu liian pieneksi.")
        .correlate();
    assertThat(pi).isWaitingAt("Task_Oikaisuvaatimus");
    assertThat(hb.candidateGroups(hb.task(pi, "Task_Oikaisuvaatimus"))).containsExactly("yksilojaosto");
  }

  @Test
  void theFirstReviewComesThreeMonthsAfterImplementationAndThenYearly() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    hb.complete(pi, "Task_Paatos", decision("myonnetty"));
    hb.notifyAndLetTheWindowClose(pi);
    hb.complete(pi, "Task_Toteutus", Map.of("toteutuksenAloituspaiva", "2026-06-15",
        "suunnitelma1Jarjestamistapa", "TYONANTAJAMALLI", "suunnitelma2Jarjestamistapa", "PALVELUSETELI"));
    assertThat(pi).isWaitingAt("Gateway_SeurantaOdottaa");
    assertThat(day((Date) hb.variable(pi, "erapaiva_SEURANTA"))).isEqualTo(LocalDate.of(2026, 9, 15));

    setClock(LocalDateTime.of(2026, 9, 14, 12, 0));
    hb.runJobs(pi);
    assertThat(pi).isWaitingAt("Gateway_SeurantaOdottaa");
    setClock(LocalDateTime.of(2026, 9, 15, 8, 0));
    hb.runJobs(pi);
    assertThat(pi).isWaitingAt("Task_Seuranta");
    hb.complete(pi, "Task_Seuranta", fi.hbflow.research.ResearchFixtures.withEvaluationAndFeedback(Map.of("seurantapaiva", "2026-09-15", "seurannanHavainnot", "Kaikki hyvin.",
        "seurannanTulos", "jatketaan")));
    // 15.9.2027 is a Wednesday
    assertThat(day((Date) hb.variable(pi, "erapaiva_SEURANTA"))).isEqualTo(LocalDate.of(2027, 9, 15));
  }

  @Test
  void aChildsCaseHasAThreeMonthAssessmentClockThatTheCompletedAssessmentMeets() {
    setClock(LocalDateTime.of(2026, 6, 1, 9, 0));
    Map<String, Object> form = startForm();
    form.put("henkilotunnus", "010516A901V"); // born 2016: a child
    ProcessInstance pi = hb.open(form);
    assertThat(hb.variable(pi, "ikaryhma")).isEqualTo("lapsi");
    assertThat(day((Date) hb.variable(pi, "erapaiva_ARVIOINTI_VALMIS"))).isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat((String) hb.variable(pi, "maaraajatTeksti")).contains("ARVIOINTI_VALMIS").contains("36 § 3 mom");
    ProcessInstance watch = watch(pi, "ARVIOINTI_VALMIS");
    assertThat(watch).isNotNull();

    setClock(LocalDateTime.of(2026, 6, 5, 9, 0));
    hb.complete(pi, "Task_Arviointi", standardAssessment());
    assertThat(hb.variable(pi, "arviointiValmistuiPaiva")).isEqualTo("2026-06-05");

    setClock(LocalDateTime.of(2026, 8, 18, 8, 1)); // the reminder, 10 working days before 1.9.2026
    hb.runJobs(watch.getId());
    assertThat(watch).isEnded().hasPassed("End_TaytettyEnnen");
    assertThat(watchTasks(watch)).isEmpty();
  }

  @Test
  void aChildsUnfinishedAssessmentIsEscalatedAfterThreeMonths() {
    setClock(LocalDateTime.of(2026, 6, 1, 9, 0));
    Map<String, Object> form = startForm();
    form.put("henkilotunnus", "010516A901V");
    ProcessInstance pi = hb.open(form);
    ProcessInstance watch = watch(pi, "ARVIOINTI_VALMIS");
    setClock(LocalDateTime.of(2026, 9, 2, 0, 1));
    hb.runJobs(watch.getId());
    assertThat(watchTasks(watch)).extracting(Task::getTaskDefinitionKey).contains("Task_Ylitys");
    assertThat(hb.variable(pi, "ylitetty_ARVIOINTI_VALMIS")).isEqualTo(true);
  }

  @Test
  void theDatesThatMeetTheNewClocksAreTheServersAndNoFormCanSetThem() {
    ProcessInstance pi = open("2026-06-01");
    Map<String, Object> form = standardAssessment();
    form.put("arviointiValmistuiPaiva", "2026-06-01");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> hb.complete(pi, "Task_Arviointi", form))
        .hasMessageContaining("'arviointiValmistuiPaiva'");
    form.remove("arviointiValmistuiPaiva");
    form.put("oikaisuvaatimusRatkaistuPaiva", "2026-06-01");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> hb.complete(pi, "Task_Arviointi", form))
        .hasMessageContaining("'oikaisuvaatimusRatkaistuPaiva'");
    assertThat(hb.variable(pi, "arviointiValmistuiPaiva")).isNull();
  }

  @Test
  void anAdultsCaseHasNoAssessmentCompletionClock() {
    ProcessInstance pi = open("2026-06-01");
    assertThat(hb.variable(pi, "erapaiva_ARVIOINTI_VALMIS")).isNull();
    assertThat(watch(pi, "ARVIOINTI_VALMIS")).isNull();
    assertThat(watch(pi, "TOTEUTUS")).isNotNull();
  }

  @Test
  void anElectronicRectificationRequestGetsTheRulingClockFromItsArrivalWithAWatchTheRulingMeets() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    hb.complete(pi, "Task_Paatos", decision("myonnetty"));
    hb.complete(pi, "Task_Tiedoksianto", Map.of("tiedoksiantopaiva", "2026-06-13", "tiedoksiantotapa", "sahkoinen"));
    setClock(LocalDateTime.of(2026, 6, 22, 9, 0));
    engine.getRuntimeService().createMessageCorrelation("HB_OIKAISUVAATIMUS").processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable("oikaisuvaatimuksenSisalto", "Vaadin päätöksen oikaisua: tarve on arvioitu liian pieneksi.")
        .correlate();
    assertThat(hb.variable(pi, "oikaisuvaatimuksenSaapumispaiva")).isEqualTo("2026-06-22");
    Task ruling = hb.task(pi, "Task_Oikaisuvaatimus");
    assertThat(day(ruling.getDueDate())).isEqualTo(LocalDate.of(2026, 7, 22)); // 30 days, the county's target
    assertThat((String) hb.variable(pi, "maaraika_OIKAISUVAATIMUKSEN_KASITTELY"))
        .contains("22.7.2026").contains("Hyvinvointialueen oma tavoite").contains("49 e §");
    ProcessInstance watch = watch(pi, "OIKAISUVAATIMUKSEN_KASITTELY");
    assertThat(watch).isNotNull();

    setClock(LocalDateTime.of(2026, 7, 1, 9, 0));
    hb.complete(pi, "Task_Oikaisuvaatimus", Map.of("oikaisuvaatimuksenRatkaisu", "hylatty",
        "oikaisuvaatimuksenPerustelut", "Tarve on arvioitu oikein ja budjetti vastaa sitä."));
    assertThat(hb.variable(pi, "oikaisuvaatimusRatkaistuPaiva")).isEqualTo("2026-07-01");
    setClock(LocalDateTime.of(2026, 7, 15, 8, 1));
    hb.runJobs(watch.getId());
    assertThat(watch).isEnded().hasPassed("End_TaytettyEnnen");
  }

  @Test
  void aRectificationRequestOnPaperRunsTheRulingClockFromTheRecordedArrivalAndWarnsWhenUnruled() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    hb.complete(pi, "Task_Paatos", decision("myonnetty"));
    hb.notifyAndReceiveARectificationRequest(pi); // arrived 14.6.2026 (Sun): + 30 days = Tue 14.7.2026
    assertThat(day(hb.task(pi, "Task_Oikaisuvaatimus").getDueDate())).isEqualTo(LocalDate.of(2026, 7, 14));
    ProcessInstance watch = watch(pi, "OIKAISUVAATIMUKSEN_KASITTELY");
    setClock(LocalDateTime.of(2026, 7, 7, 8, 1)); // 5 working days before
    hb.runJobs(watch.getId());
    Task reminder = single(watchTasks(watch));
    assertThat(reminder.getTaskDefinitionKey()).isEqualTo("Task_Muistutus");
    assertThat(hb.candidateGroups(reminder)).containsExactly("yksilojaosto");
    setClock(LocalDateTime.of(2026, 7, 15, 0, 1));
    hb.runJobs(watch.getId());
    assertThat(watchTasks(watch)).extracting(Task::getTaskDefinitionKey).contains("Task_Ylitys");
    assertThat(hb.variable(pi, "ylitetty_OIKAISUVAATIMUKSEN_KASITTELY")).isEqualTo(true);
  }

  @Test
  void anImplementationAfterTheDeadlineNeedsTheRecordedSpecialReason() {
    ProcessInstance pi = hb.toDecision(standardAssessment()); // opened 1.6.2026: implementation due Tue 1.9.2026
    hb.complete(pi, "Task_Paatos", decision("myonnetty"));
    hb.notifyAndLetTheWindowClose(pi);
    assertThat(day((Date) hb.variable(pi, "erapaiva_TOTEUTUS"))).isEqualTo(LocalDate.of(2026, 9, 1));
    Map<String, Object> form = new java.util.HashMap<>(Map.of("toteutuksenAloituspaiva", "2026-09-02",
        "suunnitelma1Jarjestamistapa", "TYONANTAJAMALLI", "suunnitelma2Jarjestamistapa", "PALVELUSETELI"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> hb.complete(pi, "Task_Toteutus", form))
        .hasMessageContaining("toteutuksen määräpäivän 2026-09-01 jälkeen").hasMessageContaining("45 § 2 mom");
    assertThat(pi).isWaitingAt("Task_Toteutus");

    form.put("toteutuksenErityinenSyy", "Asiakkaan toivomuksesta avustaja aloittaa vasta syyskuussa.");
    hb.complete(pi, "Task_Toteutus", form);
    assertThat(hb.variable(pi, "toteutuksenErityinenSyy")).asString().contains("syyskuussa");
  }

  @Test
  void anImplementationByTheDeadlineNeedsNoReason() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    hb.complete(pi, "Task_Paatos", decision("myonnetty"));
    hb.notifyAndLetTheWindowClose(pi);
    hb.complete(pi, "Task_Toteutus", Map.of("toteutuksenAloituspaiva", "2026-09-01",
        "suunnitelma1Jarjestamistapa", "TYONANTAJAMALLI", "suunnitelma2Jarjestamistapa", "PALVELUSETELI"));
    assertThat(pi).isWaitingAt("Gateway_SeurantaOdottaa");
  }

  private ProcessInstance open(String openedOn) {
    Map<String, Object> form = startForm();
    form.put("vireilletulopaiva", openedOn);
    return hb.open(form);
  }

  private ProcessInstance watch(ProcessInstance pi, String clock) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("hb-maaraikavalvonta")
        .variableValueEquals("hbAsiaId", pi.getId()).variableValueEquals("maaraika", clock).singleResult();
  }

  private List<Task> watchTasks(ProcessInstance watch) {
    return engine.getTaskService().createTaskQuery().processInstanceId(watch.getId()).list();
  }

  private static Task single(List<Task> tasks) {
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private static LocalDate day(Date date) {
    return date.toInstant().atZone(ZoneId.of("Europe/Helsinki")).toLocalDate();
  }
}
