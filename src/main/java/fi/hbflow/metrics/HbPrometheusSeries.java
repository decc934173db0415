package fi.hbflow.metrics;

import fi.hbflow.dashboard.HbFigures;
import fi.hbflow.dashboard.HbFigures.Clock;
import fi.hbflow.dashboard.HbFigures.Count;
import fi.hbflow.research.MunicipalityGroups;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The {@code hb_*} Prometheus series of one set of figures (all HB cases) and of the engine: plain gauges, one data
 * point per label value. Label values come from fixed lists or the process model (steps, support models, groups),
 * never from free text, so the number of series stays small; a municipality outside the county is {@code muu}.
 */
public final class HbPrometheusSeries {

  private HbPrometheusSeries() {
  }

  public static MetricSnapshots of(HbFigures hb, EngineFigures engine) {
    List<MetricSnapshot> series = new ArrayList<>();
    series.add(gauge("hb_cases", "HB cases (running and ended) by outcome; kesken = running",
        counts(hb.cases().outcomes(), "outcome")));
    Map<String, Double> municipalities = new LinkedHashMap<>();
    hb.byMunicipality().forEach(c -> municipalities.merge(municipality(c.key()), (double) c.count(), Double::sum));
    series.add(gauge("hb_cases_by_municipality", "HB cases by the client's municipality (kotikunta)",
        points(municipalities, "municipality")));
    List<GaugeDataPointSnapshot> steps = new ArrayList<>();
    hb.openByStep().forEach(s -> steps.add(point(s.count(), "step", s.key(), "step_name", s.label())));
    series.add(gauge("hb_cases_open_by_step", "Running HB cases by their current step", steps));

    series.add(clockGauge(hb, "hb_lead_time_median_days",
        "Median lead time in days from the opening of the case to the event of the legal clock",
        c -> c.medianDays() == null ? Double.NaN : c.medianDays()));
    series.add(clockGauge(hb, "hb_lead_time_p90_days", "90th percentile of the lead time in days",
        c -> c.p90Days() == null ? Double.NaN : c.p90Days()));
    series.add(clockGauge(hb, "hb_clock_overdue_ratio",
        "Share of cases past the legal clock's last day among those met or overdue (0-1)",
        c -> c.overdueShare() == null ? Double.NaN : c.overdueShare()));
    List<GaugeDataPointSnapshot> clockCases = new ArrayList<>();
    for (Clock c : hb.clocks()) {
      clockCases.add(point(c.onTime(), "clock", c.clock(), "status", "on_time"));
      clockCases.add(point(c.overdue(), "clock", c.clock(), "status", "overdue"));
      clockCases.add(point(c.pending(), "clock", c.clock(), "status", "pending"));
    }
    series.add(gauge("hb_clock_cases", "HB cases per legal clock: met on time, overdue, not yet due", clockCases));

    series.add(gauge("hb_rectification_requests", "Rectification requests (oikaisuvaatimukset): all, in handling",
        List.of(point(hb.rectification().requests(), "state", "all"),
            point(hb.rectification().pending(), "state", "pending"))));
    series.add(gauge("hb_rectification_outcomes", "HB cases by the latest ruling on a rectification request",
        List.of(point(hb.rectification().upheld(), "outcome", "hyvaksytty"),
            point(hb.rectification().rejected(), "outcome", "hylatty"))));

    series.add(single("hb_budget_granted_cases", "HB cases with a granted budget", hb.budget().grantedCases()));
    series.add(single("hb_budget_granted_cents", "Granted budgets of their periods, euro cents",
        hb.budget().grantedCents()));
    series.add(single("hb_budget_annual_cents", "Granted budgets per year, euro cents", hb.budget().annualCents()));
    series.add(single("hb_budget_used_cents", "Used of the granted budgets, euro cents", hb.budget().usedCents()));

    series.add(gauge("hb_support_model_cases", "HB cases by the support model chosen (tukimalli)",
        counts(hb.supportModels(), "model")));

    series.add(single("hb_satisfaction_responses", "HB cases with client feedback given",
        hb.satisfaction().responses()));
    series.add(single("hb_satisfaction_mean", "Mean client satisfaction 1-5 (latest feedback of each case)",
        hb.satisfaction().mean() == null ? Double.NaN : hb.satisfaction().mean()));
    List<GaugeDataPointSnapshot> scores = new ArrayList<>();
    hb.satisfaction().distribution().forEach((score, n) -> scores.add(point(n, "score", String.valueOf(score))));
    series.add(gauge("hb_satisfaction_cases", "HB cases by client satisfaction, rounded down to 1-5", scores));
    series.add(gauge("hb_transition_cases", "Running HB cases decided under the old law (siirtymaajanPaatos): all, "
        + "re-decision due within 90 days or past, past", List.of(point(hb.transition().open(), "state", "open"),
        point(hb.transition().dueSoon(), "state", "due_within_90_days"),
        point(hb.transition().past(), "state", "past_due"))));
    series.add(single("hb_figures_computed_timestamp_seconds", "When the hb_ figures were computed (cached)",
        Instant.parse(hb.computedAt()).getEpochSecond()));

    engine(engine).forEach(series::add);
    return new MetricSnapshots(series);
  }

  /** The engine's series alone. */
  public static MetricSnapshots engine(EngineFigures engine) {
    List<MetricSnapshot> series = new ArrayList<>();
    series.add(gauge("hb_engine_jobs", "Engine jobs: executable (due, retries left), failed (no retries left)",
        List.of(point(engine.executableJobs(), "state", "executable"), point(engine.failedJobs(), "state", "failed"))));
    series.add(gauge("hb_engine_incidents_open", "Open engine incidents by type",
        points(toDouble(engine.openIncidents()), "type")));
    series.add(gauge("hb_engine_tasks_open", "Open user tasks by candidate group",
        points(toDouble(engine.openTasksByGroup()), "candidate_group")));
    return new MetricSnapshots(series);
  }

  /** A municipality of the county by its name, anything else {@code muu}. */
  static String municipality(String recorded) {
    if (recorded == null || MunicipalityGroups.of(recorded).equals(MunicipalityGroups.OTHER)) {
      return "muu";
    }
    String lower = recorded.trim().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  private static MetricSnapshot clockGauge(HbFigures hb, String name, String help, ToDoubleFunction<Clock> value) {
    List<GaugeDataPointSnapshot> points = new ArrayList<>();
    hb.clocks().forEach(c -> points.add(point(value.applyAsDouble(c), "clock", c.clock())));
    return gauge(name, help, points);
  }

  private static List<GaugeDataPointSnapshot> counts(List<Count> counts, String label) {
    List<GaugeDataPointSnapshot> points = new ArrayList<>();
    counts.forEach(c -> points.add(point(c.count(), label, c.key())));
    return points;
  }

  private static List<GaugeDataPointSnapshot> points(Map<String, Double> values, String label) {
    List<GaugeDataPointSnapshot> points = new ArrayList<>();
    values.forEach((key, value) -> points.add(point(value, label, key)));
    return points;
  }

  private static Map<String, Double> toDouble(Map<String, Long> values) {
    Map<String, Double> d = new LinkedHashMap<>();
    values.forEach((k, v) -> d.put(k, v.doubleValue()));
    return d;
  }

  private static GaugeDataPointSnapshot point(double value, String... labels) {
    return GaugeDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build();
  }

  private static MetricSnapshot single(String name, String help, double value) {
    return gauge(name, help, List.of(GaugeDataPointSnapshot.builder().value(value).build()));
  }

  private static MetricSnapshot gauge(String name, String help, List<GaugeDataPointSnapshot> points) {
    GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
    points.forEach(gauge::dataPoint);
    return gauge.build();
  }
}
