package fi.hbflow.forms;

import java.util.function.Consumer;

/**
 * The server-side checks of one form: the same rules the form states in the browser, and those only the server can
 * know (a plan within its budget). One implementation per user task; plain code, unit-tested without an engine.
 */
public interface FormRules {

  /** The BPMN id of the user task (or start event) whose form this checks. */
  String activityId();

  /** Reads {@code form}, recording problems and derived values in it. */
  void check(FormValues form);

  /** The rules of one task written as a method: {@code FormRules.of("Task_Paatos", StepRules::decision)}. */
  static FormRules of(String activityId, Consumer<FormValues> check) {
    return new FormRules() {
      @Override
      public String activityId() {
        return activityId;
      }

      @Override
      public void check(FormValues form) {
        check.accept(form);
      }
    };
  }
}
