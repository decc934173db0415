package fi.hbflow.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The engine's form-validation exception, which its REST API answers with HTTP 400 and the message (task complete,
 * task submit-form, start submit-form) and Tasklist shows to the worker (hylätty lomake). The domain code builds and
 * recognises refusals only through here ({@code fi.hbflow.forms.FormRejected}).
 */
public final class FormRefusals {

  private FormRefusals() {
  }

  /** A refusal of the form of {@code activityId} with the given message. */
  public static ProcessEngineException refusal(String activityId, String message) {
    return new FormFieldValidationException(activityId, message);
  }

  /** Whether the exception is a form refusal (and so an HTTP 400 with its message). */
  public static boolean isRefusal(Throwable e) {
    return e instanceof FormFieldValidationException;
  }
}
