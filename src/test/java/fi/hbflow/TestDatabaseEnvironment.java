package fi.hbflow;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the Spring Boot tests ({@code *IT}) on PostgreSQL too: when the JVM runs with {@code -Dhbflow.test.db=postgres},
 * an application context whose datasource is an in-memory H2 database ({@code jdbc:h2:mem:NAME;...}) gets a database
 * of the same name in the embedded PostgreSQL instead, so each test keeps a database of its own. A context given any
 * other URL (a test's own PostgreSQL database, say) is left as it is; on H2 runs this does nothing.
 *
 * <p>Registered for every Spring application of the tests in {@code src/test/resources/META-INF/spring.factories}.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!TestDatabase.postgres()) {
      return;
    }
    String name = TestDatabase.h2MemoryName(environment.getProperty("spring.datasource.url"));
    if (name == null) {
      return;
    }
    String url = TestDatabase.postgresUrl(name);
    System.out.println("[hbflow] " + name + " on " + TestDatabase.describe() + ": " + url);
    environment.getPropertySources().addFirst(new MapPropertySource("hbflow-test-postgres", Map.of(
        "spring.datasource.url", url,
        "spring.datasource.username", TestDatabase.USER,
        "spring.datasource.password", "")));
  }
}
