package fi.hbflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.TestEngine;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What IdentitySetup gives each group (the least-read table), that it takes away what earlier versions granted beyond
 * it, that it upgrades the per-task authorizations earlier versions made, and that running it again changes nothing;
 * and the seeded Tasklist filters.
 */
class IdentitySetupTest {

  static final ProcessEngine ENGINE = TestEngine.engine();
  static final String ANY = "*";
  static final String SOME_CASE = "a1b2c3";
  final FilterService filters = ENGINE.getFilterService();
  final AuthorizationService authorizations = ENGINE.getAuthorizationService();
  final ProcessEngineConfigurationImpl configuration =
      (ProcessEngineConfigurationImpl) ENGINE.getProcessEngineConfiguration();
  String deployment;

  @AfterEach
  void cleanUp() {
    filters.createFilterQuery().filterNameLike("HB: %").list().forEach(f -> filters.deleteFilter(f.getId()));
    configuration.setAuthorizationEnabled(false);
    configuration.setEnforceSpecificVariablePermission(true);
    configuration.setDefaultUserPermissionForTask(Permissions.TASK_WORK);
    authorizations.createAuthorizationQuery().groupIdIn("camunda-admin").list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    if (deployment != null) {
      ENGINE.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void oneFilterPerWorkingGroupWithoutVariableColumns() {
    new IdentitySetup(ENGINE).seed(false, "x");
    new IdentitySetup(ENGINE).seed(false, "x");
    List<Filter> seeded = filters.createFilterQuery().filterNameLike("HB: %").list();
    // one per working group, and the leading social workers' transition worklist (675/2023 42 § 3 mom)
    assertThat(seeded).hasSize((int) Roles.ALL.stream().filter(Roles.Role::worksTasks).count() + 1);
    assertThat(seeded).allSatisfy(f -> assertThat(f.getProperties()).doesNotContainKey("variables")
        .containsEntry("refresh", true));
  }

  @Test
  void theTransitionWorklistListsOnlyTheLeadingSocialWorkersTransitionTasksAndOnlyTheyMayReadIt() {
    new IdentitySetup(ENGINE).seed(false, "x");
    Filter worklist = filters.createFilterQuery().filterName(IdentitySetup.TRANSITION_FILTER).singleResult();
    org.camunda.bpm.engine.impl.TaskQueryImpl query = (org.camunda.bpm.engine.impl.TaskQueryImpl) worklist.getQuery();
    assertThat(query.getKey()).isEqualTo("Task_Siirtymaaika");
    assertThat(query.getCandidateGroup()).isEqualTo(Roles.LEADING_SOCIAL_WORKERS);
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(worklist.getId())
        .list()).extracting(a -> a.getGroupId()).containsExactly(Roles.LEADING_SOCIAL_WORKERS);
  }

  @Test
  void aFilterOfAnEarlierVersionLosesItsVariableColumnsAndKeepsItsPlace() {
    Filter old = filters.newTaskFilter("HB: Sosiaalityö")
        .setQuery(ENGINE.getTaskService().createTaskQuery().taskCandidateGroup(Roles.SOCIAL_WORK))
        .setProperties(Map.of("priority", 7, "variables", List.of(Map.of("name", "asiakasNimi", "label", "Asiakas"))));
    filters.saveFilter(old);
    new IdentitySetup(ENGINE).seed(false, "x");
    Filter upgraded = filters.getFilter(old.getId());
    assertThat(upgraded.getProperties()).doesNotContainKey("variables").containsEntry("priority", 7);
    assertThat(filters.createFilterQuery().filterName("HB: Sosiaalityö").count()).isEqualTo(1);
  }

  @Test
  void eachGroupMayDoWhatTheLeastReadTableSaysAndNothingMore() {
    new IdentitySetup(ENGINE).seed(false, "x");
    assertLeastRights();
  }

  @Test
  void whatEarlierVersionsGrantedBeyondTheTableIsTakenAwayAtTheNextStart() {
    new IdentitySetup(ENGINE).seed(false, "x");
    // the grants of earlier versions (and a few more) on the resources IdentitySetup decides
    grantExactly(Roles.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
    grantExactly(Roles.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.ALL);
    grantExactly(Roles.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
    grantExactly(Roles.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);
    grantExactly(Roles.PROCESS_OWNERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grantExactly(Roles.MANAGEMENT, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
        Permissions.READ_INSTANCE);
    grantExactly(Roles.MANAGEMENT, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grantExactly(Roles.MANAGEMENT, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grantExactly(Roles.MANAGEMENT, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grantExactly(Roles.MANAGEMENT, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grantExactly(Roles.SOCIAL_WORK, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE,
        ProcessInstancePermissions.UPDATE, ProcessInstancePermissions.UPDATE_VARIABLE);
    grantExactly(Roles.SOCIAL_WORK, Resources.PROCESS_DEFINITION, "hb-palveluprosessi",
        ProcessDefinitionPermissions.ALL);
    grantExactly(Roles.HB_RESPONSIBLE, Resources.TASK, ANY, TaskPermissions.UPDATE);
    configuration.setAuthorizationEnabled(true);
    assertThat(may(Roles.PROCESS_OWNERS, ProcessDefinitionPermissions.TASK_WORK, Resources.PROCESS_DEFINITION,
        "hb-palveluprosessi")).as("the probe: before").isTrue();
    configuration.setAuthorizationEnabled(false);

    new IdentitySetup(ENGINE).seed(false, "x");

    assertLeastRights();
  }

  @Test
  void runningItAgainChangesNothing() {
    new IdentitySetup(ENGINE).seed(false, "x");
    Map<String, Integer> before = revisions();
    new IdentitySetup(ENGINE).seed(false, "x");
    assertThat(revisions()).isEqualTo(before);
  }

  @Test
  void perTaskAuthorizationsOfEarlierVersionsAreUpgradedToTaskWorkOnce() {
    deployment = ENGINE.getRepositoryService().createDeployment()
        .addModelInstance("hb-identity-probe.bpmn", Bpmn.createExecutableProcess("hb-identity-probe")
            .camundaHistoryTimeToLive(1).startEvent().userTask("tehtava").camundaCandidateGroups(Roles.SOCIAL_WORK)
            .endEvent().done())
        .deploy().getId();
    // an open task of an earlier version: its candidate group and its assignee got READ and UPDATE
    configuration.setAuthorizationEnabled(true);
    configuration.setEnforceSpecificVariablePermission(false);
    configuration.setDefaultUserPermissionForTask(Permissions.UPDATE);
    String instance = ENGINE.getRuntimeService().startProcessInstanceByKey("hb-identity-probe").getId();
    String task = ENGINE.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    ENGINE.getTaskService().claim(task, "sami");
    configuration.setEnforceSpecificVariablePermission(true);
    configuration.setDefaultUserPermissionForTask(Permissions.TASK_WORK);
    assertThat(mayOnTask("sami", List.of(Roles.SOCIAL_WORK), TaskPermissions.UPDATE, task)).as("before").isTrue();
    // the administrators' grant on every task stays
    grantExactly("camunda-admin", Resources.TASK, ANY, Permissions.ALL);

    IdentitySetup setup = new IdentitySetup(ENGINE);
    assertThat(setup.upgradeTaskAuthorizations()).isEqualTo(2);

    for (List<String> who : List.of(List.of(Roles.SOCIAL_WORK), List.<String>of())) {
      String user = who.isEmpty() ? "sami" : "another-social-worker";
      assertThat(mayOnTask(user, who, TaskPermissions.READ, task)).isTrue();
      assertThat(mayOnTask(user, who, TaskPermissions.TASK_WORK, task)).isTrue();
      assertThat(mayOnTask(user, who, TaskPermissions.READ_VARIABLE, task)).isTrue();
      assertThat(mayOnTask(user, who, TaskPermissions.UPDATE, task)).as("%s %s", user, who).isFalse();
      assertThat(mayOnTask(user, who, TaskPermissions.UPDATE_VARIABLE, task)).isFalse();
    }
    assertThat(mayOnTask("someone", List.of("camunda-admin"), TaskPermissions.UPDATE, task)).isTrue();
    // idempotent: nothing more to upgrade, nothing rewritten
    setup.seed(false, "x");
    Map<String, Integer> before = revisions();
    assertThat(setup.upgradeTaskAuthorizations()).isZero();
    setup.seed(false, "x");
    assertThat(revisions()).isEqualTo(before);
    // the group still works its task as before
    ENGINE.getIdentityService().setAuthentication("sami", List.of(Roles.SOCIAL_WORK));
    try {
      ENGINE.getTaskService().complete(task);
    } finally {
      ENGINE.getIdentityService().clearAuthentication();
    }
    assertThat(ENGINE.getTaskService().createTaskQuery().taskId(task).count()).isZero();
  }

  // --- the table --------------------------------------------------------------------------------------------------

  private void assertLeastRights() {
    configuration.setAuthorizationEnabled(true);
    for (Roles.Role role : Roles.ALL) {
      String g = role.groupId();
      // nobody but camunda-admin changes a case's variables, or any case, outside the forms
      assertThat(may(g, ProcessInstancePermissions.UPDATE_VARIABLE, Resources.PROCESS_INSTANCE, SOME_CASE)).as(g)
          .isFalse();
      assertThat(may(g, ProcessInstancePermissions.UPDATE, Resources.PROCESS_INSTANCE, SOME_CASE)).as(g).isFalse();
      assertThat(may(g, ProcessInstancePermissions.DELETE, Resources.PROCESS_INSTANCE, SOME_CASE)).as(g).isFalse();
      assertThat(may(g, ProcessInstancePermissions.READ, Resources.PROCESS_INSTANCE, SOME_CASE)).as(g).isFalse();
      for (String process : IdentitySetup.HB_PROCESSES) {
        for (Permission p : List.of(ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
            ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE, ProcessDefinitionPermissions.UPDATE_INSTANCE,
            ProcessDefinitionPermissions.UPDATE_TASK, ProcessDefinitionPermissions.TASK_WORK,
            ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
            ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.DELETE_INSTANCE,
            ProcessDefinitionPermissions.MIGRATE_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB,
            ProcessDefinitionPermissions.UPDATE, ProcessDefinitionPermissions.DELETE)) {
          assertThat(may(g, p, Resources.PROCESS_DEFINITION, process)).as("%s %s %s", g, p, process).isFalse();
        }
      }
      for (Permission p : List.of(TaskPermissions.READ, TaskPermissions.UPDATE, TaskPermissions.UPDATE_VARIABLE,
          TaskPermissions.TASK_WORK, TaskPermissions.READ_VARIABLE)) {
        assertThat(may(g, p, Resources.TASK, "some-task")).as("%s %s: only per task", g, p).isFalse();
      }
      assertThat(may(g, Permissions.ACCESS, Resources.APPLICATION, "admin")).as(g).isFalse();
      if (role.worksTasks()) {
        // working groups: Tasklist, the HB processes' forms and diagrams, starting what they start
        assertThat(may(g, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).as(g).isTrue();
        assertThat(may(g, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).as(g).isFalse();
        for (String process : IdentitySetup.HB_PROCESSES) {
          assertThat(may(g, ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, process)).isTrue();
          assertThat(may(g, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, process))
              .as("%s starts %s", g, process).isEqualTo(role.starts().contains(process));
          assertThat(may(g, ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, process))
              .isFalse();
          assertThat(may(g, ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, process))
              .isFalse();
        }
        assertThat(may(g, ProcessInstancePermissions.CREATE, Resources.PROCESS_INSTANCE, ANY))
            .isEqualTo(role.startsCases());
        assertThat(may(g, Permissions.CREATE, Resources.DEPLOYMENT, ANY)).isFalse();
      }
    }
    // process owners: deploy, see instances and incidents (no variables), try decision tables; no task work
    String owners = Roles.PROCESS_OWNERS;
    assertThat(may(owners, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(may(owners, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isFalse();
    for (Permission p : List.of(Permissions.CREATE, Permissions.READ, Permissions.DELETE)) {
      assertThat(may(owners, p, Resources.DEPLOYMENT, "some-deployment")).as(p.getName()).isTrue();
    }
    for (Permission p : List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE)) {
      assertThat(may(owners, p, Resources.PROCESS_DEFINITION, "hb-palveluprosessi")).as(p.getName()).isTrue();
    }
    // no history: its task names carry the clients' names
    assertThat(may(owners, ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION,
        "hb-palveluprosessi")).isFalse();
    assertThat(may(owners, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "hb-palveluprosessi")).isFalse();
    assertThat(may(owners, Permissions.READ, Resources.DECISION_DEFINITION, "hb-delegointisaannot")).isTrue();
    assertThat(may(owners, Permissions.CREATE_INSTANCE, Resources.DECISION_DEFINITION, "hb-delegointisaannot"))
        .isTrue();
    assertThat(may(owners, Permissions.UPDATE, Resources.DECISION_DEFINITION, "hb-delegointisaannot")).isFalse();
    assertThat(may(owners, Permissions.READ, Resources.DECISION_REQUIREMENTS_DEFINITION, "x")).isTrue();
    assertThat(grantsOf(owners)).hasSize(5);
    // management: Cockpit (the HB dashboard) and nothing of any case
    String management = Roles.MANAGEMENT;
    assertThat(may(management, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(may(management, ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION,
        "hb-palveluprosessi")).isFalse();
    assertThat(may(management, ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION,
        "hb-palveluprosessi")).isFalse();
    assertThat(may(management, Permissions.READ, Resources.DEPLOYMENT, "some-deployment")).isFalse();
    assertThat(grantsOf(management)).extracting(Authorization::getResourceId).containsExactly("cockpit");
    // a working group: Tasklist, six process definitions, starting cases, its Tasklist filter; nothing else
    assertThat(grantsOf(Roles.SOCIAL_WORK)).hasSize(1 + IdentitySetup.HB_PROCESSES.size() + 1);
    assertThat(grantsOf(Roles.HB_RESPONSIBLE)).hasSize(1 + IdentitySetup.HB_PROCESSES.size());
    configuration.setAuthorizationEnabled(false);
  }

  /** The group's grants but the per-task ones and the Tasklist filter. */
  private List<Authorization> grantsOf(String group) {
    return authorizations.createAuthorizationQuery().groupIdIn(group).list().stream()
        .filter(a -> a.getResourceType() != Resources.TASK.resourceType()
            && a.getResourceType() != Resources.FILTER.resourceType())
        .toList();
  }

  private boolean may(String group, Permission permission, Resource resource, String resourceId) {
    return authorizations.isUserAuthorized("probe-" + group, List.of(group), permission, resource, resourceId);
  }

  private boolean mayOnTask(String user, List<String> groups, Permission permission, String task) {
    boolean enabled = configuration.isAuthorizationEnabled();
    configuration.setAuthorizationEnabled(true);
    try {
      return authorizations.isUserAuthorized(user, groups, permission, Resources.TASK, task);
    } finally {
      configuration.setAuthorizationEnabled(enabled);
    }
  }

  private void grantExactly(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).singleResult();
    if (auth == null) {
      auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      auth.setGroupId(group);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    auth.setPermissions(permissions);
    authorizations.saveAuthorization(auth);
  }

  /** Every authorization's revision, by id: unchanged when nothing was written. */
  private Map<String, Integer> revisions() {
    Map<String, Integer> revisions = new java.util.TreeMap<>();
    authorizations.createAuthorizationQuery().list()
        .forEach(a -> revisions.put(a.getId(), ((AuthorizationEntity) a).getRevision()));
    return revisions;
  }
}
