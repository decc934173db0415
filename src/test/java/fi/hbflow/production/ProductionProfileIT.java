package fi.hbflow.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import fi.hbflow.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production jar in the {@code postgres} profile without the administrator's password: the JVM exits with a
 * non-zero status, and its log says in one line what to set. (Independent of the test database: run once, on H2 runs.)
 */
class ProductionProfileIT {

  @Test
  void withoutTheAdminPasswordTheApplicationDoesNotStart() throws Exception {
    assumeFalse(TestDatabase.postgres(), "the same on both databases: run on the H2 run only");
    Map<String, String> environment = Map.of("SPRING_PROFILES_ACTIVE", "postgres",
        "HBFLOW_DB_URL", "jdbc:postgresql://127.0.0.1:1/hbflow", "HBFLOW_DB_USER", "hbflow", "HBFLOW_DB_PASSWORD", "x");
    try (AppNode node = AppNode.start("no-admin-password", environment)) {
      int status = node.awaitExit(Duration.ofSeconds(90));
      assertThat(status).isNotZero();
      String log = node.output();
      assertThat(log).contains("fi.hbflow.engine.ProductionSettingsCheck")
          .contains("HB Flow does not start: the postgres profile needs HBFLOW_ADMIN_PASSWORD")
          .contains("APPLICATION FAILED TO START");
      // refused before the database was touched and before the web server started
      assertThat(log).doesNotContain("Connection to 127.0.0.1:1 refused").doesNotContain("Tomcat started");
    }
  }
}
