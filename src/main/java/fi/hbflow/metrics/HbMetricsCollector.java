package fi.hbflow.metrics;

import fi.hbflow.dashboard.DashboardFilter;
import fi.hbflow.dashboard.HbDashboard;
import fi.hbflow.dashboard.TtlCache;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Computes the {@code hb_*} series when Prometheus scrapes, from figures at most {@code cache} old: the HB figures
 * of every case (the dashboard's cache, {@link HbDashboard}) and the engine's (its own cache of the same length). So
 * a scrape runs the heavy queries at most once per that time. A failure is reported as {@code hb_figures_up 0} and
 * logged, never as a failed scrape of the application's other series.
 */
public class HbMetricsCollector implements MultiCollector {

  private static final Logger LOG = Logger.getLogger(HbMetricsCollector.class.getName());

  private final HbDashboard dashboard;
  private final EngineFigureQueries engineQueries;
  private final TtlCache<String, EngineFigures> engineCache;

  public HbMetricsCollector(HbDashboard dashboard, EngineFigureQueries engineQueries, Duration cache) {
    this.dashboard = dashboard;
    this.engineQueries = engineQueries;
    this.engineCache = new TtlCache<>(cache, 1);
  }

  @Override
  public MetricSnapshots collect() {
    try {
      EngineFigures engine = engineCache.get("engine", () -> engineQueries.compute(ClockUtil.getCurrentTime()));
      MetricSnapshots.Builder all = MetricSnapshots.builder();
      HbPrometheusSeries.of(dashboard.figures(DashboardFilter.ALL), engine).forEach(all::metricSnapshot);
      all.metricSnapshot(up(1));
      return all.build();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "The hb_ series could not be computed", e);
      return MetricSnapshots.of(up(0));
    }
  }

  private static GaugeSnapshot up(double value) {
    return GaugeSnapshot.builder().name("hb_figures_up").help("1 when the hb_ figures could be computed")
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
  }
}
