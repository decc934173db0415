package fi.hbflow.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A national caseload worked by each wellbeing services county's own teams ({@code --areas=N} of
 * {@link ScaleBenchmark}): what an administrator and a process owner do for it, through the engine's API. For each area
 * (a county, named after its largest town) and each of the two big working groups ({@code sosiaalityo},
 * {@code palveluohjaus}): a group {@code sosiaalityo-oulu} with the authorizations of the group it stands for, a demo
 * user {@code sosiaalityontekija-oulu}, and a Tasklist filter on it; and one new version of the routing table
 * {@code hb-tehtavien-reititys} with, before every row that routes to those groups, one row per area that sends the
 * area's clients (column Kotikunta) to the area's group. The seeds' municipality is then their area's town, so the
 * engine itself routes their tasks, and the copies keep the group of their seed.
 */
final class ScaleAreas {

  /** One town per wellbeing services county (the largest municipality), in the order areas are numbered. */
  static final List<String> TOWNS = List.of("Helsinki", "Espoo", "Vantaa", "Porvoo", "Hyvinkää", "Turku", "Pori",
      "Hämeenlinna", "Tampere", "Lahti", "Kouvola", "Lappeenranta", "Mikkeli", "Kuopio", "Joensuu", "Jyväskylä",
      "Seinäjoki", "Vaasa", "Kokkola", "Oulu", "Kajaani", "Rovaniemi");

  /** The groups split by area, their demo user's name and their Tasklist filter's name. */
  static final Map<String, String[]> SPLIT = Map.of(
      "sosiaalityo", new String[] {"sosiaalityontekija", "Sosiaalityö"},
      "palveluohjaus", new String[] {"palveluohjaaja", "Palveluohjaus"});

  private final int count;

  ScaleAreas(int count) {
    if (count < 0 || count > TOWNS.size()) {
      throw new IllegalArgumentException("--areas: 0.." + TOWNS.size());
    }
    this.count = count;
  }

  boolean on() {
    return count > 0;
  }

  /**
   * The municipality of seed {@code i}: its area's town. Seeds stop at stage {@code i % stages}; the area moves on by
   * one more each round of stages, so that every area gets cases at many stages, not always the same one.
   */
  String municipality(int i) {
    return TOWNS.get((i + i / ScaleSeeder.STEPS.size()) % count);
  }

  /** The area group of each split group with the most open tasks: the longest task lists of the data. */
  static List<String> largestGroups(java.sql.Connection db) throws java.sql.SQLException {
    List<String> largest = new ArrayList<>();
    for (String split : SPLIT.keySet().stream().sorted(java.util.Comparator.reverseOrder()).toList()) {
      try (java.sql.Statement s = db.createStatement(); java.sql.ResultSet r = s.executeQuery("SELECT group_id_ "
          + "FROM act_ru_identitylink WHERE type_ = 'candidate' AND group_id_ LIKE '" + split + "-%' "
          + "GROUP BY group_id_ ORDER BY count(*) DESC LIMIT 1")) {
        if (r.next()) {
          largest.add(r.getString(1));
        }
      }
    }
    return largest;
  }

  static String slug(String town) {
    return town.toLowerCase(Locale.ROOT).replace('ä', 'a').replace('ö', 'o');
  }

  /** The area groups, first area first: {@code sosiaalityo-helsinki, palveluohjaus-helsinki, …}. */
  List<String> groups() {
    List<String> groups = new ArrayList<>();
    for (String town : TOWNS.subList(0, count)) {
      for (String group : List.of("sosiaalityo", "palveluohjaus")) {
        groups.add(group + "-" + slug(town));
      }
    }
    return groups;
  }

  /** The demo user of a group: an area group's own, or the role's ({@link ScaleSeeder#USER_OF_GROUP}). */
  static String userOf(String group) {
    for (Map.Entry<String, String[]> split : SPLIT.entrySet()) {
      if (group != null && group.startsWith(split.getKey() + "-")) {
        return split.getValue()[0] + group.substring(split.getKey().length());
      }
    }
    return ScaleSeeder.USER_OF_GROUP.get(group);
  }

  /** The name of a group's Tasklist filter. */
  static String filterOf(String group, Map<String, String> roleNames) {
    for (Map.Entry<String, String[]> split : SPLIT.entrySet()) {
      if (group.startsWith(split.getKey() + "-")) {
        String slug = group.substring(split.getKey().length() + 1);
        String town = TOWNS.stream().filter(t -> slug(t).equals(slug)).findFirst().orElse(slug);
        return "HB: " + split.getValue()[1] + " (" + town + ")";
      }
    }
    return "HB: " + roleNames.get(group);
  }

  /** Groups, users, authorizations and filters of the areas, and the routing table with their rows. */
  void setUp(ProcessEngine engine, String password) throws Exception {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    FilterService filters = engine.getFilterService();
    for (String town : TOWNS.subList(0, count)) {
      for (Map.Entry<String, String[]> split : SPLIT.entrySet()) {
        String role = split.getKey();
        String groupId = role + "-" + slug(town);
        Group group = identity.newGroup(groupId);
        group.setName(split.getValue()[1] + " (" + town + ")");
        group.setType("WORKFLOW");
        identity.saveGroup(group);
        // what the administrator grants in Admin: the same as the group it stands for (not its tasks or filters)
        for (Authorization a : authorizations.createAuthorizationQuery().groupIdIn(role).list()) {
          if (a.getResourceType() == Resources.TASK.resourceType()
              || a.getResourceType() == Resources.FILTER.resourceType()) {
            continue;
          }
          Authorization copy = authorizations.createNewAuthorization(a.getAuthorizationType());
          copy.setGroupId(groupId);
          copy.setResourceType(a.getResourceType());
          copy.setResourceId(a.getResourceId());
          copy.setPermissions(a.getPermissions(Permissions.values()));
          authorizations.saveAuthorization(copy);
        }
        User user = identity.newUser(userOf(groupId));
        user.setFirstName(split.getValue()[1]);
        user.setLastName(town);
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(user.getId(), groupId);
        Filter roleFilter = filters.createFilterQuery().filterName("HB: " + split.getValue()[1]).singleResult();
        Filter filter = filters.newTaskFilter(filterOf(groupId, Map.of()))
            .setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks())
            .setProperties(roleFilter.getProperties());
        filters.saveFilter(filter);
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(groupId);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
      }
    }
    engine.getRepositoryService().createDeployment().name("hb-tehtavien-reititys: " + count + " aluetta")
        .addString("hb-tehtavien-reititys.dmn", routingTable()).deploy();
  }

  /** The shipped routing table with, before each row routing to a split group, one row per area. */
  String routingTable() throws Exception {
    Document dmn;
    try (InputStream in = ScaleAreas.class.getClassLoader().getResourceAsStream("processes/hb-tehtavien-reititys.dmn")) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      dmn = factory.newDocumentBuilder().parse(in);
    }
    NodeList rules = dmn.getElementsByTagNameNS("*", "rule");
    List<Element> originals = new ArrayList<>();
    for (int i = 0; i < rules.getLength(); i++) {
      originals.add((Element) rules.item(i));
    }
    int added = 0;
    for (Element rule : originals) {
      List<Element> inputs = children(rule, "inputEntry");
      List<Element> outputs = children(rule, "outputEntry");
      String task = text(inputs.get(0));
      String groups = text(outputs.get(0));
      if (task.isEmpty() || SPLIT.keySet().stream().noneMatch(g -> groups.matches(".*\\b" + g + "\\b.*"))) {
        continue;
      }
      for (String town : TOWNS.subList(0, count)) {
        Element copy = (Element) rule.cloneNode(true);
        String suffix = "_" + slug(town);
        copy.setAttribute("id", rule.getAttribute("id") + suffix);
        for (Element entry : children(copy, "inputEntry")) {
          entry.setAttribute("id", entry.getAttribute("id") + suffix);
        }
        for (Element entry : children(copy, "outputEntry")) {
          entry.setAttribute("id", entry.getAttribute("id") + suffix);
        }
        setText(children(copy, "inputEntry").get(1), "\"" + town + "\"");
        String areaGroups = groups;
        for (String g : SPLIT.keySet()) {
          areaGroups = areaGroups.replaceAll("\\b" + g + "\\b(?!-)", g + "-" + slug(town));
        }
        setText(children(copy, "outputEntry").get(0), areaGroups);
        rule.getParentNode().insertBefore(copy, rule);
        added++;
      }
    }
    if (added == 0) {
      throw new IllegalStateException("the routing table has no row routing to " + SPLIT.keySet());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TransformerFactory.newInstance().newTransformer().transform(new DOMSource(dmn), new StreamResult(out));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

  private static String text(Element entry) {
    return children(entry, "text").get(0).getTextContent().trim();
  }

  private static void setText(Element entry, String value) {
    children(entry, "text").get(0).setTextContent(value);
  }
}
