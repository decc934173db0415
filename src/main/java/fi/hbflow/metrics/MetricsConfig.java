package fi.hbflow.metrics;

import fi.hbflow.dashboard.HbDashboard;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HB figures and the engine's state as {@code hb_*} series in {@code /actuator/prometheus}, and who may read them:
 * {@code /actuator/health} is open (status only), {@code /actuator/prometheus} needs basic auth of a user in johto or
 * prosessinomistajat ({@code fi.hbflow.web.PrometheusBasicAuthFilter}).
 */
@Configuration
public class MetricsConfig {

  @Bean
  HbMetricsCollector hbMetricsCollector(HbDashboard dashboard, DataSource dataSource,
                                        ObjectProvider<PrometheusRegistry> prometheus,
                                        @Value("${hbflow.dashboard.cache-seconds:60}") long cacheSeconds) {
    HbMetricsCollector collector = new HbMetricsCollector(dashboard, new EngineFigureQueries(dataSource),
        Duration.ofSeconds(cacheSeconds));
    prometheus.ifAvailable(registry -> registry.register(collector));
    return collector;
  }
}
