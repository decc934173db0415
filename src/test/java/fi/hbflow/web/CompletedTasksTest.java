package fi.hbflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.TestEngine;
import fi.hbflow.web.CompletedTasks.State;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task counts as completed when it is finished in the history, whoever asks, and as the asker's when one of their
 * groups was its candidate or it was assigned to them: the 409 of a worker who lost a race for the same task, and the
 * 403 of anyone else, depend on it (see {@link FormSubmissionAnswerFilter}).
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
            .userTask("eka").camundaCandidateGroups("probe-ryhma")
            .userTask("toka").camundaCandidateGroups("probe-ryhma")
            .endEvent()
            .done())
        .deploy().getId();
  }

  @AfterEach
  void cleanUp() {
    ENGINE.getIdentityService().clearAuthentication();
    for (String user : List.of("sami", "pia")) {
      ENGINE.getIdentityService().deleteUser(user);
    }
    for (String group : List.of("probe-ryhma", "probe-toinen")) {
      ENGINE.getIdentityService().deleteGroup(group);
    }
    configuration.setAuthorizationEnabled(false);
    ENGINE.getRepositoryService().deleteDeployment(deployment, true);
  }

  @Test
  void aCompletedTaskIsTheirsWhenTheirGroupWasItsCandidateOrTheyWereItsAssignee() {
    ENGINE.getIdentityService().saveUser(ENGINE.getIdentityService().newUser("sami"));
    ENGINE.getIdentityService().saveUser(ENGINE.getIdentityService().newUser("pia"));
    ENGINE.getIdentityService().saveGroup(ENGINE.getIdentityService().newGroup("probe-ryhma"));
    ENGINE.getIdentityService().saveGroup(ENGINE.getIdentityService().newGroup("probe-toinen"));
    ENGINE.getIdentityService().createMembership("sami", "probe-ryhma");
    ENGINE.getIdentityService().createMembership("pia", "probe-toinen");
    String instance = ENGINE.getRuntimeService().startProcessInstanceByKey("hb-completed-probe").getId();
    Task first = ENGINE.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    ENGINE.getTaskService().complete(first.getId());
    Task second = ENGINE.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    ENGINE.getTaskService().setAssignee(second.getId(), "pia");

    assertThat(completed.state(first.getId(), "sami")).isEqualTo(State.COMPLETED_BY_THEIR_GROUP);
    assertThat(completed.state(first.getId(), "pia")).isEqualTo(State.COMPLETED_ELSEWHERE);
    assertThat(completed.state(first.getId(), null)).isEqualTo(State.COMPLETED_ELSEWHERE);
    assertThat(completed.state(second.getId(), "sami")).isEqualTo(State.OPEN);
    assertThat(completed.state("no-such-task", "sami")).isEqualTo(State.UNKNOWN);
    ENGINE.getTaskService().complete(second.getId());
    assertThat(completed.state(second.getId(), "pia")).as("assigned to her").isEqualTo(State.COMPLETED_BY_THEIR_GROUP);
  }

  @Test
  void theCallersMissingPermissionsDoNotHideTheCompletionAndTheCallerStaysLoggedIn() {
    String instance = ENGINE.getRuntimeService().startProcessInstanceByKey("hb-completed-probe").getId();
    Task first = ENGINE.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    ENGINE.getTaskService().complete(first.getId());
    configuration.setAuthorizationEnabled(true);
    ENGINE.getIdentityService().setAuthentication("sami", List.of("sosiaalityo"));

    assertThat(completed.state(first.getId(), "sami")).isNotIn(State.OPEN, State.UNKNOWN);
    assertThat(ENGINE.getIdentityService().getCurrentAuthentication().getUserId()).isEqualTo("sami");
    assertThat(ENGINE.getIdentityService().getCurrentAuthentication().getGroupIds()).containsExactly("sosiaalityo");
    // the caller's own view: without READ_HISTORY the same question finds nothing
    assertThat(ENGINE.getHistoryService().createHistoricTaskInstanceQuery().taskId(first.getId()).count()).isZero();
  }
}
