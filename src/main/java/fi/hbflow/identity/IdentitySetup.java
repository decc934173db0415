package fi.hbflow.identity;

import fi.hbflow.identity.Roles.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds, idempotently, the HB groups, what each may do (authorizations: exactly the least-read table of
 * {@link #leastRights}, removing what earlier versions granted beyond it), one shared Tasklist filter per working
 * group, and — in the demo profile only — one demo user per group; and upgrades the per-task authorizations that
 * earlier versions made. It runs at every start, on existing databases too. Running it twice changes nothing.
 */
public class IdentitySetup {

  /** Processes whose tasks or start forms workers see (READ on the definition: forms and diagrams in Tasklist). */
  static final List<String> HB_PROCESSES = List.of("hb-palveluprosessi", "hb-tuen-valinta", "hb-maaraikavalvonta",
      "hb-budjetin-kaytto", "hb-kehittamistapahtuma", "hb-koulutus", Roles.CASE_CHANGE_PROCESS);

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);
  private static final String ANY = Authorization.ANY;

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
    upgradeTaskAuthorizations();
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
    transitionWorklist(priority);
  }

  /** The Tasklist filter of the transition worklist (675/2023 42 § 3 mom): leading social workers, by due date. */
  static final String TRANSITION_FILTER = "HB: Siirtymäajan päätökset (675/2023 42 § 3 mom)";

  private void transitionWorklist(int priority) {
    Filter filter = filters.createFilterQuery().filterName(TRANSITION_FILTER).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(TRANSITION_FILTER)
          .setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup(Roles.LEADING_SOCIAL_WORKERS)
              .includeAssignedTasks().taskDefinitionKey("Task_Siirtymaaika").orderByDueDate().asc())
          .setProperties(Map.of("description", "Kumotun lain (380/1987, 519/1977) päätökset, jotka on tehtävä "
              + "uudelleen 675/2023:n mukaan ennen 1.1.2028; eräpäivä = hyvinvointialueen tavoite", "priority", priority,
              "refresh", true));
      filters.saveFilter(filter);
    }
    grant(Roles.LEADING_SOCIAL_WORKERS, Resources.FILTER, filter.getId(), Permissions.READ);
  }

  private void group(Role role) {
    if (identity.createGroupQuery().groupId(role.groupId()).count() == 0) {
      Group group = identity.newGroup(role.groupId());
      group.setName(role.name());
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  /** A resource (type and id) whose permissions this class decides for every HB group. */
  record Target(Resource resource, String resourceId) {
  }

  /**
   * Every resource whose permissions this class decides for the HB groups: what some group is granted now, and what
   * earlier versions granted (a process owner's ALL on every process, management's READ on every case, ...). Each HB
   * group has exactly the permissions of {@link #leastRights} on these, and none where that names nothing.
   */
  static final List<Target> MANAGED = managed();

  private static List<Target> managed() {
    List<Target> targets = new ArrayList<>();
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome", ANY)) {
      targets.add(new Target(Resources.APPLICATION, app));
    }
    HB_PROCESSES.forEach(p -> targets.add(new Target(Resources.PROCESS_DEFINITION, p)));
    for (Resource any : List.of(Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE, Resources.TASK,
        Resources.HISTORIC_TASK, Resources.HISTORIC_PROCESS_INSTANCE, Resources.DECISION_DEFINITION,
        Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.DEPLOYMENT)) {
      targets.add(new Target(any, ANY));
    }
    return List.copyOf(targets);
  }

  /**
   * The least-read table (README, "Roolit: kuka lukee ja kirjoittaa mitä"): what the group may do on each managed
   * resource; a resource not named here, nothing.
   * <ul>
   *   <li>Working groups: Tasklist, the HB processes' definitions (forms, diagrams), starting the processes they
   *   start. Their tasks they read and work through the per-task authorization the engine gives a task's candidate
   *   group (READ, TASK_WORK, READ_VARIABLE: see EngineSettings), nothing else of any case: no UPDATE, no variable
   *   writes outside the form, no other group's tasks.</li>
   *   <li>Process owners: deploy models (Camunda Modeler), see instances and incidents in Cockpit (READ_INSTANCE on
   *   the definitions, without READ_INSTANCE_VARIABLE; no history, whose task names carry clients' names), try
   *   decision tables. They neither work tasks nor change cases.</li>
   *   <li>Management: Cockpit only, for the HB dashboard (its aggregate SQL runs without the caller's rights).</li>
   * </ul>
   * Variable writes (UPDATE_VARIABLE, UPDATE on instances and tasks) remain only with {@code camunda-admin}.
   */
  static Map<Target, Permission[]> leastRights(Role role) {
    Map<Target, Permission[]> table = new LinkedHashMap<>();
    String g = role.groupId();
    if (role.worksTasks()) {
      table.put(new Target(Resources.APPLICATION, "tasklist"), new Permission[] {Permissions.ACCESS});
      for (String process : HB_PROCESSES) {
        table.put(new Target(Resources.PROCESS_DEFINITION, process), role.starts().contains(process)
            ? new Permission[] {ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE}
            : new Permission[] {ProcessDefinitionPermissions.READ});
      }
      if (role.startsCases()) {
        table.put(new Target(Resources.PROCESS_INSTANCE, ANY), new Permission[] {ProcessInstancePermissions.CREATE});
      }
    }
    if (Roles.MANAGEMENT.equals(g) || Roles.PROCESS_OWNERS.equals(g)) {
      table.put(new Target(Resources.APPLICATION, "cockpit"), new Permission[] {Permissions.ACCESS});
    }
    if (Roles.PROCESS_OWNERS.equals(g)) {
      // process owners deploy the BPMN, DMN and forms they edit in Camunda Modeler
      table.put(new Target(Resources.DEPLOYMENT, ANY),
          new Permission[] {Permissions.CREATE, Permissions.READ, Permissions.DELETE});
      // no READ_HISTORY: the history's task names carry the client's name (Tasklist lists names, not variables)
      table.put(new Target(Resources.PROCESS_DEFINITION, ANY), new Permission[] {ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE});
      table.put(new Target(Resources.DECISION_DEFINITION, ANY),
          new Permission[] {Permissions.READ, Permissions.CREATE_INSTANCE});
      table.put(new Target(Resources.DECISION_REQUIREMENTS_DEFINITION, ANY), new Permission[] {Permissions.READ});
    }
    return table;
  }

  private void grantWhatRoleNeeds(Role role) {
    Map<Target, Permission[]> table = leastRights(role);
    for (Target target : MANAGED) {
      grantExactly(role.groupId(), target, table.getOrDefault(target, new Permission[0]));
    }
  }

  /** The group's grant on the target becomes exactly these permissions (none: the grant is removed). */
  private void grantExactly(String groupId, Target target, Permission[] permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(target.resource()).resourceId(target.resourceId()).singleResult();
    if (permissions.length == 0) {
      if (existing != null) {
        LOG.info("Group {}: removed its permissions on {} {} (least rights)", groupId,
            target.resource().resourceName(), target.resourceId());
        authorizations.deleteAuthorization(existing.getId());
      }
      return;
    }
    if (existing != null && hasExactly(existing, target.resource(), permissions)) {
      return;
    }
    Authorization auth = existing != null ? existing : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    if (existing == null) {
      auth.setGroupId(groupId);
      auth.setResource(target.resource());
      auth.setResourceId(target.resourceId());
    } else {
      LOG.info("Group {}: permissions on {} {} set to {} (least rights)", groupId, target.resource().resourceName(),
          target.resourceId(), Arrays.stream(permissions).map(Permission::getName).toList());
    }
    auth.setPermissions(permissions);
    authorizations.saveAuthorization(auth);
  }

  /** Every permission constant of the engine, to compare a grant with the table whatever its resource. */
  private static final List<Permission> KNOWN = Stream.of(Permissions.values(), ProcessDefinitionPermissions.values(),
          ProcessInstancePermissions.values(), TaskPermissions.values(), HistoricTaskPermissions.values(),
          HistoricProcessInstancePermissions.values())
      .flatMap(Arrays::stream).map(Permission.class::cast)
      .filter(p -> p.getValue() != 0 && p.getValue() != Integer.MAX_VALUE).toList();

  /** Whether the grant has these permissions on its resource and no other. */
  static boolean hasExactly(Authorization auth, Resource resource, Permission[] permissions) {
    int wanted = 0;
    for (Permission p : permissions) {
      wanted |= p.getValue();
    }
    if (auth.isEveryPermissionGranted()) {
      return wanted == Integer.MAX_VALUE;
    }
    for (Permission p : KNOWN) {
      if (Arrays.stream(p.getTypes()).anyMatch(t -> t.resourceType() == resource.resourceType())
          && auth.isPermissionGranted(p) != ((wanted & p.getValue()) == p.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The per-task authorizations that earlier versions had the engine make (READ and UPDATE for a task's candidate
   * group or assignee: UPDATE let a worker change any variable of the case) become what the engine now makes: READ,
   * TASK_WORK and READ_VARIABLE. Only open tasks have them (the engine deletes them with the task). Idempotent; a
   * grant on every task ({@code *}, the administrators') is left alone.
   *
   * @return how many were upgraded
   */
  int upgradeTaskAuthorizations() {
    int upgraded = 0;
    for (Authorization auth : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .hasPermission(TaskPermissions.UPDATE).list()) {
      if (auth.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT || ANY.equals(auth.getResourceId())
          || auth.isEveryPermissionGranted()) {
        continue;
      }
      auth.removePermission(TaskPermissions.UPDATE);
      auth.addPermission(TaskPermissions.READ);
      auth.addPermission(TaskPermissions.TASK_WORK);
      auth.addPermission(TaskPermissions.READ_VARIABLE);
      try {
        authorizations.saveAuthorization(auth);
        upgraded++;
      } catch (OptimisticLockingException | NotFoundException another) {
        // another node upgraded it, or the task was completed meanwhile (its authorizations went with it)
      }
    }
    if (upgraded > 0) {
      LOG.info("{} per-task authorizations of open tasks upgraded from UPDATE to READ, TASK_WORK, READ_VARIABLE",
          upgraded);
    }
    return upgraded;
  }

  /** Adds the permissions to the group's grant on the resource (the Tasklist filters). */
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
