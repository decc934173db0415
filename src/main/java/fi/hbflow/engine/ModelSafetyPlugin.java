package fi.hbflow.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.el.JuelElContextFactory;
import org.camunda.bpm.dmn.engine.impl.el.JuelElProvider;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a deployed model can reach, in the engine:
 * <ul>
 *   <li>JUEL expressions (BPMN, DMN, stored filters) resolve only the given beans — HB's process beans, not Spring's
 *   context — and go through {@link GuardedElResolver} ({@link RestrictedExpressionManager}). Set here, in
 *   {@code preInit}, it replaces the expression manager that Spring's engine factory made before (one with the whole
 *   application context); {@code postInit} checks that it is still ours.</li>
 *   <li>The DMN engine evaluates JUEL with the same manager, and FEEL (external Java functions off) with plain values
 *   only ({@link PlainValuesFeelEngine}).</li>
 *   <li>No script engine ({@link NoScriptEngines}); new deployments are checked by {@link ModelCheckDeployer}, which
 *   also logs them with their author and diff.</li>
 *   <li>A refused expression reaches the caller as its own exception (HTTP 400, a Finnish message) instead of the
 *   engine's wrapping, whose message repeats the expression; the log keeps the engine's message.</li>
 * </ul>
 */
public class ModelSafetyPlugin extends AbstractProcessEnginePlugin {

  static final Logger LOG = LoggerFactory.getLogger(ModelSafetyPlugin.class);

  private final Supplier<Map<String, Object>> beans;

  /** Without beans: the model tests, whose beans are test mocks. */
  public ModelSafetyPlugin() {
    this(Map::of);
  }

  /** @param beans the names expressions may use and their objects, asked once when the engine is built */
  public ModelSafetyPlugin(Supplier<Map<String, Object>> beans) {
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Map<Object, Object> named = new HashMap<>(beans.get());
    configuration.setBeans(named);
    configuration.setExpressionManager(new RestrictedExpressionManager(named.isEmpty() ? null : named));
    configuration.setScriptEngineResolver(new NoScriptEngines());

    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(() -> {
      if (configuration.isDmnFeelEnableLegacyBehavior()) {
        throw new IllegalStateException("HB Flow runs DMN with the Scala FEEL engine only (no legacy FEEL)");
      }
      return new PlainValuesFeelEngine(
          new ScalaFeelEngineFactory(configuration.getDmnFeelCustomFunctionProviders()).createInstance());
    });
    configuration.setDmnEngineConfiguration(dmn);

    List<Deployer> deployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(0, new ModelCheckDeployer());
    configuration.setCustomPreDeployers(deployers);

    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new Unwrap());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!(configuration.getExpressionManager() instanceof RestrictedExpressionManager)
        || !(configuration.getDmnEngineConfiguration().getFeelEngine() instanceof PlainValuesFeelEngine)
        || !(configuration.getScriptEngineResolver() instanceof NoScriptEngines)) {
      throw new IllegalStateException("Another plugin replaced HB Flow's restricted expressions, FEEL or scripting;"
          + " the engine does not start with them open");
    }
  }

  /**
   * A DMN engine of its own (for {@link DmnTables}, which evaluates deployed tables without the process engine's
   * history) under the same rules: JUEL through {@link GuardedElResolver} with variables, maps, lists and Java beans
   * only, FEEL with plain values, no scripts.
   */
  public static DmnEngine standaloneDmnEngine() {
    DefaultDmnEngineConfiguration dmn =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    CompositeELResolver resolvers = new CompositeELResolver();
    resolvers.add(new org.camunda.bpm.dmn.engine.impl.el.VariableContextElResolver());
    resolvers.add(new ArrayELResolver(true));
    resolvers.add(new ListELResolver(true));
    resolvers.add(new MapELResolver(true));
    resolvers.add(new BeanELResolver());
    dmn.setElProvider(new JuelElProvider(new ExpressionFactoryImpl(),
        new JuelElContextFactory(new GuardedElResolver(resolvers))));
    dmn.setFeelEngineFactory(() -> new PlainValuesFeelEngine(new ScalaFeelEngineFactory(List.of()).createInstance()));
    dmn.setScriptEngineResolver(language -> {
      throw new ExpressionRefused(NoScriptEngines.MESSAGE);
    });
    return dmn.buildEngine();
  }

  /** The refusal itself to the caller, not the engine's wrapping of it (which repeats the expression). */
  static class Unwrap extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ExpressionRefused refused) {
        throw refused;
      } catch (RuntimeException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof ExpressionRefused refused) {
            LOG.warn("A model's expression was refused: {}", DeploymentLog.clean(e.getMessage()));
            throw refused;
          }
        }
        throw e;
      }
    }
  }
}
