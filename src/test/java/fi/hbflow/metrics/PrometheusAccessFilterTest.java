package fi.hbflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PrometheusAccessFilterTest {

  @Test
  void readsUserAndPasswordOfABasicHeaderOnly() {
    String header = "Basic " + Base64.getEncoder().encodeToString("johtaja:sala:sana".getBytes(StandardCharsets.UTF_8));
    assertThat(PrometheusAccessFilter.credentials(header)).containsExactly("johtaja", "sala:sana");
    assertThat(PrometheusAccessFilter.credentials(header.replace("Basic", "basic"))).containsExactly("johtaja", "sala:sana");
    assertThat(PrometheusAccessFilter.credentials(null)).isNull();
    assertThat(PrometheusAccessFilter.credentials("Bearer abc")).isNull();
    assertThat(PrometheusAccessFilter.credentials("Basic %%%")).isNull();
    assertThat(PrometheusAccessFilter.credentials("Basic " + Base64.getEncoder().encodeToString(":x".getBytes(
        StandardCharsets.UTF_8)))).isNull();
  }
}
