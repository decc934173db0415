package fi.hbflow.engine;

import fi.hbflow.accesslog.CaseReads;
import fi.hbflow.accesslog.ReadKind;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.HistoricDecisionInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableTypedCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultWithVariables;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * The engine commands and queries that return a case's variable values, and what each read: the services' variable
 * getters of a task or an execution, a task's form variables (Tasklist), the form data of a generated form, a task
 * completed or submitted with its variables in return, the runtime and historic variable queries, the history of
 * variable changes and submitted form fields, decision instances with their inputs and outputs, and a message
 * correlation with variables in its result. Whatever else a command returns holds no variable value.
 *
 * <p>Not recognised, so not logged: starting a process instance (the engine always builds the instance with its
 * variables and cannot tell whether the caller asked for them back); the start form's variables (a definition's
 * defaults, no case); task lists and queries of tasks or process instances (no variable values; a task's name is
 * "step – client (case)"); comments and attachments; external tasks (HB Flow has none); CMMN (not used).
 *
 * <p>Commands keep their task or execution id in protected fields, read here by reflection: {@link #verify()} checks
 * at engine start that they are there (another engine version fails the start, not a read).
 */
final class ReadCommands {

  /** The fields read by reflection, by command class. */
  static final Map<Class<?>, List<String>> FIELDS = Map.of(
      GetTaskVariablesCmd.class, List.of("taskId"),
      GetTaskVariableCmd.class, List.of("taskId", "variableName"),
      GetTaskVariableCmdTyped.class, List.of("taskId", "variableName"),
      GetTaskFormCmd.class, List.of("taskId"),
      CompleteTaskCmd.class, List.of("taskId", "returnVariables"),
      SubmitTaskFormCmd.class, List.of("taskId", "returnVariables"),
      GetExecutionVariablesCmd.class, List.of("executionId"),
      GetExecutionVariableCmd.class, List.of("executionId", "variableName"),
      GetExecutionVariableTypedCmd.class, List.of("executionId", "variableName"),
      AbstractCorrelateMessageCmd.class, List.of("variablesInResultEnabled"));

  private static final Map<String, Field> FIELD_CACHE = new ConcurrentHashMap<>();

  private ReadCommands() {
  }

  /** Throws when a field this class reads is missing (an engine other than the one it was written for). */
  static void verify() {
    FIELDS.forEach((type, names) -> names.forEach(name -> field(type, name)));
  }

  /** What the command reads, or null if it returns no variable value. */
  static Read recognise(Command<?> command) {
    if (command instanceof FormContractPlugin.Checked<?> checked) {
      command = checked.command(); // a submission the form contract checks first
    }
    if (command instanceof GetTaskFormVariablesCmd form) {
      return new TaskRead(ReadKind.TASK_FORM, form.resourceId, null);
    }
    if (command instanceof GetTaskVariablesCmd) {
      return new TaskRead(ReadKind.TASK_VARIABLES, (String) value(command, "taskId"), null);
    }
    if (command instanceof GetTaskVariableCmd || command instanceof GetTaskVariableCmdTyped) {
      return new TaskRead(ReadKind.TASK_VARIABLES, (String) value(command, "taskId"),
          (String) value(command, "variableName"));
    }
    if (command instanceof GetTaskFormCmd) {
      return new TaskRead(ReadKind.TASK_FORM, (String) value(command, "taskId"), null);
    }
    if ((command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)
        && Boolean.TRUE.equals(value(command, "returnVariables"))) {
      return new TaskRead(ReadKind.RETURNED_ON_COMPLETION, (String) value(command, "taskId"), null);
    }
    if (command instanceof GetExecutionVariablesCmd) {
      return new ExecutionRead((String) value(command, "executionId"), null);
    }
    if (command instanceof GetExecutionVariableCmd || command instanceof GetExecutionVariableTypedCmd) {
      return new ExecutionRead((String) value(command, "executionId"), (String) value(command, "variableName"));
    }
    if (command instanceof VariableInstanceQueryImpl) {
      return new QueryRead(ReadKind.VARIABLE_SEARCH, false, false);
    }
    if (command instanceof HistoricVariableInstanceQueryImpl) {
      return new QueryRead(ReadKind.HISTORIC_VARIABLES, false, false);
    }
    if (command instanceof HistoricDetailQueryImpl) {
      return new QueryRead(ReadKind.HISTORIC_CHANGES, false, false);
    }
    if (command instanceof HistoricDecisionInstanceQueryImpl decisions
        && (decisions.isIncludeInput() || decisions.isIncludeOutputs())) {
      return new QueryRead(ReadKind.DECISION_INPUTS, decisions.isIncludeInput(), decisions.isIncludeOutputs());
    }
    if (command instanceof AbstractCorrelateMessageCmd && Boolean.TRUE.equals(value(command,
        "variablesInResultEnabled"))) {
      return new CorrelationRead();
    }
    return null;
  }

  /** A recognised read: what it is, and the cases and variable names it returned. */
  abstract static class Read {
    final ReadKind kind;
    /** The task step whose data is read (its name in the model), when the read is of a task. */
    String stepName;

    Read(ReadKind kind) {
      this.kind = kind;
    }

    /** Inside the command's context, before it runs: what it will read (a task completed with it is gone after). */
    void before(CommandContext context) {
    }

    /** The cases and variable names in the command's result. */
    abstract CaseReads after(Object result);
  }

  /** A read of a task's variables or form: the task's case, step and the names returned. */
  static final class TaskRead extends Read {
    final String taskId;
    final String variableName;
    String processInstanceId;

    TaskRead(ReadKind kind, String taskId, String variableName) {
      super(kind);
      this.taskId = taskId;
      this.variableName = variableName;
    }

    @Override
    void before(CommandContext context) {
      // the command looks the task up right after: then from the entity cache, so this costs no query of its own
      TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
      if (task != null) {
        processInstanceId = task.getProcessInstanceId();
        stepName = stepName(task);
      }
    }

    @Override
    CaseReads after(Object result) {
      return names(new CaseReads(), processInstanceId, result, variableName);
    }
  }

  /** A read of an execution's (a process instance's) variables. */
  static final class ExecutionRead extends Read {
    final String executionId;
    final String variableName;
    String processInstanceId;

    ExecutionRead(String executionId, String variableName) {
      super(ReadKind.CASE_VARIABLES);
      this.executionId = executionId;
      this.variableName = variableName;
    }

    @Override
    void before(CommandContext context) {
      ExecutionEntity execution = executionId == null ? null
          : context.getExecutionManager().findExecutionById(executionId);
      if (execution != null) {
        processInstanceId = execution.getProcessInstanceId();
      }
    }

    @Override
    CaseReads after(Object result) {
      return names(new CaseReads(), processInstanceId, result, variableName);
    }
  }

  /** A query's result: each item names its process instance and variable. */
  static final class QueryRead extends Read {
    final boolean inputs;
    final boolean outputs;

    QueryRead(ReadKind kind, boolean inputs, boolean outputs) {
      super(kind);
      this.inputs = inputs;
      this.outputs = outputs;
    }

    @Override
    CaseReads after(Object result) {
      CaseReads reads = new CaseReads();
      for (Object item : items(result)) {
        if (item instanceof VariableInstance v) {
          reads.add(v.getProcessInstanceId(), v.getName());
        } else if (item instanceof HistoricVariableInstance v) {
          reads.add(v.getProcessInstanceId(), v.getName());
        } else if (item instanceof HistoricVariableUpdate update) {
          reads.add(update.getProcessInstanceId(), update.getVariableName());
        } else if (item instanceof HistoricFormField field) {
          reads.add(field.getProcessInstanceId(), field.getFieldId());
        } else if (item instanceof HistoricDecisionInstance decision) {
          if (inputs) {
            for (HistoricDecisionInputInstance input : decision.getInputs()) {
              reads.add(decision.getProcessInstanceId(), input.getClauseName() != null ? input.getClauseName()
                  : input.getClauseId());
            }
          }
          if (outputs) {
            for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
              reads.add(decision.getProcessInstanceId(), output.getVariableName());
            }
          }
        }
      }
      return reads;
    }
  }

  /** A message correlated with its variables in the result. */
  static final class CorrelationRead extends Read {
    CorrelationRead() {
      super(ReadKind.RETURNED_ON_MESSAGE);
    }

    @Override
    CaseReads after(Object result) {
      CaseReads reads = new CaseReads();
      for (Object item : items(result)) {
        if (item instanceof MessageCorrelationResultWithVariables correlated && correlated.getVariables() != null) {
          String processInstanceId = correlated.getProcessInstance() != null ? correlated.getProcessInstance().getId()
              : correlated.getExecution() != null ? correlated.getExecution().getProcessInstanceId() : null;
          reads.addAll(processInstanceId, correlated.getVariables().keySet());
        }
      }
      return reads;
    }
  }

  /** A map of variables gives its names; a form its fields with a value; a single variable's value its name. */
  static CaseReads names(CaseReads reads, String processInstanceId, Object result, String variableName) {
    if (result instanceof Map<?, ?> variables) {
      variables.keySet().forEach(name -> reads.add(processInstanceId, String.valueOf(name)));
    } else if (result instanceof TaskFormData form) {
      for (FormField field : form.getFormFields()) {
        if (field.getValue() != null) {
          reads.add(processInstanceId, field.getId());
        }
      }
    } else if (result != null) {
      reads.add(processInstanceId, variableName);
    }
    return reads;
  }

  /** The step's name as the model names it ("HB-päätös"), not the task's (which names the client and the case). */
  static String stepName(TaskEntity task) {
    TaskDefinition definition = task.getTaskDefinition();
    String name = definition == null || definition.getNameExpression() == null ? null
        : definition.getNameExpression().getExpressionText();
    if (name == null || name.isBlank() || name.contains("${") || name.contains("#{")) {
      name = task.getTaskDefinitionKey();
    }
    return name;
  }

  private static Collection<?> items(Object result) {
    if (result instanceof Collection<?> list) {
      return list;
    }
    return result == null ? List.of() : List.of(result);
  }

  private static Object value(Object command, String name) {
    try {
      return field(command.getClass(), name).get(command);
    } catch (IllegalAccessException e) {
      throw new ProcessEngineException("Read-access log: cannot read " + name + " of " + command.getClass(), e);
    }
  }

  private static Field field(Class<?> type, String name) {
    return FIELD_CACHE.computeIfAbsent(type.getName() + "#" + name, key -> {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        try {
          Field field = c.getDeclaredField(name);
          field.setAccessible(true);
          return field;
        } catch (NoSuchFieldException e) {
          // the superclass may declare it
        }
      }
      throw new ProcessEngineException("Read-access log: the engine's " + type.getName() + " has no field '" + name
          + "' (written for Camunda 7.24): reads of case data cannot be logged");
    });
  }
}
