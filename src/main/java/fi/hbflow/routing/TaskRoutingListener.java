package fi.hbflow.routing;

import fi.hbflow.engine.DmnTables;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Task listener on {@code create} ({@code ${taskRouting}}): gives the task the candidate groups and the legal deadline
 * (due date) that the routing table {@code hb-tehtavien-reititys.dmn} names for it, and names the task after its case
 * ("Palvelutarpeen arviointi – Aino Asiakas (HB-2026-000001)"). The process owner changes who sees what, and which
 * deadline applies, in that table; a row may name the client's municipality ({@code kotikunta}), so that an area's
 * own team (or, nationally, a county's) gets its cases and each group's task list stays the size of its caseload.
 */
public class TaskRoutingListener implements TaskListener {

  public static final String DECISION_KEY = "hb-tehtavien-reititys";

  private final DmnTables tables;

  public TaskRoutingListener(DmnTables tables) {
    this.tables = tables;
  }

  @Override
  public void notify(DelegateTask task) {
    // the client's municipality: an area's own team, when the table has rows for it
    DmnDecisionTableResult result = route(tables, task.getTaskDefinitionKey(), caseValue(task, "kotikunta"));
    if (result.isEmpty()) {
      throw new IllegalStateException("Routing table " + DECISION_KEY + " has no row for task " + task.getTaskDefinitionKey());
    }
    groups(result.getSingleResult().getEntry("ryhmat")).forEach(task::addCandidateGroup);
    // the task list shows task names, not case variables (workers may read only their tasks): name the case
    Object client = task.getVariable("asiakasNimi");
    String caseKey = task.getExecution().getProcessBusinessKey();
    if (client != null && caseKey != null && !task.getName().contains(caseKey)) {
      task.setName(task.getName() + " – " + client + " (" + caseKey + ")");
    }
    // the due date is the legal deadline the table names for this task, when the case has computed it
    Object clock = result.getSingleResult().getEntry("maaraika");
    if (clock != null && !clock.toString().isBlank() && caseValue(task, "erapaiva_" + clock) instanceof Date due) {
      task.setDueDate(due);
    }
  }

  /** The latest routing table's answer for task {@code taskKey} of a client living in {@code municipality} (or none). */
  static DmnDecisionTableResult route(DmnTables tables, String taskKey, Object municipality) {
    Map<String, Object> inputs = new HashMap<>(); // Map.of refuses the null of a case without a municipality
    inputs.put("tehtava", taskKey);
    inputs.put("kotikunta", municipality);
    return tables.latest(DECISION_KEY).evaluate(inputs);
  }

  /**
   * A value of the task's process, or else of the case that called it: the support choice ({@code hb-tuen-valinta})
   * is called with the client's name only, and its tasks take their deadline from the calling HB case.
   */
  static Object caseValue(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    DelegateExecution caller = task.getExecution().getProcessInstance().getSuperExecution();
    while (value == null && caller != null) {
      value = caller.getVariable(name);
      caller = caller.getProcessInstance().getSuperExecution();
    }
    return value;
  }

  /** "palveluohjaus, hb-vastuuhenkilot" → [palveluohjaus, hb-vastuuhenkilot]. */
  static List<String> groups(Object cell) {
    if (cell == null) {
      return List.of();
    }
    return Arrays.stream(cell.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
