package fi.hbflow.engine;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * In the production profile ({@code postgres}) HB Flow refuses to start without the settings production needs: the
 * database URL ({@code HBFLOW_DB_URL}) and the administrator's password ({@code HBFLOW_ADMIN_PASSWORD}; not the demo
 * password). The check runs before any bean is created — before the database is touched and the engine starts — logs
 * one line that says what to set, and the start fails (the JVM exits with a non-zero status).
 */
@Configuration(proxyBeanMethods = false)
@Profile("postgres")
public class ProductionSettingsCheck {

  private static final Logger LOG = LoggerFactory.getLogger(ProductionSettingsCheck.class);

  /** A bean-factory post-processor runs before every ordinary bean: the data source, the process engine. */
  @Bean
  static BeanFactoryPostProcessor productionSettingsRequired(Environment environment) {
    return beanFactory -> verify(environment);
  }

  /** Throws {@link MissingProductionSettings} naming every missing setting. */
  public static void verify(Environment environment) {
    List<String> missing = new ArrayList<>();
    if (blank(environment.getProperty("spring.datasource.url"))) {
      missing.add("HBFLOW_DB_URL (jdbc:postgresql://<host>:5432/hbflow)");
    }
    String adminPassword = environment.getProperty("camunda.bpm.admin-user.password");
    String admin = environment.getProperty("camunda.bpm.admin-user.id", "admin");
    if (blank(adminPassword)) {
      missing.add("HBFLOW_ADMIN_PASSWORD (the password of the administrator '" + admin + "')");
    } else if ("demo".equals(adminPassword.trim())) {
      missing.add("HBFLOW_ADMIN_PASSWORD (the administrator '" + admin + "' must not have the demo password)");
    }
    if (!missing.isEmpty()) {
      MissingProductionSettings refusal = new MissingProductionSettings(missing);
      LOG.error(refusal.getMessage());
      throw refusal;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** The production profile lacks settings it cannot run without. */
  public static class MissingProductionSettings extends IllegalStateException {
    private final List<String> missing;

    MissingProductionSettings(List<String> missing) {
      super("HB Flow does not start: the postgres profile needs " + String.join(" and ", missing)
          + (missing.size() == 1 ? " - set it" : " - set them") + " in the environment (docker compose: the .env file)"
          + " and start again.");
      this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
      return missing;
    }
  }

  /**
   * Reports the refusal as Spring Boot's short "APPLICATION FAILED TO START" message instead of a stack trace
   * (registered in META-INF/spring.factories).
   */
  public static class FailureAnalyzer extends AbstractFailureAnalyzer<MissingProductionSettings> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingProductionSettings cause) {
      return new FailureAnalysis(cause.getMessage(),
          "Set " + String.join(", ", cause.missing().stream().map(m -> m.substring(0, m.indexOf(' '))).toList())
              + " in the environment of the application (see README, Production).", cause);
    }
  }
}
