package fi.hbflow.research;

import fi.hbflow.casefile.HbCaseFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;

/**
 * Reads every HB case ({@value #PROCESS_KEY}, running and ended, all versions) from the engine's history, with only
 * the variables the research export uses. The caller runs it without the requesting user's authorizations (the
 * export's own role check decides who may run it).
 */
public class ResearchExport {

  public static final String PROCESS_KEY = "hb-palveluprosessi";
  /** The event dates whose first value counts against the legal clocks. */
  public static final List<String> EVENT_DATES = List.of(HbCaseFile.ASSESSMENT_START, HbCaseFile.DECISION_DATE,
      HbCaseFile.IMPLEMENTATION_START, HbCaseFile.ASSESSMENT_COMPLETED);
  /** Every variable the export reads: codes, dates, numbers and the two Json lists; no names and no free text. */
  public static final List<String> VARIABLES = List.of(HbCaseFile.AGE_GROUP, HbCaseFile.MUNICIPALITY, HbCaseFile.PENDING_SINCE,
      HbCaseFile.ASSESSMENT_START, HbCaseFile.DECISION_DATE, HbCaseFile.IMPLEMENTATION_START,
      "erapaiva_ARVIOINTI_ALKAA", "erapaiva_PAATOS", "erapaiva_TOTEUTUS",
      HbCaseFile.ASSESSMENT_COMPLETED, "erapaiva_ARVIOINTI_VALMIS", HbCaseFile.RECTIFICATION_ARRIVED,
      HbCaseFile.RECTIFICATION_RULED, "erapaiva_OIKAISUVAATIMUKSEN_KASITTELY",
      HbCaseFile.ANNUAL_BUDGET_CENTS, HbCaseFile.BUDGET_PERIOD_CENTS, HbCaseFile.USED_CENTS, HbCaseFile.SUPPORT_MODEL, HbCaseFile.OUTCOME, HbCaseFile.HB_SUITS,
      HbCaseFile.RECTIFICATION_RULING, Evaluations.VARIABLE, Feedbacks.VARIABLE, Feedbacks.SATISFACTION_VARIABLE);
  static final int BATCH = 200;

  private final HistoryService history;

  public ResearchExport(HistoryService history) {
    this.history = history;
  }

  public List<CaseData> cases() {
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).list();
    List<CaseData> cases = new ArrayList<>();
    for (int from = 0; from < instances.size(); from += BATCH) {
      cases.addAll(load(instances.subList(from, Math.min(from + BATCH, instances.size()))));
    }
    return cases;
  }

  private List<CaseData> load(List<HistoricProcessInstance> batch) {
    String[] ids = batch.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    Map<String, Map<String, HistoricVariableInstance>> latest = new HashMap<>();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn(VARIABLES.toArray(String[]::new)).list()) {
      Map<String, HistoricVariableInstance> ofCase = latest.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>());
      HistoricVariableInstance seen = ofCase.get(v.getName());
      // the case's own variable (process-instance scope) wins over a local one of the same name
      if (seen == null || (!onCase(seen) && onCase(v))) {
        ofCase.put(v.getName(), v);
      }
    }
    Map<String, Map<String, HistoricVariableUpdate>> first = new HashMap<>();
    List<HistoricVariableUpdate> updates = new ArrayList<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceIdIn(ids).variableUpdates()
        .variableNameLike("%aiva").list()) { // "...paiva" and "...Paiva"
      if (detail instanceof HistoricVariableUpdate update && EVENT_DATES.contains(update.getVariableName())
          && update.getValue() != null && !update.getValue().toString().isBlank()) {
        updates.add(update);
      }
    }
    updates.sort(Comparator.comparing(HistoricVariableUpdate::getTime).thenComparing(HistoricVariableUpdate::getRevision));
    for (HistoricVariableUpdate update : updates) {
      first.computeIfAbsent(update.getProcessInstanceId(), k -> new HashMap<>())
          .putIfAbsent(update.getVariableName(), update);
    }

    List<CaseData> cases = new ArrayList<>();
    for (HistoricProcessInstance instance : batch) {
      Map<String, Object> values = new HashMap<>();
      latest.getOrDefault(instance.getId(), Map.of()).forEach((name, v) -> {
        if (v.getValue() != null) {
          values.put(name, v.getValue());
        }
      });
      Map<String, Object> firstValues = new HashMap<>();
      first.getOrDefault(instance.getId(), Map.of()).forEach((name, u) -> firstValues.put(name, u.getValue()));
      String key = instance.getBusinessKey() != null ? instance.getBusinessKey() : "id:" + instance.getId();
      boolean terminated = HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState())
          || HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(instance.getState());
      cases.add(new CaseData(key, instance.getEndTime() != null, terminated, values, firstValues, instance.getId()));
    }
    return cases;
  }

  private static boolean onCase(HistoricVariableInstance v) {
    return v.getProcessInstanceId().equals(v.getExecutionId());
  }
}
