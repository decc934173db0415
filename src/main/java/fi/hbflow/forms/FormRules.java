package fi.hbflow.forms;

/**
 * The server-side checks of one form: the same rules the form states in the browser, and those only the server can
 * know (a plan within its budget). One implementation per user task; plain code, unit-tested without an engine.
 */
public interface FormRules {

  /** The BPMN id of the user task (or start event) whose form this checks. */
  String activityId();

  /** Reads {@code form}, recording problems and derived values in it. */
  void check(FormValues form);
}
