package fi.hbflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.TestEngine;
import fi.hbflow.dashboard.HbFigures.Clock;
import fi.hbflow.dashboard.HbFigures.Count;
import fi.hbflow.engine.EngineContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The figures of {@link HbFigureQueries} on small crafted data in the engine's own tables (H2, and PostgreSQL with
 * {@code -Dhbflow.test.db=postgres}): five cases of a stand-in {@code hb-palveluprosessi} with two steps, their
 * variables set as the real process and forms would leave them. Every expected number is worked out by hand from the
 * data below.
 */
class HbFigureQueriesTest {

  @RegisterExtension
  static ProcessEngineExtension extension = TestEngine.extension();

  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
  static final Map<String, String> STEPS = new LinkedHashMap<>();
  static final Map<String, String> MODELS = new LinkedHashMap<>();

  static {
    STEPS.put("Task_Arviointi", "Palvelutarpeen arviointi");
    STEPS.put("Task_Oikaisuvaatimus", "Oikaisuvaatimuksen käsittely");
    STEPS.put("Task_Seuranta", "Seuranta");
    MODELS.put("VERTAISTUKI", "Vertaistuki");
    MODELS.put("HB_VASTUUHENKILO", "HB-vastuuhenkilö");
    MODELS.put("JARJESTO", "Järjestö");
  }

  ProcessEngine engine;
  HbFigureQueries queries;
  String deployment;
  LocalDateTime clock = LocalDateTime.of(2026, 4, 20, 9, 0);

  @BeforeEach
  void craftedCases() {
    // only this test's cases: nothing left by other tests of the shared engine
    engine.getRepositoryService().createDeploymentQuery().list().stream()
        .filter(d -> engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(d.getId())
            .processDefinitionKey(HbFigureQueries.PROCESS_KEY).count() > 0)
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
    BpmnModelInstance model = Bpmn.createExecutableProcess(HbFigureQueries.PROCESS_KEY).camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Arviointi").name("Palvelutarpeen arviointi")
        .userTask("Task_Oikaisuvaatimus").name("Oikaisuvaatimuksen käsittely").endEvent().done();
    Deployment d = engine.getRepositoryService().createDeployment().addModelInstance("hb-stand-in.bpmn", model).deploy();
    deployment = d.getId();
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    queries = new HbFigureQueries(dataSource);

    // A: Lappeenranta, opened 4.5.; assessment started 7.5. (3 days; later re-assessed 20.5.: the first counts),
    //    decision 24.5. (20 days), granted 12 000 € (annual 12 000 €), 3 000 € used, peer support, satisfaction 4.5
    ProcessInstance a = open("Lappeenranta", "2026-05-04");
    set(a, "erapaiva_ARVIOINTI_ALKAA", day("2026-05-13"), "erapaiva_PAATOS", day("2026-08-04"),
        "erapaiva_TOTEUTUS", day("2026-08-04"));
    set(a, "arvioinninAloituspaiva", "2026-05-07");
    set(a, "paatospaiva", "2026-05-24", "paatos", "myonnetty", "tukimalli", "VERTAISTUKI",
        "budjettiKausiSentit", 1_200_000L, "vuosibudjettiSentit", 1_200_000L, "kaytettySentit", 300_000L,
        "tyytyvaisyys", 4.5);
    set(a, "arvioinninAloituspaiva", "2026-05-20");
    //    A is a child's case: assessment finished 18.5. (14 days; re-finished 1.6.: the first counts), last day 4.8.;
    //    decided under the old law, to be decided anew by 1.8. (within 90 days of 15.6.)
    set(a, "erapaiva_ARVIOINTI_VALMIS", day("2026-08-04"), "arviointiValmistuiPaiva", "2026-05-18");
    set(a, "arviointiValmistuiPaiva", "2026-06-01", "siirtymaajanPaatos", true, "erapaiva_SIIRTYMA", day("2026-08-01"));

    // B: Imatra, opened 10.5.; assessment 25.5. (15 days, after its last day 19.5.), decision 1.6. (22 days),
    //    the implementation clock's breach recorded by the watch; granted 8 000 € (annual 9 600 €), nothing used;
    //    HB-responsible person, satisfaction 3.0; a rectification request in handling
    ProcessInstance b = open("Imatra", "2026-05-10");
    set(b, "erapaiva_ARVIOINTI_ALKAA", day("2026-05-19"), "erapaiva_PAATOS", day("2026-08-10"),
        "erapaiva_TOTEUTUS", day("2026-06-10"));
    set(b, "arvioinninAloituspaiva", "2026-05-25", "paatospaiva", "2026-06-01", "paatos", "myonnetty",
        "tukimalli", "HB_VASTUUHENKILO", "budjettiKausiSentit", 800_000L, "vuosibudjettiSentit", 960_000L,
        "kaytettySentit", 0L, "tyytyvaisyys", 3.0, "ylitetty_TOTEUTUS", true);
    completeStep(b, "Task_Arviointi");
    //    B (an adult: no child's clock, though its assessment finished) has its request in handling since 1.6.,
    //    target 1.7.; it was decided under the old law and has been decided anew (false)
    set(b, "arviointiValmistuiPaiva", "2026-05-30", "oikaisuvaatimuksenSaapumispaiva", "2026-06-01",
        "erapaiva_OIKAISUVAATIMUKSEN_KASITTELY", day("2026-07-01"), "siirtymaajanPaatos", true,
        "erapaiva_SIIRTYMA", "2027-12-31");
    set(b, "siirtymaajanPaatos", false);

    // C: Lappeenranta, opened 2.6.; no assessment yet and its last day 10.6. has passed; a task-local "tukimalli"
    //    (not the case's own variable) does not count
    ProcessInstance c = open("Lappeenranta", "2026-06-02");
    set(c, "erapaiva_ARVIOINTI_ALKAA", day("2026-06-10"), "erapaiva_PAATOS", day("2026-09-02"),
        "erapaiva_TOTEUTUS", day("2026-09-02"));
    engine.getTaskService().setVariableLocal(task(c).getId(), "tukimalli", "JARJESTO");
    //    C is a child's case still being assessed (last day 2.9.); its old-law decision's re-decision was due 1.6.
    set(c, "erapaiva_ARVIOINTI_VALMIS", day("2026-09-02"), "siirtymaajanPaatos", true, "erapaiva_SIIRTYMA",
        "2026-06-01");

    // D: Lemi, opened 20.4.; assessment 21.4. (1 day), decision 5.5. (15 days) refused; rectification rejected;
    //    ended "ei_myonnetty"
    ProcessInstance d4 = open("Lemi", "2026-04-20");
    set(d4, "erapaiva_ARVIOINTI_ALKAA", day("2026-04-29"), "erapaiva_PAATOS", day("2026-07-20"),
        "erapaiva_TOTEUTUS", day("2026-07-20"));
    set(d4, "arvioinninAloituspaiva", "2026-04-21", "paatospaiva", "2026-05-05", "paatos", "hylatty",
        "tukimalli", "VERTAISTUKI");
    completeStep(d4, "Task_Arviointi");
    set(d4, "hbTulos", "ei_myonnetty");
    set(d4, "oikaisuvaatimuksenRatkaisu", "hylatty");
    //    D's first request (arrived 6.5., ruled 8.5.) and a second one: arrived 10.5., target 9.6., ruled 20.6. (41
    //    days, late); the process removes the first ruling's date when the second request's handling starts.
    //    D, ended, was decided under the old law: an ended case is no longer waiting
    set(d4, "oikaisuvaatimuksenSaapumispaiva", "2026-05-06", "erapaiva_OIKAISUVAATIMUKSEN_KASITTELY", day("2026-06-05"),
        "oikaisuvaatimusRatkaistuPaiva", "2026-05-08");
    set(d4, "oikaisuvaatimuksenSaapumispaiva", "2026-05-10", "erapaiva_OIKAISUVAATIMUKSEN_KASITTELY", day("2026-06-09"));
    engine.getRuntimeService().removeVariable(d4.getId(), "oikaisuvaatimusRatkaistuPaiva");
    set(d4, "oikaisuvaatimusRatkaistuPaiva", "2026-06-20", "siirtymaajanPaatos", true, "erapaiva_SIIRTYMA",
        "2026-06-01");
    completeStep(d4, task(d4).getTaskDefinitionKey());

    // E: Imatra, opened 28.4., cancelled in Cockpit
    ProcessInstance e = open("Imatra", "2026-04-28");
    engine.getRuntimeService().deleteProcessInstance(e.getId(), "peruttu");
  }

  @AfterEach
  void removeCases() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
    ClockUtil.reset();
  }

  @Test
  void everyFigureOfAllCases() {
    HbFigures f = queries.compute(DashboardSelection.ALL, STEPS, MODELS, TODAY);

    assertThat(f.cases().total()).isEqualTo(5);
    assertThat(f.cases().open()).isEqualTo(3);
    assertThat(f.cases().ended()).isEqualTo(2);
    assertThat(counts(f.cases().outcomes())).containsEntry("kesken", 3L).containsEntry("ei_myonnetty", 1L)
        .containsEntry("keskeytetty", 1L).containsEntry("paattynyt", 0L).containsEntry("ei_oikeutta", 0L);
    assertThat(counts(f.byMonth())).containsExactly(Map.entry("2026-04", 2L), Map.entry("2026-05", 2L),
        Map.entry("2026-06", 1L));
    assertThat(f.byMonth().get(0).label()).isEqualTo("4/2026");
    assertThat(counts(f.byMunicipality())).containsExactly(Map.entry("Imatra", 2L), Map.entry("Lappeenranta", 2L),
        Map.entry("Lemi", 1L));
    assertThat(f.options().months()).containsExactly("2026-04", "2026-05", "2026-06");
    assertThat(f.options().municipalities()).containsExactly("Imatra", "Lappeenranta", "Lemi");

    // current steps, in the model's order, also those without cases
    assertThat(counts(f.openByStep())).containsExactly(Map.entry("Task_Arviointi", 2L),
        Map.entry("Task_Oikaisuvaatimus", 1L), Map.entry("Task_Seuranta", 0L));

    Clock assessment = clock(f, "ARVIOINTI_ALKAA");
    assertThat(assessment.completed()).isEqualTo(3);      // 1, 3, 15 days
    assertThat(assessment.medianDays()).isEqualTo(3);     // not 16: A's re-assessment does not count
    assertThat(assessment.p90Days()).isEqualTo(15);
    assertThat(assessment.onTime()).isEqualTo(2);         // A, D
    assertThat(assessment.overdue()).isEqualTo(2);        // B late, C past its last day without an assessment
    assertThat(assessment.pending()).isZero();
    assertThat(assessment.overdueShare()).isEqualTo(0.5);

    Clock decision = clock(f, "PAATOS");
    assertThat(decision.completed()).isEqualTo(3);        // 15, 20, 22 days
    assertThat(decision.medianDays()).isEqualTo(20);
    assertThat(decision.p90Days()).isEqualTo(22);
    assertThat(decision.onTime()).isEqualTo(3);
    assertThat(decision.overdue()).isZero();
    assertThat(decision.pending()).isEqualTo(1);          // C
    assertThat(decision.overdueShare()).isEqualTo(0.0);

    Clock implementation = clock(f, "TOTEUTUS");
    assertThat(implementation.completed()).isZero();
    assertThat(implementation.medianDays()).isNull();
    assertThat(implementation.overdue()).isEqualTo(1);    // B: the recorded breach
    assertThat(implementation.pending()).isEqualTo(2);    // A, C; D ended without one
    assertThat(implementation.overdueShare()).isEqualTo(1.0);

    assertThat(f.clocks()).extracting(Clock::clock).containsExactly("ARVIOINTI_ALKAA", "ARVIOINTI_VALMIS", "PAATOS",
        "TOTEUTUS", "OIKAISUVAATIMUKSEN_KASITTELY");
    Clock child = clock(f, "ARVIOINTI_VALMIS");
    assertThat(child.label()).isEqualTo("Vireilletulosta lapsen arvioinnin valmistumiseen");
    assertThat(child.completed()).isEqualTo(1);           // A: 14 days; B is an adult's case
    assertThat(child.medianDays()).isEqualTo(14);
    assertThat(child.onTime()).isEqualTo(1);
    assertThat(child.overdue()).isZero();
    assertThat(child.pending()).isEqualTo(1);             // C

    Clock ruling = clock(f, "OIKAISUVAATIMUKSEN_KASITTELY");
    assertThat(ruling.label()).isEqualTo("Oikaisuvaatimuksen saapumisesta ratkaisuun");
    assertThat(ruling.completed()).isEqualTo(1);          // D's second request: 10.5. → 20.6., not the first's 2 days
    assertThat(ruling.medianDays()).isEqualTo(41);
    assertThat(ruling.overdue()).isEqualTo(1);            // D, after its target 9.6.
    assertThat(ruling.onTime()).isZero();
    assertThat(ruling.pending()).isEqualTo(1);            // B

    // running cases decided under the old law: A (due 1.8., within 90 days), C (due 1.6., past); B was decided anew,
    // D has ended
    assertThat(f.transition().open()).isEqualTo(2);
    assertThat(f.transition().dueSoon()).isEqualTo(2);
    assertThat(f.transition().past()).isEqualTo(1);

    assertThat(f.rectification().requests()).isEqualTo(2);
    assertThat(f.rectification().pending()).isEqualTo(1);
    assertThat(f.rectification().casesWithRequest()).isEqualTo(2);
    assertThat(f.rectification().rejected()).isEqualTo(1);
    assertThat(f.rectification().upheld()).isZero();

    assertThat(f.budget().grantedCases()).isEqualTo(2);
    assertThat(f.budget().grantedCents()).isEqualTo(2_000_000L);
    assertThat(f.budget().annualCents()).isEqualTo(2_160_000L);
    assertThat(f.budget().usedCents()).isEqualTo(300_000L);
    assertThat(f.budget().useShare()).isEqualTo(0.15);

    assertThat(counts(f.supportModels())).containsExactly(Map.entry("VERTAISTUKI", 2L),
        Map.entry("HB_VASTUUHENKILO", 1L), Map.entry("JARJESTO", 0L));

    assertThat(f.satisfaction().responses()).isEqualTo(2);
    assertThat(f.satisfaction().mean()).isEqualTo(3.75);
    assertThat(f.satisfaction().distribution()).containsEntry(3, 1L).containsEntry(4, 1L).containsEntry(5, 0L);
  }

  @Test
  void aMunicipalityOrARangeOfMonthsSelectsItsCasesOnly() {
    HbFigures lappeenranta = queries.compute(DashboardSelection.of(null, null, "Lappeenranta"), STEPS, MODELS, TODAY);
    assertThat(lappeenranta.cases().total()).isEqualTo(2);                 // A, C
    assertThat(counts(lappeenranta.openByStep())).containsEntry("Task_Arviointi", 2L)
        .containsEntry("Task_Oikaisuvaatimus", 0L);
    Clock assessment = clock(lappeenranta, "ARVIOINTI_ALKAA");
    assertThat(assessment.medianDays()).isEqualTo(3);
    assertThat(assessment.onTime()).isEqualTo(1);
    assertThat(assessment.overdue()).isEqualTo(1);
    assertThat(lappeenranta.budget().grantedCents()).isEqualTo(1_200_000L);
    assertThat(lappeenranta.satisfaction().mean()).isEqualTo(4.5);
    // the lists keep every option
    assertThat(lappeenranta.options().municipalities()).containsExactly("Imatra", "Lappeenranta", "Lemi");

    HbFigures may = queries.compute(DashboardSelection.of("2026-05", "2026-05", null), STEPS, MODELS, TODAY);
    assertThat(may.cases().total()).isEqualTo(2);                          // A, B
    assertThat(may.rectification().requests()).isEqualTo(1);               // B
    assertThat(may.rectification().rejected()).isZero();
    assertThat(counts(may.byMunicipality())).containsExactly(Map.entry("Imatra", 1L), Map.entry("Lappeenranta", 1L));

    HbFigures fromMay = queries.compute(DashboardSelection.of("2026-05", null, "Imatra"), STEPS, MODELS, TODAY);
    assertThat(fromMay.cases().total()).isEqualTo(1);                      // B (E was opened in April)
    assertThat(counts(fromMay.supportModels())).containsEntry("HB_VASTUUHENKILO", 1L).containsEntry("VERTAISTUKI", 0L);

    assertThat(lappeenranta.transition()).isEqualTo(new HbFigures.Transition(2, 2, 1));
    // Imatra's cases (B decided anew, E cancelled) have no running old-law decision: zeros
    HbFigures imatra = queries.compute(DashboardSelection.of(null, null, "Imatra"), STEPS, MODELS, TODAY);
    assertThat(imatra.transition()).isEqualTo(new HbFigures.Transition(0, 0, 0));
    // 1.5.: A's 1.8. is more than 90 days away, C's 1.6. still to come
    assertThat(queries.transition(DashboardSelection.ALL, LocalDate.of(2026, 5, 1)))
        .isEqualTo(new HbFigures.Transition(2, 1, 0));

    HbFigures none = queries.compute(DashboardSelection.of(null, null, "Taipalsaari"), STEPS, MODELS, TODAY);
    assertThat(none.transition()).isEqualTo(new HbFigures.Transition(0, 0, 0));
    assertThat(clock(none, "OIKAISUVAATIMUKSEN_KASITTELY").completed()).isZero();
    assertThat(none.cases().total()).isZero();
    assertThat(clock(none, "PAATOS").medianDays()).isNull();
    assertThat(none.budget().useShare()).isNull();
    assertThat(none.satisfaction().mean()).isNull();
  }

  // --- helpers -----------------------------------------------------------------------------------------------------

  private ProcessInstance open(String municipality, String opened) {
    tick();
    return engine.getRuntimeService().startProcessInstanceByKey(HbFigureQueries.PROCESS_KEY,
        Map.of("kotikunta", municipality, "vireilletulopaiva", opened));
  }

  private void set(ProcessInstance pi, Object... namesAndValues) {
    tick();
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    engine.getRuntimeService().setVariables(pi.getId(), values);
  }

  private void completeStep(ProcessInstance pi, String step) {
    tick();
    org.camunda.bpm.engine.task.Task task = task(pi);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(step);
    engine.getTaskService().complete(task.getId());
  }

  private org.camunda.bpm.engine.task.Task task(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  /** Each change a minute later than the one before, so that "the first recorded value" is well defined. */
  private void tick() {
    clock = clock.plusMinutes(1);
    ClockUtil.setCurrentTime(Date.from(clock.atZone(EngineContext.FINLAND).toInstant()));
  }

  /** A legal clock's last day as the engine keeps it: a Date at midnight in Finland. */
  private static Date day(String isoDate) {
    return Date.from(LocalDate.parse(isoDate).atStartOfDay(EngineContext.FINLAND).toInstant());
  }

  private static Clock clock(HbFigures f, String name) {
    return f.clocks().stream().filter(c -> c.clock().equals(name)).findFirst().orElseThrow();
  }

  private static Map<String, Long> counts(List<Count> counts) {
    return counts.stream().collect(Collectors.toMap(Count::key, Count::count, (x, y) -> x, LinkedHashMap::new));
  }
}
