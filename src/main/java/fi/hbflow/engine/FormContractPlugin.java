package fi.hbflow.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.hbflow.forms.FormContract;
import fi.hbflow.forms.FormContract.UnsupportedValue;
import fi.hbflow.forms.FormRejected;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The form contract, enforced by the engine for every door: a submitted task form or start form — through
 * {@code /engine-rest} ({@code submit-form}, {@code complete}, {@code resolve}, {@code start}, {@code message}), Tasklist's
 * {@code /camunda/api/engine} (the same commands), HB Flow's own API and the Java API — may carry only the keys of the
 * deployed form of that task or start event, each with a value of its field's type (see {@link FormContract}).
 * Anything else is refused with HTTP 400 and a Finnish message naming the fields, before a single value is stored.
 *
 * <p>How: an interceptor around the engine's outermost command recognises the submitting commands, and runs the check
 * inside the command, after the engine's own permission check for it (a stranger gets the engine's 403, never a
 * description of the form). Commands the engine runs inside another command (a delegate starting the deadline watch)
 * are not submissions. Starting a process somewhere else than its start event (REST {@code startInstructions}, which
 * also can skip the listeners that check the start form) is left to {@code camunda-admin}.
 *
 * <p>The commands keep their input in protected fields; they are read by reflection, checked at engine start, so an
 * engine whose commands differ fails at start instead of letting submissions through unchecked.
 */
public class FormContractPlugin extends AbstractProcessEnginePlugin {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId");
  private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
  private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");
  private static final Field SUBMIT_PROPERTIES = field(SubmitTaskFormCmd.class, "properties");
  private static final Field START_FORM_DEFINITION = field(SubmitStartFormCmd.class, "processDefinitionId");
  private static final Field START_FORM_VARIABLES = field(SubmitStartFormCmd.class, "variables");
  private static final Field START_BUILDER = field(StartProcessInstanceCmd.class, "instantiationBuilder");
  private static final Field START_AT_BUILDER = field(StartProcessInstanceAtActivitiesCmd.class,
      "instantiationBuilder");
  private static final Field MESSAGE_BUILDER = field(AbstractCorrelateMessageCmd.class, "builder");

  /** Parsed forms by form definition id (a deployed form never changes). */
  private final Map<String, FormContract> contracts = new ConcurrentHashMap<>();
  /** The same, by the deployment and key of a form bound by deployment: found without the definition's query. */
  private final Map<String, FormContract> boundByDeployment = new ConcurrentHashMap<>();
  private volatile FeelEngine feel;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new Check());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  @Override
  public void postProcessEngineBuild(org.camunda.bpm.engine.ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn != null) {
      feel = dmn.getFeelEngine();
    }
  }

  /** What a submitting command carries. */
  private record Submission(String taskId, ProcessInstantiationBuilderImpl builder, String processDefinitionId,
                            Map<String, Object> variables, boolean atActivities, MessageCorrelationBuilderImpl message) {
  }

  private class Check extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (Context.getCommandContext() != null) {
        return next.execute(command); // inside another command: the engine's own work
      }
      Submission submission = submission(command);
      if (submission == null) {
        return next.execute(command);
      }
      return next.execute(new Checked<>(command, submission));
    }
  }

  /** A submitting command, run after its form contract is checked. */
  final class Checked<T> implements Command<T> {
    private final Command<T> command;
    private final Submission submission;

    Checked(Command<T> command, Submission submission) {
      this.command = command;
      this.submission = submission;
    }

    /** The engine's own command (for the read-access log, which recognises it). */
    Command<T> command() {
      return command;
    }

    @Override
    public T execute(CommandContext ctx) {
      if (submission.message() != null) {
        checkMessage(ctx, submission.message(), submission.variables());
      } else if (submission.taskId() != null) {
        checkTask(ctx, submission.taskId(), submission.variables());
      } else {
        checkStart(ctx, submission);
      }
      return command.execute(ctx);
    }
  }

  private static Submission submission(Command<?> command) {
    if (command instanceof CompleteTaskCmd) { // also ResolveTaskCmd
      return new Submission((String) read(COMPLETE_TASK_ID, command), null, null, variables(read(COMPLETE_VARIABLES,
          command)), false, null);
    }
    if (command instanceof SubmitTaskFormCmd) {
      return new Submission((String) read(SUBMIT_TASK_ID, command), null, null, variables(read(SUBMIT_PROPERTIES,
          command)), false, null);
    }
    if (command instanceof SubmitStartFormCmd) {
      return new Submission(null, null, (String) read(START_FORM_DEFINITION, command),
          variables(read(START_FORM_VARIABLES, command)), false, null);
    }
    if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) read(START_BUILDER, command);
      return new Submission(null, builder, null, variables(builder.getVariables()), false, null);
    }
    if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) read(START_AT_BUILDER, command);
      return new Submission(null, builder, null, variables(builder.getVariables()), true, null);
    }
    if (command instanceof AbstractCorrelateMessageCmd) {
      MessageCorrelationBuilderImpl message = (MessageCorrelationBuilderImpl) read(MESSAGE_BUILDER, command);
      Map<String, Object> payload = new LinkedHashMap<>();
      for (Map<String, Object> part : List.of(variables(message.getPayloadProcessInstanceVariables()),
          variables(message.getPayloadProcessInstanceVariablesLocal()),
          variables(message.getPayloadProcessInstanceVariablesToTriggeredScope()))) {
        part.keySet().forEach(name -> payload.put(name, part instanceof VariableMap typed
            ? typed.getValueTyped(name) : part.get(name)));
      }
      return new Submission(null, null, null, payload, false, message);
    }
    return null;
  }

  private void checkTask(CommandContext ctx, String taskId, Map<String, Object> variables) {
    TaskEntity task = taskId == null ? null : ctx.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return; // the command itself answers that there is no such task
    }
    for (CommandChecker checker : ctx.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task); // a stranger learns nothing of the form
    }
    if (variables.isEmpty()) {
      return;
    }
    FormContract contract = ctx.runWithoutAuthorization(() -> contract(ctx, new GetTaskFormCmd(taskId).execute(ctx),
        task.getTaskDefinitionKey()));
    Function<String, Object> current = name -> plain(task.getVariableTyped(name, true));
    refuseProblems(task.getTaskDefinitionKey(), contract, variables, current);
  }

  private void checkStart(CommandContext ctx, Submission submission) {
    ProcessDefinitionEntity definition = submission.builder() != null
        ? new GetDeployedProcessDefinitionCmd(submission.builder(), false).execute(ctx)
        : ctx.getProcessEngineConfiguration().getDeploymentCache()
            .findDeployedProcessDefinitionById(submission.processDefinitionId());
    if (definition == null) {
      return; // the command itself answers
    }
    for (CommandChecker checker : ctx.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkCreateProcessInstance(definition);
    }
    Authentication caller = ctx.getAuthentication();
    if (submission.atActivities() && caller != null && !ctx.getAuthorizationManager().isCamundaAdmin(caller)) {
      throw new AuthorizationException("Sinulla ei ole oikeutta tähän toimintoon: asiaa ei voi aloittaa muualta "
          + "kuin prosessin alusta eikä sen tarkistuksia ohittaen; vain pääkäyttäjä voi tehdä sen.");
    }
    if (submission.variables().isEmpty()) {
      return;
    }
    FormData startForm = ctx.runWithoutAuthorization(() -> new GetStartFormCmd(definition.getId()).execute(ctx));
    boolean hasForm = startForm != null && (startForm.getCamundaFormRef() != null || startForm.getFormKey() != null);
    if (!hasForm && submission.builder() != null) {
      return; // a process without a start form is started by the application itself (deadline watch, ledger)
    }
    String startId = definition.getInitial() == null ? definition.getKey() : definition.getInitial().getId();
    FormContract contract = ctx.runWithoutAuthorization(() -> contract(ctx, startForm, startId));
    refuseProblems(startId, contract, submission.variables(), null);
  }

  /**
   * A message's variables (REST {@code /message}: an electronic rectification request) are what the form of the task
   * it arrives at would record — the task its event is attached to (HB_OIKAISUVAATIMUS: the form of
   * Oikaisuvaatimusaika, where a request on paper is recorded) — or, for a message that starts a process, its start
   * form. A message waited for without a task carries no variables.
   */
  private void checkMessage(CommandContext ctx, MessageCorrelationBuilderImpl message, Map<String, Object> variables) {
    if (variables.isEmpty()) {
      return;
    }
    ctx.runWithoutAuthorization(() -> {
      RuntimeService runtime = ctx.getProcessEngineConfiguration().getRuntimeService();
      List<String> instances = message.getProcessInstanceId() != null ? List.of(message.getProcessInstanceId())
          : message.getBusinessKey() != null ? runtime.createProcessInstanceQuery()
              .processInstanceBusinessKey(message.getBusinessKey()).list().stream().map(p -> p.getId()).toList()
          : null;
      List<EventSubscription> waiting = new ArrayList<>();
      if (instances == null) {
        waiting.addAll(runtime.createEventSubscriptionQuery().eventType("message").eventName(message.getMessageName())
            .list());
      } else {
        instances.forEach(id -> waiting.addAll(runtime.createEventSubscriptionQuery().eventType("message")
            .eventName(message.getMessageName()).processInstanceId(id).list()));
      }
      for (EventSubscription subscription : waiting) {
        if (subscription.getExecutionId() == null) {
          String definitionId = ((EventSubscriptionEntity) subscription).getConfiguration();
          FormData startForm = new GetStartFormCmd(definitionId).execute(ctx);
          refuseProblems(subscription.getActivityId(), contract(ctx, startForm, subscription.getActivityId()),
              variables, null);
          continue;
        }
        Task task = ctx.getProcessEngineConfiguration().getTaskService().createTaskQuery()
            .executionId(subscription.getExecutionId()).singleResult();
        if (task == null) {
          refuseProblems(subscription.getActivityId(), FormContract.empty(subscription.getActivityId()), variables,
              null);
        } else {
          TaskEntity entity = ctx.getTaskManager().findTaskById(task.getId());
          refuseProblems(task.getTaskDefinitionKey(), contract(ctx, new GetTaskFormCmd(task.getId()).execute(ctx),
              task.getTaskDefinitionKey()), variables, name -> plain(entity.getVariableTyped(name, true)));
        }
      }
      return null;
    });
  }

  private void refuseProblems(String activityId, FormContract contract, Map<String, Object> submitted,
                              Function<String, Object> current) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : submitted.keySet()) {
      // a variable map's values are read typed: a serialized object is never deserialized to be checked
      values.put(name, plain(submitted instanceof VariableMap typed ? typed.getValueTyped(name) : submitted.get(name)));
    }
    List<String> problems = contract.check(values, current, this::holds);
    if (!problems.isEmpty()) {
      throw FormRejected.because(activityId, problems);
    }
  }

  /** The contract of a task's or start event's form: its Camunda Form, or nothing may be submitted. */
  private FormContract contract(CommandContext ctx, FormData form, String activityId) {
    CamundaFormRef ref = form == null ? null : form.getCamundaFormRef();
    if (ref == null || ref.getKey() == null) {
      return FormContract.empty(activityId); // no form: no field to submit (HB's steps all have a Camunda Form)
    }
    boolean byDeployment = "deployment".equals(ref.getBinding());
    String boundKey = form.getDeploymentId() + "/" + ref.getKey();
    FormContract bound = byDeployment ? boundByDeployment.get(boundKey) : null;
    if (bound != null) {
      return bound; // every submission of HB's steps: one look-up in memory instead of a query per submission
    }
    CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(ref, form.getDeploymentId()).execute(ctx);
    if (definition == null) {
      return FormContract.empty(activityId);
    }
    FormContract contract = contracts.computeIfAbsent(definition.getId(), id -> {
      try (InputStream in = new GetDeploymentResourceCmd(definition.getDeploymentId(), definition.getResourceName())
          .execute(ctx)) {
        return FormContract.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    if (byDeployment) {
      boundByDeployment.put(boundKey, contract);
    }
    return contract;
  }

  /** A form's hide rule by the engine's FEEL engine (the one its decision tables use); an error does not hide. */
  private boolean holds(String expression, Function<String, Object> data) {
    FeelEngine engine = feel;
    if (engine == null) {
      return false;
    }
    VariableContext context = new VariableContext() {
      @Override
      public TypedValue resolve(String name) {
        return Variables.untypedValue(data.apply(name));
      }

      @Override
      public boolean containsVariable(String name) {
        return true; // a field not filled in is null, as in the browser
      }

      @Override
      public Set<String> keySet() {
        return Set.of();
      }
    };
    try {
      return Boolean.TRUE.equals(engine.evaluateSimpleExpression(expression, context));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The plain Java value of a submitted or stored value (see {@link FormContract}). */
  static Object plain(Object value) {
    if (value instanceof TypedValue typed) {
      if (typed.getType() == null) {
        return plain(typed.getValue());
      }
      String type = typed.getType().getName();
      switch (type) {
        case "null":
          return null;
        case "string", "integer", "long", "short", "double", "boolean":
          return typed.getValue();
        case "json":
          SerializableValue json = (SerializableValue) typed;
          return parse(json.isDeserialized() ? String.valueOf(json.getValue()) : json.getValueSerialized());
        case "object":
          return objectValue((ObjectValue) typed);
        default:
          return new UnsupportedValue(type);
      }
    }
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof Short || value instanceof Double || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Collection<?> list) {
      List<Object> plain = new ArrayList<>();
      list.forEach(item -> plain.add(plain(item)));
      return plain;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> plain = new LinkedHashMap<>();
      map.forEach((k, v) -> plain.put(String.valueOf(k), plain(v)));
      return plain;
    }
    if (value.getClass().getName().startsWith("org.camunda.spin.")) {
      return parse(value.toString()); // a Spin JSON node from Java code
    }
    return new UnsupportedValue(value.getClass().getSimpleName());
  }

  /** A list kept as a JSON-serialized Java list (Tasklist sends a checklist with the type of the existing one). */
  private static Object objectValue(ObjectValue object) {
    if (object.isDeserialized()) {
      return plain(object.getValue());
    }
    String typeName = object.getObjectTypeName();
    boolean jsonList = Variables.SerializationDataFormats.JSON.getName().equals(object.getSerializationDataFormat())
        && typeName != null && (typeName.startsWith("java.util.ArrayList") || typeName.startsWith("java.util.List")
        || typeName.startsWith("java.util.LinkedList"));
    return jsonList ? parse(object.getValueSerialized()) : new UnsupportedValue("Object");
  }

  private static Object parse(String json) {
    try {
      return plain(JSON.readValue(json, Object.class));
    } catch (IOException | IllegalArgumentException e) {
      return new UnsupportedValue("Json");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(Object map) {
    return map == null ? Map.of() : (Map<String, Object>) map;
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("HB Flow's form contract cannot read " + type.getName() + "." + name
          + ": this engine version differs from 7.24; adapt fi.hbflow.engine.FormContractPlugin", e);
    }
  }

  private static Object read(Field field, Object command) {
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
