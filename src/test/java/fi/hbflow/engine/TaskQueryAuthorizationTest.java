package fi.hbflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hbflow.TestEngine;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The task query with our authorization subqueries ({@link TaskQueryAuthorizationPlugin}) sees exactly what the
 * engine's rule allows: the tasks routed to the user's groups, all tasks of a process a group may read tasks of, all
 * tasks with a '*' grant — and nothing else — in the list and in the count, on H2 and on PostgreSQL.
 */
class TaskQueryAuthorizationTest {

  static final ProcessEngine ENGINE = TestEngine.engine();
  static final String PROCESS = "hb-auth-probe";
  static final String OTHER = "hb-auth-probe-other";

  ProcessEngineConfigurationImpl configuration;
  AuthorizationService authorizations;
  String deployment;
  final List<String> grants = new java.util.ArrayList<>();

  @BeforeEach
  void twoProcessesWithTasksOfThreeGroups() {
    configuration = (ProcessEngineConfigurationImpl) ENGINE.getProcessEngineConfiguration();
    authorizations = ENGINE.getAuthorizationService();
    deployment = ENGINE.getRepositoryService().createDeployment()
        .addModelInstance(PROCESS + ".bpmn", probe(PROCESS, "ryhma-a", "ryhma-b"))
        .addModelInstance(OTHER + ".bpmn", probe(OTHER, "ryhma-c", "ryhma-c"))
        .deploy().getId();
    // with authorizations on, the engine grants each candidate group its task (one row per task), as in HB Flow
    configuration.setAuthorizationEnabled(true);
    for (int i = 0; i < 3; i++) {
      ENGINE.getRuntimeService().startProcessInstanceByKey(PROCESS);
      ENGINE.getRuntimeService().startProcessInstanceByKey(OTHER);
    }
  }

  @AfterEach
  void cleanUp() {
    ENGINE.getIdentityService().clearAuthentication();
    configuration.setAuthorizationEnabled(false);
    grants.forEach(authorizations::deleteAuthorization);
    for (Authorization a : authorizations.createAuthorizationQuery().resourceType(Resources.TASK).list()) {
      authorizations.deleteAuthorization(a.getId()); // the per-task rows of the probe's tasks
    }
    ENGINE.getRepositoryService().deleteDeployment(deployment, true);
  }

  @Test
  void theEngineRunsOurStatements() {
    var mybatis = configuration.getSqlSessionFactory().getConfiguration();
    assertThat(mybatis.getMappedStatement("selectTaskByQueryCriteria").getResource())
        .isEqualTo(TaskQueryAuthorizationPlugin.RESOURCE);
    assertThat(mybatis.getMappedStatement("selectTaskCountByQueryCriteria").getResource())
        .isEqualTo(TaskQueryAuthorizationPlugin.RESOURCE);
  }

  @Test
  void theAuthorizedGroupsAreEveryGroupWithAnAuthorization() {
    grant("ryhma-x", Resources.PROCESS_DEFINITION, OTHER, Permissions.READ_TASK);
    var mybatis = configuration.getSqlSessionFactory().getConfiguration();
    assertThat(mybatis.getMappedStatement("selectAuthorizedGroupIds").getResource())
        .isEqualTo(TaskQueryAuthorizationPlugin.RESOURCE);
    List<Object> ours = configuration.getCommandExecutorTxRequired().execute(context ->
        new java.util.ArrayList<Object>(context.getDbSqlSession().selectList("selectAuthorizedGroupIds", null)));
    java.util.Set<String> expected = new java.util.HashSet<>();
    for (Authorization a : authorizations.createAuthorizationQuery().list()) {
      if (a.getGroupId() != null) {
        expected.add(a.getGroupId());
      }
    }
    assertThat(expected).contains("ryhma-a", "ryhma-b", "ryhma-c", "ryhma-x");
    assertThat(ours).doesNotHaveDuplicates().hasSameElementsAs(new java.util.ArrayList<Object>(expected));
  }

  @Test
  void aGroupSeesTheTasksRoutedToItAndNoOthers() {
    assertThat(visibleTo("a-user", "ryhma-a")).hasSize(3).allMatch(t -> t.getTaskDefinitionKey().equals("tehtava1"));
    assertThat(countFor("a-user", "ryhma-a")).isEqualTo(3);
    assertThat(visibleTo("b-user", "ryhma-b")).hasSize(3).allMatch(t -> t.getTaskDefinitionKey().equals("tehtava2"));
    assertThat(visibleTo("c-user", "ryhma-c")).hasSize(6).allMatch(t -> t.getProcessDefinitionId().startsWith(OTHER));
    assertThat(visibleTo("ab-user", "ryhma-a", "ryhma-b")).hasSize(6);
    assertThat(visibleTo("nobody", "ryhma-x")).isEmpty();
    assertThat(countFor("nobody", "ryhma-x")).isZero();
    // the Tasklist filter's own query (candidate group plus assigned tasks) as a member of another group
    String[] groupB = {"ryhma-b"};
    assertThat(as("b-user", groupB, () -> ENGINE.getTaskService().createTaskQuery().taskCandidateGroup("ryhma-a")
        .includeAssignedTasks().list())).isEmpty();
    assertThat(as("b-user", groupB, () -> ENGINE.getTaskService().createTaskQuery().taskCandidateGroup("ryhma-b")
        .includeAssignedTasks().orderByTaskCreateTime().desc().listPage(0, 2))).hasSize(2);
  }

  @Test
  void processLevelAndWildcardGrantsWork() {
    grant("ryhma-x", Resources.PROCESS_DEFINITION, OTHER, Permissions.READ_TASK);
    assertThat(visibleTo("x-user", "ryhma-x")).hasSize(6).allMatch(t -> t.getProcessDefinitionId().startsWith(OTHER));
    grant("ryhma-y", Resources.TASK, "*", Permissions.READ);
    assertThat(visibleTo("y-user", "ryhma-y")).hasSize(12);
    assertThat(countFor("y-user", "ryhma-y")).isEqualTo(12);
    // a grant of another permission (not READ) shows nothing
    grant("ryhma-z", Resources.PROCESS_DEFINITION, PROCESS, Permissions.CREATE_INSTANCE);
    assertThat(visibleTo("z-user", "ryhma-z")).isEmpty();
  }

  @Test
  void theMapperRefusesAnEngineItWasNotWrittenFor() {
    String taskXml = TaskQueryAuthorizationPlugin.resource("org/camunda/bpm/engine/impl/mapping/entity/Task.xml");
    String ours = TaskQueryAuthorizationPlugin.resource("fi/hbflow/engine/task-query-authorization.xml");
    String mapper = TaskQueryAuthorizationPlugin.mapper(taskXml, ours);
    assertThat(mapper).doesNotContain("AUTH ON").contains("taskAuthorizationCheck\" />");
    assertThatThrownBy(() -> TaskQueryAuthorizationPlugin.mapper(taskXml.replace("AUTH ON (", "AUTH ON ( "), ours))
        .isInstanceOf(IllegalStateException.class);
  }

  private List<Task> visibleTo(String user, String... groups) {
    return as(user, groups, () -> probeTasks().list());
  }

  private long countFor(String user, String... groups) {
    return as(user, groups, () -> probeTasks().count());
  }

  private static TaskQuery probeTasks() {
    return ENGINE.getTaskService().createTaskQuery().processDefinitionKeyIn(PROCESS, OTHER);
  }

  /** Runs the query as the user in the groups (authorization checks need a logged-in user). */
  private static <T> T as(String user, String[] groups, Supplier<T> query) {
    ENGINE.getIdentityService().setAuthentication(user, List.of(groups));
    try {
      return query.get();
    } finally {
      ENGINE.getIdentityService().clearAuthentication();
    }
  }

  private void grant(String group, Resources resource, String id, Permissions permission) {
    Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(id);
    a.addPermission(permission);
    grants.add(authorizations.saveAuthorization(a).getId());
  }

  private static BpmnModelInstance probe(String key, String firstGroup, String secondGroup) {
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent()
        .parallelGateway("haara")
        .userTask("tehtava1").camundaCandidateGroups(firstGroup).endEvent("loppu1")
        .moveToNode("haara")
        .userTask("tehtava2").camundaCandidateGroups(secondGroup).endEvent("loppu2")
        .done();
  }
}
