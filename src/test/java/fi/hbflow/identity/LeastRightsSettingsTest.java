package fi.hbflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.engine.EngineSettings;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The engine settings of least rights are {@link EngineSettings}' (the application's and the model tests' engine);
 * login throttling is in application.yaml's generic properties, and the production profile
 * (application-postgres.yaml, which has generic properties of its own) keeps it: Spring Boot merges a map's entries
 * from both files, the profile's winning only where it names the same key. Neither file names a flag of
 * EngineSettings, so that they have one place.
 */
class LeastRightsSettingsTest {

  static final String GENERIC = "camunda.bpm.generic-properties.properties";

  @Test
  void theDemoAndTheProductionProfileBothHaveThem() throws Exception {
    for (boolean production : new boolean[] {false, true}) {
      Map<String, Object> engine = genericProperties(production);
      assertThat(engine).as("production %s", production)
          .containsEntry("login-max-attempts", Integer.MAX_VALUE)
          .doesNotContainKeys("enforce-specific-variable-permission", "default-user-permission-name-for-task",
              "general-resource-whitelist-pattern", "deserialization-type-validation-enabled",
              "enforce-history-time-to-live");
      // a growing delay with a sensible cap: seconds, never minutes
      assertThat((Integer) engine.get("login-delay-base")).isBetween(1, 5);
      assertThat((Integer) engine.get("login-delay-factor")).isBetween(2, 3);
      assertThat((Integer) engine.get("login-delay-max-time")).isBetween(10, 60);
    }
    assertThat(genericProperties(true)).containsKey("history-cleanup-batch-window-start-time");
  }

  @Test
  void theEngineSettingsHaveLeastRights() {
    StandaloneInMemProcessEngineConfiguration c = new StandaloneInMemProcessEngineConfiguration();
    EngineSettings.apply(c);
    assertThat(c.isEnforceSpecificVariablePermission()).isTrue();
    assertThat(c.getDefaultUserPermissionNameForTask()).isEqualTo("TASK_WORK");
    assertThat(c.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(c.isEnforceHistoryTimeToLive()).isTrue();
    assertThat(c.getHistory()).isEqualTo("full");
    assertThat(c.getGeneralResourceWhitelistPattern()).isEqualTo("[a-zA-Z0-9-]+|camunda-admin");
  }

  private static Map<String, Object> genericProperties(boolean production) throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
    if (production) { // a profile's file comes before (wins over) the default file, as Spring Boot orders them
      environment.getPropertySources().addLast(yaml.load("postgres",
          new ClassPathResource("application-postgres.yaml")).get(0));
    }
    environment.getPropertySources().addLast(yaml.load("default", new ClassPathResource("application.yaml")).get(0));
    return Binder.get(environment).bind(GENERIC, Bindable.mapOf(String.class, Object.class)).get();
  }
}
