package fi.hbflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hbflow.HbFlowApplication;
import fi.hbflow.engine.ProductionSettingsCheck.MissingProductionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * The production profile refuses to start without the administrator's password (and the database URL), before the
 * database or the engine is touched, with one log line that says what to set. (The exit status of a real start is
 * checked in fi.hbflow.production.ProductionProfileIT.)
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionSettingsCheckTest {

  @Test
  void theApplicationRefusesToStartInThePostgresProfileWithoutTheAdminPassword(CapturedOutput output) {
    SpringApplicationBuilder app = new SpringApplicationBuilder(HbFlowApplication.class).profiles("postgres");
    // command-line arguments outrank the environment: no password, whatever the machine's environment has
    assertThatThrownBy(() -> app.run("--HBFLOW_DB_URL=jdbc:postgresql://127.0.0.1:1/hbflow", "--HBFLOW_ADMIN_PASSWORD=",
        "--server.port=0"))
        .isInstanceOf(MissingProductionSettings.class)
        .hasMessageContaining("HBFLOW_ADMIN_PASSWORD").hasMessageNotContaining("HBFLOW_DB_URL");
    assertThat(output.getAll()).contains("ERROR").contains(
        "HB Flow does not start: the postgres profile needs HBFLOW_ADMIN_PASSWORD (the password of the administrator 'admin')");
    // refused before the data source was used: port 1 would have failed differently
    assertThat(output.getAll()).doesNotContain("Connection to 127.0.0.1:1 refused");
  }

  @Test
  void everyMissingSettingIsNamedAtOnce() {
    MockEnvironment environment = new MockEnvironment();
    assertThatThrownBy(() -> ProductionSettingsCheck.verify(environment))
        .hasMessageContaining("HBFLOW_DB_URL").hasMessageContaining("HBFLOW_ADMIN_PASSWORD");
  }

  @Test
  void theDemoPasswordIsNotAnAdminPassword() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/hbflow")
        .withProperty("camunda.bpm.admin-user.password", "demo");
    assertThatThrownBy(() -> ProductionSettingsCheck.verify(environment)).hasMessageContaining("demo password");
  }

  @Test
  void withTheSettingsItStarts() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/hbflow")
        .withProperty("camunda.bpm.admin-user.password", "pitkä-ja-satunnainen");
    assertThatCode(() -> ProductionSettingsCheck.verify(environment)).doesNotThrowAnyException();
  }
}
