package fi.hbflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * The engine's refusal of a missing permission (its REST API answers 403 with {@code "type":
 * "AuthorizationException"} and an English message naming the user, the permissions and the resource ids) in Finnish:
 * "Sinulla ei ole oikeutta tähän toimintoon: &lt;the action&gt;." The action is named from the first permission the
 * engine lists (of the several any of which would have done); resource ids are left out, so the answer tells nothing
 * of a case beyond what the request named.
 */
public final class AuthorizationRefusals {

  static final String TYPE = "AuthorizationException";
  static final String PREFIX = "Sinulla ei ole oikeutta tähän toimintoon";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The resource in the genitive: "tehtävän" lukeminen. */
  private static final Map<String, String> RESOURCES = Map.ofEntries(
      Map.entry("Application", "sovelluksen"),
      Map.entry("User", "käyttäjän"),
      Map.entry("Group", "ryhmän"),
      Map.entry("Group membership", "ryhmän jäsenyyden"),
      Map.entry("Authorization", "käyttöoikeuksien"),
      Map.entry("Filter", "tehtävälistan suodattimen"),
      Map.entry("ProcessDefinition", "prosessimallin"),
      Map.entry("Task", "tehtävän"),
      Map.entry("ProcessInstance", "asian"),
      Map.entry("Deployment", "käyttöönoton"),
      Map.entry("DecisionDefinition", "päätöstaulun"),
      Map.entry("DecisionRequirementsDefinition", "päätöskokonaisuuden"),
      Map.entry("Tenant", "organisaation"),
      Map.entry("TenantMembership", "organisaation jäsenyyden"),
      Map.entry("Batch", "eräajon"),
      Map.entry("Report", "raportin"),
      Map.entry("Dashboard", "koontinäkymän"),
      Map.entry("HistoricTask", "tehtävän historian"),
      Map.entry("HistoricProcessInstance", "asian historian"),
      Map.entry("System", "järjestelmän"));

  /** Actions that do not depend on the resource. */
  private static final Map<String, String> ACTIONS = Map.ofEntries(
      Map.entry("UPDATE_VARIABLE", "asian tietojen muuttaminen (ne muuttuvat vain tehtävän lomakkeella)"),
      Map.entry("UPDATE_INSTANCE_VARIABLE", "asian tietojen muuttaminen (ne muuttuvat vain tehtävän lomakkeella)"),
      Map.entry("UPDATE_TASK_VARIABLE", "asian tietojen muuttaminen (ne muuttuvat vain tehtävän lomakkeella)"),
      Map.entry("READ_VARIABLE", "asian tietojen lukeminen"),
      Map.entry("READ_INSTANCE_VARIABLE", "asian tietojen lukeminen"),
      Map.entry("READ_TASK_VARIABLE", "asian tietojen lukeminen"),
      Map.entry("READ_HISTORY_VARIABLE", "asian tietojen lukeminen historiasta"),
      Map.entry("TASK_WORK", "tehtävän käsittely (ottaminen itselle, lomakkeen lähettäminen)"),
      Map.entry("TASK_ASSIGN", "tehtävän antaminen toiselle"),
      Map.entry("READ_TASK", "tehtävien lukeminen"),
      Map.entry("UPDATE_TASK", "tehtävien muuttaminen"),
      Map.entry("READ_INSTANCE", "asioiden lukeminen"),
      Map.entry("UPDATE_INSTANCE", "asioiden muuttaminen"),
      Map.entry("DELETE_INSTANCE", "asioiden poistaminen"),
      Map.entry("MIGRATE_INSTANCE", "asioiden siirtäminen toiseen malliversioon"),
      Map.entry("SUSPEND", "keskeyttäminen tai jatkaminen"),
      Map.entry("SUSPEND_INSTANCE", "asioiden keskeyttäminen tai jatkaminen"),
      Map.entry("RETRY_JOB", "epäonnistuneen työn yrittäminen uudelleen"),
      Map.entry("READ_HISTORY", "historian lukeminen"),
      Map.entry("DELETE_HISTORY", "historian poistaminen"),
      Map.entry("UPDATE_HISTORY", "historian muuttaminen"),
      Map.entry("ACCESS", "sovelluksen käyttö"));

  /** Verbs of the generic permissions, after the resource's genitive. */
  private static final Map<String, String> VERBS = Map.of(
      "READ", "lukeminen", "UPDATE", "muuttaminen", "CREATE", "luominen", "DELETE", "poistaminen");

  private AuthorizationRefusals() {
  }

  /** The Finnish message for a missing permission on a resource type (the engine's names), e.g. of a failed check. */
  public static String message(String permission, String resource) {
    String action = action(permission, resource);
    return action == null ? PREFIX + "." : PREFIX + ": " + action + ".";
  }

  /** The action in Finnish, or null when it is not known. */
  static String action(String permission, String resource) {
    if (permission == null) {
      return null;
    }
    if ("CREATE_INSTANCE".equals(permission)) {
      return "DecisionDefinition".equals(resource) ? "päätöstaulun kokeileminen" : "asian aloittaminen";
    }
    if ("CREATE".equals(permission) && "ProcessInstance".equals(resource)) {
      return "asian aloittaminen";
    }
    if (ACTIONS.containsKey(permission)) {
      return ACTIONS.get(permission);
    }
    String verb = VERBS.get(permission);
    if (verb == null) {
      return null;
    }
    return RESOURCES.getOrDefault(resource, "kohteen") + " " + verb;
  }

  /**
   * The engine REST API's 403 body in Finnish: the message, and the missing permissions without resource ids. Null
   * when the body is not the engine's authorization refusal (another 403, already Finnish, not JSON).
   */
  public static String finnish(String body) {
    JsonNode root;
    try {
      root = body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
    if (!(root instanceof ObjectNode refusal) || !TYPE.equals(refusal.path("type").asText())
        || refusal.path("message").asText().startsWith(PREFIX)) {
      return null;
    }
    String permission = null;
    String resource = null;
    JsonNode missing = refusal.path("missingAuthorizations");
    if (missing.isArray() && !missing.isEmpty()) {
      permission = missing.get(0).path("permissionName").asText(null);
      resource = missing.get(0).path("resourceName").asText(null);
      for (JsonNode m : missing) {
        if (m instanceof ObjectNode each) {
          each.remove("resourceId");
        }
      }
    } else if (refusal.hasNonNull("permissionName")) {
      permission = refusal.get("permissionName").asText();
      resource = refusal.path("resourceName").asText(null);
    }
    String original = refusal.path("message").asText();
    String message = permission == null && original.contains("camunda-admin")
        ? PREFIX + ": vain pääkäyttäjä voi tehdä sen."
        : permission == null && original.contains("vain pääkäyttäjä") ? original // HB Flow's own Finnish refusal
        : message(permission, resource);
    refusal.put("message", message);
    refusal.remove("resourceId");
    if (missing instanceof ArrayNode) {
      refusal.set("missingAuthorizations", missing);
    }
    return refusal.toString();
  }
}
