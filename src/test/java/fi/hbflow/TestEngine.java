package fi.hbflow;

import fi.hbflow.accesslog.CollectedReads;
import fi.hbflow.engine.EngineSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The engine of the model tests: {@code @RegisterExtension static ProcessEngineExtension ENGINE = TestEngine.extension();}
 *
 * <p>One engine per JVM, with the plugins and settings of the application, on in-memory H2 — or on an embedded
 * PostgreSQL when the JVM runs with {@code -Dhbflow.test.db=postgres} (see {@link TestDatabase}). Each test class gets
 * its own extension around the shared engine; the extension deletes the test's {@code @Deployment} (cascading to its
 * instances and history) and resets the engine clock after every test, so tests do not see each other's cases.
 */
public final class TestEngine {

  /** The engine's name: not "default", which the engine REST API of a Spring Boot test would take as its own. */
  static final String NAME = "hb-model-tests";

  private static ProcessEngine engine;

  private TestEngine() {
  }

  public static ProcessEngineExtension extension() {
    return new FormsInDeployment().useProcessEngine(engine()).build();
  }

  /** The shared engine, built on first use. */
  public static synchronized ProcessEngine engine() {
    if (engine == null) {
      engine = configuration().buildProcessEngine();
      System.out.println("[hbflow] model tests on " + TestDatabase.describe());
    }
    return engine;
  }

  static StandaloneInMemProcessEngineConfiguration configuration() {
    StandaloneInMemProcessEngineConfiguration c = new StandaloneInMemProcessEngineConfiguration();
    c.setProcessEngineName(NAME);
    if (TestDatabase.postgres()) {
      c.setJdbcUrl(TestDatabase.postgresUrl("hb_model_tests"));
      c.setJdbcUsername(TestDatabase.USER);
      c.setJdbcPassword("");
      c.setJdbcDriver("org.postgresql.Driver");
    } else {
      c.setJdbcUrl("jdbc:h2:mem:hb-process-test;DB_CLOSE_DELAY=1000");
    }
    c.setDatabaseSchemaUpdate("true");
    c.setJobExecutorActivate(false);
    c.setExpressionManager(new MockExpressionManager()); // replaced by the settings' ModelSafetyPlugin
    // the application's engine flags and plugins (Spin: registered by the Spring Boot starter in the application);
    // the process beans are the test's mocks (HbCaseDriver registers ProcessBeans.processBeans)
    c.setProcessEnginePlugins(new ArrayList<>(List.of(new SpinProcessEnginePlugin(),
        new EngineSettings(CollectedReads.MODEL_TESTS, Map::of))));
    return c;
  }
}
