package fi.hbflow.metrics;

import com.github.benmanes.caffeine.cache.Cache;
import fi.hbflow.dashboard.HbDashboard;
import fi.hbflow.dashboard.HbFigures;
import fi.hbflow.dashboard.FigureCaches;
import fi.hbflow.engine.EngineContext;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code hb_*} series when Prometheus scrapes. The engine's figures (a few counts) are computed at most once per
 * {@code cache}; the HB figures of every case (the dashboard's, {@link HbDashboard#latestOfAllCases()}) are never
 * waited for: a scrape gets the latest computed and, when they are older than {@code cache}, starts their refresh in
 * the background. So the heavy queries run at most once per that time and a scrape stays fast however many cases
 * there are (the series lag by up to a refresh). Until the first HB figures are ready {@code hb_figures_up} is 0 (a
 * failed refresh is logged and keeps the previous figures); an error here is logged and answered with
 * {@code hb_figures_up 0}, never a failed scrape of the application's other series.
 */
public class HbMetricsCollector implements MultiCollector {

  private static final Logger LOG = LoggerFactory.getLogger(HbMetricsCollector.class);

  private final HbDashboard dashboard;
  private final EngineFigureQueries engineQueries;
  private final Cache<String, EngineFigures> engineCache;

  public HbMetricsCollector(HbDashboard dashboard, EngineFigureQueries engineQueries, Duration cache) {
    this.dashboard = dashboard;
    this.engineQueries = engineQueries;
    this.engineCache = FigureCaches.timed(cache, 1);
  }

  @Override
  public MetricSnapshots collect() {
    try {
      EngineFigures engine = engineCache.get("engine", key -> engineQueries.compute(Date.from(EngineContext.now())));
      HbFigures figures = dashboard.latestOfAllCases();
      MetricSnapshots.Builder all = MetricSnapshots.builder();
      if (figures == null) {
        // the first figures are still being computed: the engine's series now, the HB figures at a later scrape
        HbPrometheusSeries.engine(engine).forEach(all::metricSnapshot);
        all.metricSnapshot(up(0));
      } else {
        HbPrometheusSeries.of(figures, engine).forEach(all::metricSnapshot);
        all.metricSnapshot(up(1));
      }
      return all.build();
    } catch (RuntimeException e) {
      LOG.error("The hb_ series could not be computed", e);
      return MetricSnapshots.of(up(0));
    }
  }

  private static GaugeSnapshot up(double value) {
    return GaugeSnapshot.builder().name("hb_figures_up").help("1 when the hb_ figures could be computed")
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
  }
}
