package fi.hbflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PrometheusBasicAuthFilterTest {

  @Test
  void readsUserAndPasswordOfABasicHeaderOnly() {
    String header = "Basic " + Base64.getEncoder().encodeToString("johtaja:sala:sana".getBytes(StandardCharsets.UTF_8));
    assertThat(PrometheusBasicAuthFilter.credentials(header)).containsExactly("johtaja", "sala:sana");
    assertThat(PrometheusBasicAuthFilter.credentials(header.replace("Basic", "basic"))).containsExactly("johtaja", "sala:sana");
    assertThat(PrometheusBasicAuthFilter.credentials(null)).isNull();
    assertThat(PrometheusBasicAuthFilter.credentials("Bearer abc")).isNull();
    assertThat(PrometheusBasicAuthFilter.credentials("Basic %%%")).isNull();
    assertThat(PrometheusBasicAuthFilter.credentials("Basic " + Base64.getEncoder().encodeToString(":x".getBytes(
        StandardCharsets.UTF_8)))).isNull();
  }
}
