package fi.hbflow.calendar;

import fi.hbflow.engine.LongText;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fi.hbflow.engine.DmnTables;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.engine.ScopeVariables;
import fi.hbflow.casefile.CaseFile;
import fi.hbflow.casefile.ClockWatchCaseFile;
import fi.hbflow.casefile.HbCaseFile;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * The legal clocks of an HB case (bean {@code legalClocks}), used by expressions in the BPMN:
 * {@code ${legalClocks.start(execution, 'ARVIOINTI_ALKAA,PAATOS,TOTEUTUS')}} computes the deadlines from the table
 * {@code hb-maaraajat.dmn} and the Finnish working-day calendar, stores them with the case (task due dates and timers
 * read them) and starts a watch ({@code hb-maaraikavalvonta}) for each clock that can be met; the watch calls
 * {@link #check} and {@link #recordBreach}.
 */
public class LegalClocks {

  public static final String DECISION_KEY = "hb-maaraajat";
  public static final String WATCH_PROCESS = "hb-maaraikavalvonta";

  private final ProcessEngine engine;
  private final DmnTables tables;
  private final FinnishCalendar calendar = new FinnishCalendar();

  public LegalClocks(ProcessEngine engine, DmnTables tables) {
    this.engine = engine;
    this.tables = tables;
  }

  /** Computes and stores the named clocks of the case; starts their watches. */
  public void start(DelegateExecution execution, String clocks) {
    Map<String, Object> variables = ScopeVariables.of(execution); // a clock reads two or three of the case's values
    for (String entry : clocks.split(",")) {
      String clock = entry.trim();
      boolean optional = clock.endsWith("?"); // "ARVIOINTI_VALMIS?": only when the table has a row for this case
      LegalDeadline deadline = compute(optional ? clock.substring(0, clock.length() - 1) : clock, variables, optional);
      if (deadline == null) {
        continue;
      }
      stored(deadline).forEach(execution::setVariable);
      if (deadline.rule().isWatched()) {
        watch(execution, deadline);
      }
    }
    summarise(execution);
  }

  /** The case variables that hold one computed clock: erapaiva_, ylitys_, erapaivaTeksti_ and maaraika_ + name. */
  public static Map<String, Object> stored(LegalDeadline deadline) {
    String name = deadline.rule().storeAs();
    Map<String, Object> v = new java.util.LinkedHashMap<>();
    v.put("erapaiva_" + name, at(deadline.due(), LocalTime.MIDNIGHT));
    v.put("ylitys_" + name, at(deadline.breachedOn(), LocalTime.MIDNIGHT));
    v.put("erapaivaTeksti_" + name, deadline.dueText());
    v.put("maaraika_" + name, deadline.describe());
    return v;
  }

  /** The deadline of one clock for these case values, or null when the table has no row for them. */
  public LegalDeadline deadlineOrNull(String clock, Map<String, Object> variables) {
    return compute(clock, variables, true);
  }

  /**
   * Siirtymäaika (Vammaispalvelulaki 675/2023 42 § 3 mom), on the flow out of the decision task: a grant in a matter
   * that became pending before 1.1.2025 (42 § 2 mom: decided under 380/1987) is marked {@code siirtymaajanPaatos} =
   * true with the clock SIIRTYMA (the county's target for the new decision, before the old decision lapses on
   * 1.1.2028); any other decision (a rejection, a decision in a matter pending from 1.1.2025, such as a new assessment
   * after a review: {@code uudelleenarviointiPaiva}) is marked false and the clock is removed. The mark is set to true
   * only once, so the leading social worker's task is created once.
   */
  public void markTransition(DelegateExecution execution) {
    Map<String, Object> values = new HashMap<>(ScopeVariables.of(execution));
    Object reopened = values.get(HbCaseFile.REASSESSMENT_DATE);
    if (reopened != null) {
      values.put(HbCaseFile.PENDING_SINCE, reopened); // the matter of this decision became pending then
    }
    values.put(TRANSITION_BASE, TRANSITION_STARTS.toString());
    LegalDeadline deadline = "myonnetty".equals(values.get(HbCaseFile.DECISION)) ? compute("SIIRTYMA", values, true) : null;
    if (deadline == null) {
      if (execution.getVariable("erapaiva_SIIRTYMA") != null) {
        for (String prefix : List.of("erapaiva_", "ylitys_", "erapaivaTeksti_", "maaraika_")) {
          execution.removeVariable(prefix + "SIIRTYMA");
        }
        summarise(execution);
      }
      execution.setVariable(HbCaseFile.TRANSITION_DECISION, false);
      return;
    }
    execution.setVariable(TRANSITION_BASE, TRANSITION_STARTS.toString());
    stored(deadline).forEach(execution::setVariable);
    summarise(execution);
    if (!Boolean.TRUE.equals(execution.getVariable(HbCaseFile.TRANSITION_DECISION))) {
      execution.setVariable(HbCaseFile.TRANSITION_DECISION, true);
    }
  }

  /** 675/2023 41 § 1 mom: in force from 1.1.2025; the transition clock runs from that day. */
  public static final LocalDate TRANSITION_STARTS = LocalDate.of(2025, 1, 1);
  static final String TRANSITION_BASE = HbCaseFile.TRANSITION_START;

  /** The summary the forms show ({@code maaraajatTeksti}): every clock computed so far, one line each. */
  public static void summarise(org.camunda.bpm.engine.delegate.VariableScope execution) {
    Map<String, String> lines = new java.util.TreeMap<>();
    for (String key : execution.getVariableNames()) {
      Object value = key.startsWith("maaraika_") ? execution.getVariable(key) : null;
      if (value != null) {
        lines.put(key, value.toString());
      }
    }
    execution.setVariable(HbCaseFile.CLOCKS_TEXT, LongText.of(String.join("\n", lines.values()) + "\n"));
  }

  /** The deadline of one clock for the case's variables (plain: table row + calendar). */
  LegalDeadline compute(String clock, Map<String, Object> variables) {
    return compute(clock, variables, false);
  }

  /**
   * The deadline of one clock, or null when {@code optional} and the table has no row for this case (e.g. the child's
   * assessment clock for an adult). A row that names a clock it may not end after is moved back to that clock's date.
   */
  LegalDeadline compute(String clock, Map<String, Object> variables, boolean optional) {
    HbCaseFile hbCase = HbCaseFile.of(variables, (name, value) -> {
      throw new IllegalStateException("computing a clock writes nothing");
    });
    List<String> problems = new ArrayList<>();
    LocalDate opened = CaseFile.collecting(problems, hbCase::pendingSince);
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("maaraika", clock);
    inputs.put("alkupaiva", opened);
    inputs.put("tiedoksiantotapa", hbCase.raw(HbCaseFile.NOTIFICATION_METHOD));
    inputs.put("ikaryhma", hbCase.raw(HbCaseFile.AGE_GROUP));
    DmnDecisionTableResult result = tables.latest(DECISION_KEY).evaluate(inputs);
    if (result.isEmpty()) {
      if (optional) {
        return null;
      }
      throw new ProcessEngineException("Legal-clock table " + DECISION_KEY + " has no row for " + clock);
    }
    ClockRule rule = rule(clock, result.getFirstResult());
    LocalDate base = CaseFile.collecting(problems,
        () -> CaseFile.required(hbCase.date(rule.baseVariable(), rule.baseVariable()), rule.baseVariable()));
    if (!problems.isEmpty()) {
      throw new ProcessEngineException("Cannot start clock " + clock + ": " + problems);
    }
    LegalDeadline deadline = rule.from(base, calendar);
    if (rule.hasCap() && !rule.notAfterClock().equals(clock)) {
      deadline = rule.notAfter(deadline, compute(rule.notAfterClock(), variables, false).due(), calendar);
    }
    return deadline;
  }

  /** Records today's date (ISO) in {@code variable}: the server's own record that a clock was met. */
  public void recordToday(DelegateExecution execution, String variable) {
    execution.setVariable(variable, EngineContext.today().toString());
  }

  /**
   * A rectification request arrived as a message (electronically): it arrived today (an earlier request's date, if
   * any, is replaced).
   */
  public void rectificationArrivedToday(DelegateExecution execution) {
    recordToday(execution, HbCaseFile.RECTIFICATION_ARRIVED);
  }

  /** The handling of a rectification request begins: its clock starts from the arrival (county target, HL 49 e §). */
  public void rectificationHandlingStarts(DelegateExecution execution) {
    execution.removeVariable(HbCaseFile.RECTIFICATION_RULED);
    start(execution, "OIKAISUVAATIMUKSEN_KASITTELY");
  }

  private static ClockRule rule(String clock, DmnDecisionRuleResult row) {
    return new ClockRule(clock, row.getEntry("alkupaivaMuuttuja"), DeadlineUnit.parse(row.getEntry("yksikko")),
        ((Number) row.getEntry("maara")).intValue(), ((Number) row.getEntry("muistutusArkipaiviaEnnen")).intValue(),
        row.getEntry("tallennetaanNimella"), row.getEntry("tayttyyKunMuuttuja"), row.getEntry("eiMyohemminKuin"),
        row.getEntry("lainkohta"));
  }

  private void watch(DelegateExecution execution, LegalDeadline deadline) {
    Map<String, Object> v = new HashMap<>();
    ClockWatchCaseFile watch = ClockWatchCaseFile.of(v, v::put);
    watch.set(ClockWatchCaseFile.CASE_ID, execution.getProcessInstanceId());
    watch.set(ClockWatchCaseFile.CASE_KEY, execution.getProcessBusinessKey());
    watch.set(ClockWatchCaseFile.CLIENT_NAME, execution.getVariable(HbCaseFile.CLIENT_NAME));
    watch.set(ClockWatchCaseFile.CLOCK, deadline.rule().storeAs());
    watch.set(ClockWatchCaseFile.LAW_REFERENCE, deadline.rule().lawReference());
    watch.set(ClockWatchCaseFile.DUE, at(deadline.due(), LocalTime.MIDNIGHT));
    watch.set(ClockWatchCaseFile.DUE_TEXT, deadline.dueText());
    watch.set(ClockWatchCaseFile.REMIND_ON, at(deadline.remindOn(), LocalTime.of(8, 0)));
    watch.set(ClockWatchCaseFile.BREACHED_ON, at(deadline.breachedOn(), LocalTime.MIDNIGHT));
    watch.set(ClockWatchCaseFile.MET_WHEN_VARIABLE, deadline.rule().metWhenVariable());
    EngineContext.withoutAuthorization(() -> engine.getRuntimeService()
        .startProcessInstanceByKey(WATCH_PROCESS, execution.getProcessBusinessKey(), v));
  }

  /** In the watch: is the clock met (or the case over, or ending at once)? Also names the groups that hold the case now. */
  public void check(DelegateExecution execution) {
    ClockWatchCaseFile watch = ClockWatchCaseFile.of(execution);
    String caseId = watch.caseId();
    String metWhen = watch.metWhenVariable();
    boolean met = EngineContext.withoutAuthorization(() -> {
      ProcessInstance main = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(caseId).singleResult();
      // a case that ends at once (HB päättyy heti) has no deadlines left to meet: only its commitments to settle
      return main == null || engine.getRuntimeService().getVariable(caseId, metWhen) != null
          || engine.getRuntimeService().getVariable(caseId, HbCaseFile.ENDED_EARLY_RECORDED) != null;
    });
    watch.recordCheck(met, met ? List.of() : List.copyOf(groupsHolding(caseId)));
  }

  private Set<String> groupsHolding(String caseId) {
    return EngineContext.withoutAuthorization(() -> {
      Set<String> groups = new LinkedHashSet<>();
      for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(caseId).list()) {
        for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
          if (link.getGroupId() != null) {
            groups.add(link.getGroupId());
          }
        }
      }
      if (groups.isEmpty()) {
        groups.add("sosiaalityo"); // the case waits outside a task (e.g. a timer): its social worker
      }
      return groups;
    });
  }

  /** In the watch: the deadline passed unmet; recorded with the case (every breach, in order). */
  public void recordBreach(DelegateExecution execution) {
    ClockWatchCaseFile watch = ClockWatchCaseFile.of(execution);
    String caseId = watch.caseId();
    String clock = watch.clock();
    EngineContext.withoutAuthorization(() -> {
      var runtime = engine.getRuntimeService();
      if (runtime.createProcessInstanceQuery().processInstanceId(caseId).count() == 0) {
        return null;
      }
      JsonValue previous = runtime.getVariableTyped(caseId, HbCaseFile.BREACHES);
      ArrayNode breaches;
      try {
        breaches = fi.hbflow.casefile.JsonList.read(previous);
      } catch (IllegalArgumentException e) {
        throw new ProcessEngineException("Unreadable breach list of case " + caseId, e);
      }
      breaches.addObject().put("maaraika", clock).put("erapaiva", String.valueOf(watch.raw(ClockWatchCaseFile.DUE)))
          .put("havaittu", EngineContext.today().toString())
          .put("lainkohta", String.valueOf(watch.raw(ClockWatchCaseFile.LAW_REFERENCE)));
      runtime.setVariable(caseId, HbCaseFile.BREACHES, fi.hbflow.casefile.JsonList.value(breaches));
      runtime.setVariable(caseId, HbCaseFile.BREACH_COUNT, breaches.size());
      runtime.setVariable(caseId, "ylitetty_" + clock, true);
      return null;
    });
  }

  /** The rectification window closed without a request: the decision is final (lainvoimainen). */
  public void decisionFinal(DelegateExecution execution) {
    execution.setVariable(HbCaseFile.FINAL, true);
    execution.setVariable(HbCaseFile.FINAL_SINCE, EngineContext.today().toString());
  }

  static Date at(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(EngineContext.FINLAND).toInstant());
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
