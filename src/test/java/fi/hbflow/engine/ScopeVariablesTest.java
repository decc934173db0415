package fi.hbflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.TestEngine;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** {@link ScopeVariables}: the names and values {@code getVariables()} gives, the task's own before the case's. */
class ScopeVariablesTest {

  @RegisterExtension
  static ProcessEngineExtension extension = TestEngine.extension();

  ProcessEngine engine;

  @Test
  void seesWhatGetVariablesSees() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("scope-variables-test").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task").endEvent().done();
    String deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance("scope-variables-test.bpmn", model).deploy().getId();
    try {
      Map<String, Object> start = new HashMap<>();
      start.put("asiakasNimi", "Aino Asiakas");
      start.put("tarve_HENKILOKOHTAINEN_APU", 40);
      start.put("tyhja", null);
      start.put("nimi", "tapauksen");
      String instance = engine.getRuntimeService().startProcessInstanceByKey("scope-variables-test", start).getId();
      String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
      engine.getTaskService().setVariableLocal(taskId, "nimi", "tehtävän");

      ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
          .execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            Map<String, Object> lazy = ScopeVariables.of(task);
            Map<String, Object> all = task.getVariables();
            assertThat(lazy.get("nimi")).isEqualTo("tehtävän");
            assertThat(lazy.get("tarve_HENKILOKOHTAINEN_APU")).isEqualTo(40);
            assertThat(lazy.containsKey("tyhja")).isTrue();
            assertThat(lazy.get("tyhja")).isNull();
            assertThat(lazy.containsKey("puuttuu")).isFalse();
            assertThat(lazy.get("puuttuu")).isNull();
            assertThat(lazy.keySet()).containsExactlyInAnyOrderElementsOf(all.keySet());
            assertThat(new HashMap<>(lazy)).isEqualTo(new HashMap<>(all));
            return null;
          });
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }
}
