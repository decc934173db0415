package fi.hbflow.forms;

import java.util.List;
import fi.hbflow.engine.FormRefusals;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Refuses a submitted form. The engine's form-validation exception is the one its REST API answers with HTTP 400 and
 * the message (task complete, task submit-form, start submit-form) and Tasklist shows to the worker; the transaction
 * rolls back, so the task or start form stays exactly where it was.
 */
public final class FormRejected {

  /** The start of every refusal's message. */
  public static final String PREFIX = "Lomaketta ei voitu tallentaa: ";

  private FormRejected() {
  }

  public static ProcessEngineException because(String activityId, List<String> problems) {
    return FormRefusals.refusal(activityId, PREFIX + String.join(" ", problems));
  }
}
