package fi.hbflow.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/** Whether a process instance runs, as the current engine command sees it. */
public final class RunningInstances {

  private RunningInstances() {
  }

  /**
   * Whether the instance runs. Looked up in the command's own entities first: when a case opens a ledger, the case's
   * latest state is not yet in the database. Outside a command, the runtime is queried.
   */
  public static boolean running(ProcessEngine engine, String processInstanceId) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext != null) {
      ExecutionEntity execution = commandContext.getExecutionManager().findExecutionById(processInstanceId);
      return execution != null && !execution.isEnded();
    }
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
  }
}
