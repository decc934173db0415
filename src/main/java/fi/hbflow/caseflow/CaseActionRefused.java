package fi.hbflow.caseflow;

/**
 * A worker action on a case refused by {@link CaseActions}, with the Finnish message the worker reads. Nothing was
 * stored. The REST routes answer it with the status of its kind; the Tasklist start form shows it as a refused form.
 */
public class CaseActionRefused extends RuntimeException {

  /** Why: the REST routes answer 401, 403, 400, 404 and 409 in this order. */
  public enum Kind { NOT_LOGGED_IN, NOT_ALLOWED, BAD_VALUE, UNKNOWN_CASE, CONFLICT }

  private final Kind kind;

  public CaseActionRefused(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
