package fi.hbflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.hbflow.TestEngine;
import fi.hbflow.caseflow.HbCaseDriver;
import fi.hbflow.forms.FormCheckListener;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code hb-budjetin-kaytto}: expenses accumulate to the cent, use running ahead of the period alerts the social
 * worker, refused expenses change nothing, and the ledger always ends with its case. The HB case is a small stand-in
 * process that calls {@code budgetLedger.open} / {@code close} the way the HB service process does (open, wait for
 * the review, then either open again with a new budget or close).
 */
@Deployment(resources = {"processes/hb-budjetin-kaytto.bpmn", "processes/hb-tehtavien-reititys.dmn",
    "forms/hb-kulu.form", "forms/hb-kayttohalytys.form"})
class HbBudjetinKayttoProcessTest {

  static final String CASE = "testi-hb-asia";
  static final String KEY = "HB-2026-000001";

  @RegisterExtension
  static ProcessEngineExtension extension = TestEngine.extension();

  ProcessEngine engine;
  String caseDeployment;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    new HbCaseDriver(engine); // the project's beans and the clock at 15.6.2026
    Mocks.register("formCheck", new FormCheckListener(LedgerRules.all()));
    Mocks.register("budgetLedger", new BudgetLedger(engine));
    BpmnModelInstance hbCase = Bpmn.createExecutableProcess(CASE).camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Avaa").camundaExpression("${budgetLedger.open(execution)}")
        .userTask("Seuranta")
        .exclusiveGateway("Jatko")
          .condition("uusi budjetti", "${uusiBudjetti}").connectTo("Avaa")
        .moveToNode("Jatko")
          .condition("päättyy", "${!uusiBudjetti}")
          .serviceTask("Sulje").camundaExpression("${budgetLedger.close(execution)}")
          .endEvent()
        .done();
    caseDeployment = engine.getRepositoryService().createDeployment().addModelInstance(CASE + ".bpmn", hbCase).deploy()
        .getId();
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
    engine.getRepositoryService().deleteDeployment(caseDeployment, true);
    ClockUtil.reset();
  }

  @Test
  void anOpenedLedgerWaitsForExpensesWithTheBudgetShownAndMirroredToTheCase() throws Exception {
    ProcessInstance hbCase = openCase();
    ProcessInstance ledger = ledger();

    assertThat(ledger).isWaitingAt("Task_Kulut");
    assertThat(ledger.getBusinessKey()).isEqualTo(KEY);
    assertThat(ledger).variables()
        .containsEntry("hbAsiaId", hbCase.getId())
        .containsEntry("asiakasNimi", "Aino Asiakas")
        .containsEntry("budjettiKausiSentit", 2_212_740L)
        .containsEntry("budjettikaudenAlku", "2026-07-01")
        .containsEntry("budjettikaudenPituusKk", 12)
        .containsEntry("kotikunta", "Lappeenranta")
        .containsEntry("budjettiYhteensa", "22 127,40 €")
        .containsEntry("kaytettySentit", 0L)
        .containsEntry("budjetti", "22 127,40 €")
        .containsEntry("kaytetty", "0,00 €")
        .containsEntry("kayttoaste", "0 %");
    assertThat(candidateGroups(task(ledger, "Task_Kulut"))).containsExactly("palveluohjaus", "sosiaalityo");
    assertThat(variable(hbCase, "kaytettySentit")).isEqualTo(0L);
    assertThat(variable(hbCase, "kaytetty")).isEqualTo("0,00 €");
    // the task's Camunda Form is in the ledger's deployment
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task(ledger, "Task_Kulut").getId())) {
      assertThat(new ObjectMapper().readTree(form).get("id").asText()).isEqualTo("hb-kulu");
    }
  }

  @Test
  void expensesAccumulateToTheCentAndEachIsKeptWithWhoRecordedItAndWhen() {
    ProcessInstance hbCase = openCase();
    ProcessInstance ledger = ledger();
    today(LocalDate.of(2026, 10, 15));
    engine.getIdentityService().setAuthenticatedUserId("palveluohjaaja");

    record(ledger, expense("2026-10-01", "1234,56", "Avustajan palkka 9/2026"));
    record(ledger, expense("2026-10-02", "0.44", "Pysäköinti"));
    record(ledger, expense("2026-10-15", "100", "Taksi"));

    assertThat(ledger).isWaitingAt("Task_Kulut");
    assertThat(ledger).variables()
        .containsEntry("kaytettySentit", 133_500L)
        .containsEntry("kaytetty", "1 335,00 €")
        .containsEntry("budjettiaJaljella", "20 792,40 €")
        .containsEntry("kayttoaste", "6 %")
        .containsEntry("kauttaKulunut", "29 %")
        .containsEntry("halytys", false);
    List<SpinJsonNode> expenses = list(ledger, "kulut");
    assertThat(expenses).hasSize(3);
    assertThat(expenses).extracting(e -> e.prop("sentit").numberValue().longValue()).containsExactly(123_456L, 44L, 10_000L);
    SpinJsonNode first = expenses.get(0);
    assertThat(first.prop("paiva").stringValue()).isEqualTo("2026-10-01");
    assertThat(first.prop("selite").stringValue()).isEqualTo("Avustajan palkka 9/2026");
    assertThat(first.prop("kirjaaja").stringValue()).isEqualTo("palveluohjaaja");
    assertThat(first.prop("kirjattu").stringValue()).startsWith("2026-10-15T10:00");
    // the next form starts empty, and lists what was recorded, newest first
    assertThat(variable(ledger, "kulunSumma")).isNull();
    assertThat(variable(ledger, "kulunSelite")).isNull();
    assertThat((String) variable(ledger, "kulutTeksti"))
        .startsWith("- 15.10.2026 100,00 € – Taksi (palveluohjaaja)\n- 2.10.2026 0,44 € – Pysäköinti");
    // the HB case shows the use too
    assertThat(variable(hbCase, "kaytettySentit")).isEqualTo(133_500L);
    assertThat(variable(hbCase, "kaytetty")).isEqualTo("1 335,00 €");
    assertThat(variable(hbCase, "kayttoaste")).isEqualTo("6 %");
  }

  @Test
  void useRunningAheadOfThePeriodAlertsTheSocialWorkerWhoExplainsIt() {
    ProcessInstance hbCase = openCase();
    ProcessInstance ledger = ledger();
    today(LocalDate.of(2026, 8, 10)); // 1 month 10 days = 11 % of the period

    record(ledger, expense("2026-08-10", "5000", "Apuvälineet")); // 22,6 % used: 11,6 points ahead
    assertThat(ledger).isWaitingAt("Task_Kulut");
    assertThat(variable(ledger, "halytys")).isEqualTo(false);

    record(ledger, expense("2026-08-10", "1500", "Kuntoutusjakso")); // 29,4 %: 18,4 points ahead
    // the alert does not stop the recording: expenses keep coming while the social worker looks into it
    assertThat(ledger).isWaitingAt("Task_KayttoHalytys", "Task_Kulut");
    assertThat(candidateGroups(task(ledger, "Task_KayttoHalytys"))).containsExactly("sosiaalityo");
    assertThat((String) variable(ledger, "halytyksenSyy")).isEqualTo("Budjetista on käytetty 29 %, budjettikaudesta "
        + "on kulunut 11 %: käyttö on 18,4 prosenttiyksikköä kautta edellä (hälytysraja 15).");
    assertThat(variable(hbCase, "kaytettySentit")).isEqualTo(650_000L);

    engine.getIdentityService().setAuthenticatedUserId("sosiaalityontekija");
    complete(ledger, "Task_KayttoHalytys", Map.of("halytyksenSelvitys", "Kertaluonteiset hankinnat kauden alussa.",
        "halytyksenToimenpide", "seuranta_aikaistetaan"));

    assertThat(ledger).isWaitingAt("Task_Kulut");
    List<SpinJsonNode> alerts = list(ledger, "halytykset");
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).prop("toimenpide").stringValue()).isEqualTo("seuranta_aikaistetaan");
    assertThat(alerts.get(0).prop("kasittelija").stringValue()).isEqualTo("sosiaalityontekija");
    assertThat(alerts.get(0).prop("kaytettySentit").numberValue().longValue()).isEqualTo(650_000L);
    assertThat(alerts.get(0).prop("syy").stringValue()).contains("18,4 prosenttiyksikköä");
    assertThat(variable(ledger, "halytyksenSelvitys")).isNull(); // the next alert starts empty
    assertThat(variable(hbCase, "kayttoHalytysToimenpide")).isEqualTo("seuranta_aikaistetaan");
    assertThat(variable(ledger, "kaytettySentit")).isEqualTo(650_000L);
  }

  @Test
  void theSameUseHalfwayThroughThePeriodDoesNotAlert() {
    openCase();
    ProcessInstance ledger = ledger();
    today(LocalDate.of(2026, 12, 31)); // 6 of 12 months

    record(ledger, expense("2026-12-31", "6500", "Apuvälineet ja kuntoutusjakso")); // 29,4 % used

    assertThat(ledger).isWaitingAt("Task_Kulut");
    assertThat(ledger).variables().containsEntry("halytys", false).containsEntry("kauttaKulunut", "50 %")
        .containsEntry("kayttoaste", "29 %");
  }

  @Test
  void aLateInvoiceOfAnEarlierMonthDoesNotMakeThePeriodLookYounger() {
    openCase();
    ProcessInstance ledger = ledger();
    today(LocalDate.of(2026, 12, 31));
    record(ledger, expense("2026-12-31", "5000", "Joulukuu"));
    // dated in July (1 day elapsed), but the period has run through December: 29,4 % used vs 50 % elapsed
    record(ledger, expense("2026-07-01", "1500", "Heinäkuun lasku myöhässä"));
    assertThat(ledger).isWaitingAt("Task_Kulut");
    assertThat(variable(ledger, "kaytettySentit")).isEqualTo(650_000L);
  }

  @Test
  void anExpenseOverTheRemainingBudgetIsRecordedAndAlwaysAlerts() {
    ProcessInstance hbCase = openCase();
    ProcessInstance ledger = ledger();
    today(LocalDate.of(2027, 6, 30)); // the last day of the period

    record(ledger, expense("2027-06-30", "22127,40", "Koko kauden kulut"));
    assertThat(ledger).isWaitingAt("Task_Kulut");
    assertThat(variable(ledger, "kayttoaste")).isEqualTo("100 %");

    record(ledger, expense("2027-06-30", "0,01", "Pyöristys"));
    assertThat(ledger).isWaitingAt("Task_KayttoHalytys");
    assertThat(ledger).variables()
        .containsEntry("kaytettySentit", 2_212_741L)
        .containsEntry("budjettiaJaljella", "-0,01 €")
        .containsEntry("halytyksenSyy", "Kulut ylittävät budjetin: käytetty 22 127,41 €, budjetti 22 127,40 € (ylitys 0,01 €).");
    assertThat(list(ledger, "kulut")).hasSize(2);
    assertThat(variable(hbCase, "kaytettySentit")).isEqualTo(2_212_741L);
  }

  @Test
  void refusedExpensesLeaveTheTaskAndTheLedgerUntouched() {
    ProcessInstance hbCase = openCase();
    ProcessInstance ledger = ledger();
    today(LocalDate.of(2026, 10, 15));
    String taskId = task(ledger, "Task_Kulut").getId();

    assertRefused(ledger, expense("2026-10-01", "-5", "Palautus"), "Kulun summa: Summa ei voi olla negatiivinen");
    assertRefused(ledger, expense("2026-10-01", "0", "Ei mitään"), "Kulun summa ei voi olla 0.");
    assertRefused(ledger, expense("2026-10-01", "1000000,01", "Liikaa"), "epäuskottavan suuri");
    assertRefused(ledger, expense("2026-10-01", "12,345", "Kolme desimaalia"), "ei ole euromäärä");
    assertRefused(ledger, expense("2026-10-16", "10", "Huomenna"), "Kulun päivä 2026-10-16 on tulevaisuudessa.");
    assertRefused(ledger, expense("2026-06-30", "10", "Ennen kautta"),
        "Kulun päivä 2026-06-30 on ennen kuin budjettikausi alkoi 2026-07-01.");
    assertRefused(ledger, expense("2026-13-01", "10", "Outo päivä"), "Kulun päivä: päivämäärää 2026-13-01 ei ole.");
    assertRefused(ledger, expense("2026-10-01", "10", " "), "Kulun selite puuttuu.");
    Map<String, Object> missing = new HashMap<>();
    missing.put("kulunSelite", "Ei summaa eikä päivää");
    assertRefused(ledger, missing, "Kulun päivä puuttuu.");
    assertRefused(ledger, missing, "Kulun summa puuttuu.");

    today(LocalDate.of(2027, 8, 1));
    assertRefused(ledger, expense("2027-07-01", "10", "Kauden jälkeen"),
        "Kulun päivä 2027-07-01 on budjettikauden jälkeen (kausi 2026-07-01–2027-06-30).");

    assertThat(task(ledger, "Task_Kulut").getId()).isEqualTo(taskId);
    assertThat(variable(ledger, "kaytettySentit")).isEqualTo(0L);
    assertThat(variable(ledger, "kulunSumma")).isNull();
    assertThat(list(ledger, "kulut")).isEmpty();
    assertThat(variable(hbCase, "kaytettySentit")).isEqualTo(0L);

    // one million euros is the most one expense can be: recorded, and over the budget it alerts
    record(ledger, expense("2027-06-30", "1000000", "Suuri mutta mahdollinen"));
    assertThat(ledger).isWaitingAt("Task_KayttoHalytys");
    assertThat(variable(ledger, "kaytettySentit")).isEqualTo(100_000_000L);
  }

  @Test
  void theLedgerRefusesABadExpenseEvenWhereNoFormCheckRuns() {
    Mocks.register("formCheck", new FormCheckListener(List.of())); // e.g. before ProcessBeans lists the rules
    openCase();
    ProcessInstance ledger = ledger();
    today(LocalDate.of(2026, 10, 15));
    String taskId = task(ledger, "Task_Kulut").getId();

    assertRefused(ledger, expense("2026-10-01", "-5", "Palautus"), "negatiivinen");
    assertRefused(ledger, expense("2027-01-01", "5", "Tulevaisuus"), "tulevaisuudessa");

    assertThat(task(ledger, "Task_Kulut").getId()).isEqualTo(taskId);
    assertThat(list(ledger, "kulut")).isEmpty();
  }

  @Test
  void theAlertNeedsAnExplanationAndAKnownAction() {
    openCase();
    ProcessInstance ledger = ledger();
    toAlert(ledger);

    Map<String, Object> form = new HashMap<>();
    form.put("halytyksenSelvitys", " ");
    form.put("halytyksenToimenpide", "jatketaan");
    assertThatThrownBy(() -> complete(ledger, "Task_KayttoHalytys", form))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Selvitys puuttuu.");
    form.put("halytyksenToimenpide", "ehka"); // not an option of the form: the form's contract refuses it
    assertThatThrownBy(() -> complete(ledger, "Task_KayttoHalytys", form))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Toimenpide: annettu arvo ei ole "
            + "lomakkeen vaihtoehto (sallitut: jatketaan, seuranta_aikaistetaan, budjetti_tarkistetaan).");
    assertThat(ledger).isWaitingAt("Task_KayttoHalytys");
    assertThat(list(ledger, "halytykset")).isEmpty();
  }

  @Test
  void closingTheCaseEndsTheLedgerWaitingForExpenses() {
    ProcessInstance hbCase = openCase();
    ProcessInstance ledger = ledger();

    engine.getRuntimeService().setVariable(hbCase.getId(), "uusiBudjetti", false); // the test model's step has no form
    complete(hbCase, "Seuranta", Map.of());

    assertThat(hbCase).isEnded();
    assertThat(ledger).isEnded().hasPassed("Boundary_KulutPaattyy", "End_KayttoPaattyi");
  }

  @Test
  void closingTheCaseEndsTheLedgerWaitingAtTheAlert() {
    ProcessInstance hbCase = openCase();
    ProcessInstance ledger = ledger();
    toAlert(ledger);

    engine.getRuntimeService().setVariable(hbCase.getId(), "uusiBudjetti", false); // the test model's step has no form
    complete(hbCase, "Seuranta", Map.of());

    assertThat(ledger).isEnded().hasPassed("Boundary_HalytysPaattyy", "End_KayttoPaattyiHalytyksessa");
    // what was recorded stays in the ledger's history
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(ledger.getId())
        .variableName("kaytettySentit").singleResult().getValue()).isEqualTo(650_000L);
  }

  @Test
  void closingACaseWhoseLedgerHasAlreadyEndedIsFine() {
    ProcessInstance hbCase = openCase();
    ProcessInstance ledger = ledger();
    engine.getRuntimeService().createMessageCorrelation(BudgetLedger.CLOSE_MESSAGE).processInstanceBusinessKey(KEY)
        .correlateAll();
    assertThat(ledger).isEnded();

    engine.getRuntimeService().setVariable(hbCase.getId(), "uusiBudjetti", false); // the test model's step has no form
    complete(hbCase, "Seuranta", Map.of());
    assertThat(hbCase).isEnded();
  }

  @Test
  void openingASecondLedgerForTheSameCaseEndsTheFirstAndCarriesItsUse() {
    ProcessInstance hbCase = openCase();
    ProcessInstance first = ledger();
    today(LocalDate.of(2026, 10, 15));
    record(first, expense("2026-10-01", "100", "Taksi"));

    engine.getRuntimeService().setVariable(hbCase.getId(), "budjettiKausiSentit", 3_000_000L); // recalculated
    engine.getRuntimeService().setVariable(hbCase.getId(), "uusiBudjetti", true); // the test model's step has no form
    complete(hbCase, "Seuranta", Map.of());

    assertThat(first).isEnded().hasPassed("End_KayttoPaattyi");
    ProcessInstance second = ledger();
    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(second).isWaitingAt("Task_Kulut");
    // the use recorded within the period carries on against the new amount; the first ledger's history keeps it too
    assertThat(second).variables().containsEntry("budjetti", "30 000,00 €").containsEntry("kaytettySentit", 10_000L)
        .containsEntry("budjettiaJaljella", "29 900,00 €");
    assertThat(list(second, "kulut")).hasSize(1);
    assertThat(variable(hbCase, "kaytettySentit")).isEqualTo(10_000L);
    assertThat(hbCase).isWaitingAt("Seuranta");
  }

  @Test
  void aCaseWithoutABusinessKeyOpensNoLedger() {
    Map<String, Object> variables = caseVariables();
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(CASE, variables))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ei ole tunnusta");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  // --- driving ---------------------------------------------------------------------------------------------------

  private ProcessInstance openCase() {
    return engine.getRuntimeService().startProcessInstanceByKey(CASE, KEY, caseVariables());
  }

  private static Map<String, Object> caseVariables() {
    Map<String, Object> v = new HashMap<>();
    v.put("asiakasNimi", "Aino Asiakas");
    v.put("kotikunta", "Lappeenranta");
    v.put("budjettiKausiSentit", 2_212_740L); // 22 127,40 €
    v.put("budjettikaudenAlku", "2026-07-01");
    v.put("budjettikaudenPituusKk", 12);
    return v;
  }

  /** The one running ledger of the case. */
  private ProcessInstance ledger() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(BudgetLedger.PROCESS_KEY)
        .processInstanceBusinessKey(KEY).singleResult();
  }

  /** 6 500 € on 10.8.2026: 29 % used, 11 % elapsed. */
  private void toAlert(ProcessInstance ledger) {
    today(LocalDate.of(2026, 8, 10));
    record(ledger, expense("2026-08-10", "6500", "Apuvälineet ja kuntoutusjakso"));
    assertThat(ledger).isWaitingAt("Task_KayttoHalytys");
  }

  private static Map<String, Object> expense(String date, String euros, String description) {
    Map<String, Object> v = new HashMap<>();
    v.put("kulunPaiva", date);
    v.put("kulunSumma", euros);
    v.put("kulunSelite", description);
    return v;
  }

  private void record(ProcessInstance ledger, Map<String, Object> expense) {
    complete(ledger, "Task_Kulut", expense);
  }

  private void assertRefused(ProcessInstance ledger, Map<String, Object> expense, String message) {
    assertThatThrownBy(() -> record(ledger, expense)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining(message);
    assertThat(ledger).isWaitingAt("Task_Kulut");
  }

  private void complete(ProcessInstance pi, String taskKey, Map<String, Object> form) {
    engine.getFormService().submitTaskForm(task(pi, taskKey).getId(), form);
  }

  private Task task(ProcessInstance pi, String taskKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(taskKey).list();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> l.getGroupId() != null).map(l -> l.getGroupId()).sorted().toList();
  }

  private Object variable(ProcessInstance pi, String name) {
    return engine.getRuntimeService().getVariable(pi.getId(), name);
  }

  private List<SpinJsonNode> list(ProcessInstance pi, String name) {
    JsonValue value = engine.getRuntimeService().getVariableTyped(pi.getId(), name);
    return value.getValue().elements();
  }

  private static void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(ZoneId.of("Europe/Helsinki")).toInstant()));
  }
}
