package fi.hbflow.engine;

import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Whether a task has been completed (it is finished in the history), asked outside the caller's authorizations: the
 * caller's permission on the task went with it, and the question is only whether the work was done.
 */
public final class CompletedTasks implements Predicate<String> {

  private final ProcessEngine engine;

  public CompletedTasks(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public boolean test(String taskId) {
    return EngineContext.withoutCallerAuthorization(engine.getIdentityService(), () ->
        engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0);
  }
}
