package fi.hbflow.sopiva;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.engine.DmnTables;
import fi.hbflow.forms.FormCheckListener;
import fi.hbflow.routing.TaskRoutingListener;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Drives SOPIVA's events and trainings through the Java API the way a development worker does through Tasklist: start
 * forms and task forms are submitted with the form service, so the same listeners run. Registers the three expression
 * beans the models name ({@code sopivaStart}, {@code formCheck}, {@code taskRouting}) without Spring.
 */
class SopivaDriver {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
  static final String WORKER = "kehittaja";

  private final ProcessEngine engine;

  SopivaDriver(ProcessEngine engine) {
    this.engine = engine;
    Mocks.register("sopivaStart", new SopivaStartListener());
    Mocks.register("formCheck", new FormCheckListener(SopivaRules.all()));
    Mocks.register("taskRouting", new TaskRoutingListener(new DmnTables(engine)));
    setToday(TODAY);
  }

  /** Moves the engine clock to 10.00 Finnish time on {@code day}. */
  static void setToday(LocalDate day) {
    ClockUtil.setCurrentTime(java.util.Date.from(day.atTime(10, 0).atZone(ZoneId.of("Europe/Helsinki")).toInstant()));
  }

  static void reset() {
    ClockUtil.reset();
    Mocks.reset();
  }

  /** Submits the start form of the latest {@code processKey} as the development worker. */
  ProcessInstance start(String processKey, Map<String, Object> form) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult().getId();
    engine.getIdentityService().setAuthenticatedUserId(WORKER);
    try {
      return engine.getFormService().submitStartForm(definitionId, form);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The one open task of the instance, which must be {@code taskKey}. */
  Task task(ProcessInstance pi, String taskKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list();
    assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsExactly(taskKey);
    return tasks.get(0);
  }

  /** Completes {@code taskKey} with the form values, after checking that it is routed to the development workers. */
  void complete(ProcessInstance pi, String taskKey, Map<String, Object> form) {
    Task task = task(pi, taskKey);
    assertThat(candidateGroups(task)).as("candidate groups of %s", taskKey).containsExactly("kehittajat");
    engine.getIdentityService().setAuthenticatedUserId(WORKER);
    try {
      engine.getFormService().submitTaskForm(task.getId(), form);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> l.getGroupId() != null).map(l -> l.getGroupId()).sorted().toList();
  }

  Object variable(ProcessInstance pi, String name) {
    return engine.getRuntimeService().getVariable(pi.getId(), name);
  }

  long instances(String processKey) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
  }

  long passes(ProcessInstance pi, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(activityId).count();
  }
}
