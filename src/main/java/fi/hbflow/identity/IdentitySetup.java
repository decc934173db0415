package fi.hbflow.identity;

import fi.hbflow.identity.Roles.Role;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * Seeds, idempotently, the HB groups, what each may do (authorizations), one shared Tasklist filter per working group,
 * and — in the demo profile only — one demo user per group. Running it twice changes nothing.
 */
public class IdentitySetup {

  /** Processes whose tasks workers see (READ on the definition: forms and diagrams in Tasklist). */
  static final List<String> HB_PROCESSES = List.of("hb-palveluprosessi", "hb-tuen-valinta", "hb-maaraikavalvonta",
      "hb-budjetin-kaytto", "hb-kehittamistapahtuma", "hb-koulutus");

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final ProcessEngine engine;

  public IdentitySetup(ProcessEngine engine) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.authorizations = engine.getAuthorizationService();
    this.filters = engine.getFilterService();
  }

  public void seed(boolean demoUsers, String demoPassword) {
    int priority = 0;
    for (Role role : Roles.ALL) {
      group(role);
      grantWhatRoleNeeds(role);
      if (role.worksTasks()) {
        taskFilter(role, priority++);
      }
      if (demoUsers) {
        demoUser(role, demoPassword);
      }
    }
  }

  private void group(Role role) {
    if (identity.createGroupQuery().groupId(role.groupId()).count() == 0) {
      Group group = identity.newGroup(role.groupId());
      group.setName(role.name());
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void grantWhatRoleNeeds(Role role) {
    String g = role.groupId();
    if (role.worksTasks()) {
      grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      for (String process : HB_PROCESSES) {
        grant(g, Resources.PROCESS_DEFINITION, process, role.starts().contains(process)
            ? new Permission[] {Permissions.READ, Permissions.CREATE_INSTANCE} : new Permission[] {Permissions.READ});
      }
      if (role.startsCases()) {
        grant(g, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      }
    }
    if (Roles.MANAGEMENT.equals(g) || Roles.PROCESS_OWNERS.equals(g)) {
      grant(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(g, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY, Permissions.READ_INSTANCE);
      grant(g, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
      grant(g, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
      grant(g, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
      grant(g, Resources.DEPLOYMENT, "*", Permissions.READ);
    }
    if (Roles.PROCESS_OWNERS.equals(g)) {
      // process owners deploy the BPMN, DMN and forms they edit in Camunda Modeler
      grant(g, Resources.DEPLOYMENT, "*", Permissions.ALL);
      grant(g, Resources.PROCESS_DEFINITION, "*", Permissions.ALL);
      grant(g, Resources.DECISION_DEFINITION, "*", Permissions.ALL);
      grant(g, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.ALL);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    Authorization auth = existing != null ? existing : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    if (existing == null) {
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission p : permissions) {
      if (!auth.isPermissionGranted(p)) {
        auth.addPermission(p);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(auth);
    }
  }

  private void taskFilter(Role role, int priority) {
    String name = "HB: " + role.name();
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name)
          .setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup(role.groupId()).includeAssignedTasks())
          .setProperties(filterProperties(role, priority));
      filters.saveFilter(filter);
    } else if (filter.getProperties() != null && filter.getProperties().containsKey("variables")) {
      // filters of earlier versions listed case variables that workers may not read (so Tasklist showed nothing)
      // and that cost Tasklist a variable query on every refresh: the task's name carries the client and the case
      filters.saveFilter(filter.setProperties(filterProperties(role, ((Number) filter.getProperties()
          .getOrDefault("priority", priority)).intValue())));
    }
    grant(role.groupId(), Resources.FILTER, filter.getId(), Permissions.READ);
  }

  /**
   * No variable columns: a worker's group has READ on its tasks, not on the cases (process instances), so Tasklist
   * could show no case variable in the list; the task's name is "step – client (case key)" (see TaskRoutingListener).
   */
  private static Map<String, Object> filterProperties(Role role, int priority) {
    return Map.of(
        "description", "Ryhmän " + role.name() + " HB-tehtävät (myös otetut)",
        "priority", priority,
        "refresh", true);
  }

  private void demoUser(Role role, String password) {
    if (identity.createUserQuery().userId(role.demoUser()).count() == 0) {
      User user = identity.newUser(role.demoUser());
      String[] names = role.demoUserName().split(" ", 2);
      user.setFirstName(names[0]);
      user.setLastName(names.length > 1 ? names[1] : "");
      user.setPassword(password);
      user.setEmail(role.demoUser() + "@hbflow.invalid");
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(role.demoUser()).memberOfGroup(role.groupId()).count() == 0) {
      identity.createMembership(role.demoUser(), role.groupId());
    }
  }
}
