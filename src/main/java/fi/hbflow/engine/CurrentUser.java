package fi.hbflow.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The user the engine's identity service has for this thread (REST, Tasklist, Cockpit and HB's own routes set it from
 * the login), without the engine's internal {@code Authentication} type reaching the rest of the application.
 *
 * @param id the user id (käyttäjätunnus), never null
 * @param groups the user's group ids, never null
 */
public record CurrentUser(String id, List<String> groups) {

  /** The logged-in user, or empty when nobody (or an authentication without a user id) is set. */
  public static Optional<CurrentUser> of(IdentityService identity) {
    Authentication current = identity.getCurrentAuthentication();
    if (current == null || current.getUserId() == null) {
      return Optional.empty();
    }
    List<String> groups = current.getGroupIds() == null ? List.of() : List.copyOf(current.getGroupIds());
    return Optional.of(new CurrentUser(current.getUserId(), groups));
  }

  /** The groups of the current authentication (also of one without a user id), or an empty list. */
  public static List<String> groupsOrEmpty(IdentityService identity) {
    Authentication current = identity.getCurrentAuthentication();
    return current == null || current.getGroupIds() == null ? List.of() : List.copyOf(current.getGroupIds());
  }

  /** The logged-in user's id, or null. */
  public static String idOrNull(IdentityService identity) {
    Authentication current = identity.getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }
}
