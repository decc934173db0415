package fi.hbflow.accesslog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One row of the read-access log (lukuloki, Asiakastietolaki 703/2023 10 §): who read which case's data, what, for
 * what purpose and when.
 *
 * @param at                when
 * @param userId            the user's identifier (the engine user id)
 * @param userName          the user's name when they were read ("Sanna Sosiaalityöntekijä"), or null if unknown
 * @param processInstanceId the process instance whose data was read (a called process: its own id), or null
 * @param businessKey       the case ({@code HB-2026-000123}; a called or child process: the key it carries)
 * @param kind              what kind of access, in Finnish (see {@link ReadKind})
 * @param variableNames     the names of the variables read (the values are not logged)
 * @param purpose           käyttötarkoitus, the purpose of use (see {@link Purposes})
 * @param userGroups        the reader's groups when they read (their role in the client's extract); empty if unknown
 * @param recipient         a disclosure's recipient (luovutuksen saaja), null for a use
 * @param legalBasis        a disclosure's provision (luovutuksen perusteena oleva säännös), null for a use
 */
public record ReadAccess(Instant at, String userId, String userName, String processInstanceId, String businessKey,
                         String kind, List<String> variableNames, String purpose, List<String> userGroups,
                         String recipient, String legalBasis) {

  public ReadAccess {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(purpose, "purpose");
    variableNames = variableNames == null ? List.of() : List.copyOf(variableNames);
    userGroups = userGroups == null ? List.of() : List.copyOf(userGroups);
  }

  /** A use (not a disclosure) whose reader's groups are not known. */
  public ReadAccess(Instant at, String userId, String userName, String processInstanceId, String businessKey,
                    String kind, List<String> variableNames, String purpose) {
    this(at, userId, userName, processInstanceId, businessKey, kind, variableNames, purpose, List.of(), null, null);
  }

  /** A disclosure (luovutus): it has a recipient (10 § 3 mom). */
  public boolean disclosure() {
    return recipient != null && !recipient.isBlank();
  }

  /** A user's name for the log ("Sanna Sosiaalityöntekijä"), or null when they have none. */
  public static String nameOf(String firstName, String lastName) {
    String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    return name.isEmpty() ? null : name;
  }

  /** What was read, for people: "tehtävän lomake: asiakasNimi, henkilotunnus". */
  public String what() {
    return variableNames.isEmpty() ? kind : kind + ": " + String.join(", ", variableNames);
  }
}
