package fi.hbflow.engine;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/** Working a task in one engine transaction, as the calling user (their authorizations apply to every step). */
public final class TaskWork {

  private TaskWork() {
  }

  /**
   * Claims the task for the user when nobody has it, and submits its form, in one transaction: a refused form (or a
   * missing permission, or a conflict) leaves the task as it was — not claimed by a request that recorded nothing.
   *
   * @return the process instance's variables after the submission
   */
  public static VariableMap claimAndSubmit(ProcessEngine engine, String taskId, String userId,
                                           Map<String, Object> form) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
      TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
      if (task != null && task.getAssignee() == null) {
        new ClaimTaskCmd(taskId, userId).execute(commandContext);
      }
      return new SubmitTaskFormCmd(taskId, form, true, true).execute(commandContext);
    });
  }
}
