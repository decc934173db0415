package fi.hbflow.engine;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * A message to one HB case sent by HB Flow's own server code (a worker action the server has authorised and checked
 * itself): the values are stored and the message correlated in one transaction, so a refused or failed correlation
 * stores nothing. Runs without the caller's engine authorizations (workers hold no UPDATE on cases); being inside an
 * engine command, it is server code for the form contract, not a submission.
 */
public final class CaseMessages {

  private CaseMessages() {
  }

  /** Sets {@code values} on the process instance and correlates {@code message} to it, in one transaction. */
  public static void correlate(ProcessEngine engine, String processInstanceId, String message, Map<String, Object> values) {
    EngineContext.asServer(engine, () -> {
      engine.getRuntimeService().setVariables(processInstanceId, values);
      engine.getRuntimeService().createMessageCorrelation(message).processInstanceId(processInstanceId).correlate();
      return null;
    });
  }
}
