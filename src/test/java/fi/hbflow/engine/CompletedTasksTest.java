package fi.hbflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.TestEngine;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task counts as completed when it is finished in the history, whoever asks: the 409 of a worker who lost a race
 * for the same task depends on it (see {@link WorkerAnswerFilter}).
 */
class CompletedTasksTest {

  static final ProcessEngine ENGINE = TestEngine.engine();

  final CompletedTasks completed = new CompletedTasks(ENGINE);
  ProcessEngineConfigurationImpl configuration;
  String deployment;

  @BeforeEach
  void twoTasksInARow() {
    configuration = (ProcessEngineConfigurationImpl) ENGINE.getProcessEngineConfiguration();
    deployment = ENGINE.getRepositoryService().createDeployment()
        .addModelInstance("hb-completed-probe.bpmn", Bpmn.createExecutableProcess("hb-completed-probe")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("eka").camundaCandidateGroups("sosiaalityo")
            .userTask("toka").camundaCandidateGroups("sosiaalityo")
            .endEvent()
            .done())
        .deploy().getId();
  }

  @AfterEach
  void cleanUp() {
    ENGINE.getIdentityService().clearAuthentication();
    configuration.setAuthorizationEnabled(false);
    ENGINE.getRepositoryService().deleteDeployment(deployment, true);
  }

  @Test
  void aCompletedTaskIsCompletedAnOpenOrUnknownOneIsNot() {
    String instance = ENGINE.getRuntimeService().startProcessInstanceByKey("hb-completed-probe").getId();
    Task first = ENGINE.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    ENGINE.getTaskService().complete(first.getId());
    Task second = ENGINE.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();

    assertThat(completed.test(first.getId())).isTrue();
    assertThat(completed.test(second.getId())).isFalse();
    assertThat(completed.test("no-such-task")).isFalse();
  }

  @Test
  void theCallersMissingPermissionsDoNotHideTheCompletionAndTheCallerStaysLoggedIn() {
    String instance = ENGINE.getRuntimeService().startProcessInstanceByKey("hb-completed-probe").getId();
    Task first = ENGINE.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    ENGINE.getTaskService().complete(first.getId());
    configuration.setAuthorizationEnabled(true);
    ENGINE.getIdentityService().setAuthentication("sami", List.of("sosiaalityo"));

    assertThat(completed.test(first.getId())).isTrue();
    assertThat(ENGINE.getIdentityService().getCurrentAuthentication().getUserId()).isEqualTo("sami");
    assertThat(ENGINE.getIdentityService().getCurrentAuthentication().getGroupIds()).containsExactly("sosiaalityo");
    // the caller's own view: without READ_HISTORY the same question finds nothing
    assertThat(ENGINE.getHistoryService().createHistoricTaskInstanceQuery().taskId(first.getId()).count()).isZero();
  }
}
