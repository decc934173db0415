package fi.hbflow.engine;

import fi.hbflow.accesslog.ReadAccessLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine settings HB Flow runs with, in one object shared by the application (a plugin bean, applied after Camunda
 * Spring Boot's configuration of application.yaml) and the model tests' engine ({@code TestEngine}): the engine flags
 * and HB's own plugins, in their order. Camunda Spin's plugin is not among them: the Spring Boot starter registers it
 * in the application, and {@code TestEngine} adds it.
 */
public class EngineSettings extends CompositeProcessEnginePlugin {

  /**
   * Group ids such as hb-vastuuhenkilot contain hyphens, which the engine's default id pattern refuses.
   */
  public static final String RESOURCE_ID_PATTERN = "[a-zA-Z0-9-]+|camunda-admin";
  /** What a task's candidate group (or assignee) gets on the task: it works it, but changes no other variable. */
  public static final String TASK_PERMISSION = "TASK_WORK";

  /**
   * @param readAccessLog where the read-access log (lukuloki) goes
   * @param processBeans  the beans the models' expressions may name ({@code ProcessBeans}); empty in the model tests,
   *                      whose beans are test mocks
   */
  public EngineSettings(ReadAccessLog readAccessLog, Supplier<Map<String, Object>> processBeans) {
    super(new ArrayList<>(List.of(new FormRejectionPlugin(), new TaskQueryAuthorizationPlugin(),
        new FormContractPlugin(), new ReadAccessLogPlugin(readAccessLog),
        // last: it replaces the expression manager and checks that no plugin after it replaced it again
        new ModelSafetyPlugin(processBeans))));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    apply(configuration);
    super.preInit(configuration);
  }

  /** The engine flags (without the plugins). */
  public static void apply(ProcessEngineConfigurationImpl c) {
    c.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    c.setEnforceHistoryTimeToLive(true);
    c.setDefaultSerializationFormat("application/json");
    // a serialized Java object in a request is deserialized only into plain value types (java.lang, the collections);
    // the form contract already refuses object values in forms
    c.setDeserializationTypeValidationEnabled(true);
    c.setGeneralResourceWhitelistPattern(RESOURCE_ID_PATTERN);
    // least rights (README "Roolit"): reading a case's variables takes a permission of its own, and a task's candidate
    // group (or assignee) gets READ, TASK_WORK and READ_VARIABLE on that task: it reads and works the task (claim, the
    // form), but changes no variable outside the form (that would need UPDATE)
    c.setEnforceSpecificVariablePermission(true);
    c.setDefaultUserPermissionNameForTask(TASK_PERMISSION);
  }

  @Override
  public String toString() {
    return "HB Flow engine settings " + getPlugins();
  }
}
