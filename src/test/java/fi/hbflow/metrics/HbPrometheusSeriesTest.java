package fi.hbflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.dashboard.DashboardSelection;
import fi.hbflow.dashboard.HbFigures;
import fi.hbflow.dashboard.HbFigures.Budget;
import fi.hbflow.dashboard.HbFigures.Cases;
import fi.hbflow.dashboard.HbFigures.Clock;
import fi.hbflow.dashboard.HbFigures.Count;
import fi.hbflow.dashboard.HbFigures.Options;
import fi.hbflow.dashboard.HbFigures.Rectification;
import fi.hbflow.dashboard.HbFigures.Satisfaction;
import fi.hbflow.dashboard.HbFigures.Transition;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code hb_*} series of given figures, as Prometheus reads them (its text format). */
class HbPrometheusSeriesTest {

  static final HbFigures FIGURES = new HbFigures("2026-06-15T07:00:00Z", DashboardSelection.ALL,
      new Options(List.of("2026-05"), List.of("Imatra", "Lappeenranta", "Tampere", "")),
      new Cases(7, 4, 3, List.of(new Count("kesken", "Kesken", 4), new Count("paattynyt", "HB päättyi", 3))),
      List.of(new Count("2026-05", "5/2026", 7)),
      List.of(new Count("Imatra", "Imatra", 3), new Count("Lappeenranta", "Lappeenranta", 2),
          new Count("Tampere", "Tampere", 1), new Count("", "(ei kuntaa)", 1)),
      List.of(new Count("Task_Arviointi", "Palvelutarpeen arviointi", 3), new Count("Task_Paatos", "HB-päätös", 1)),
      List.of(new Clock("ARVIOINTI_ALKAA", "Vireilletulosta arvioinnin alkuun", 5, 4, 9, 4, 1, 2, 0.2),
          new Clock("TOTEUTUS", "Vireilletulosta toteutukseen", 0, null, null, 0, 0, 3, null)),
      new Rectification(3, 1, 2, 1, 1),
      new Budget(2, 2_212_740L, 2_400_000L, 123_45L, 0.0056),
      List.of(new Count("VERTAISTUKI", "Vertaistuki", 2), new Count("EI_TUKEA", "Ei tukea", 0)),
      new Satisfaction(2, 3.75, Map.of(1, 0L, 2, 0L, 3, 1L, 4, 1L, 5, 0L)), new Transition(4, 2, 1));
  static final EngineFigures ENGINE = new EngineFigures(5, 1, Map.of("failedJob", 1L),
      Map.of("sosiaalityo", 3L, "yksilojaosto", 0L));

  @Test
  void everyFigureIsASeriesWithItsLabels() throws Exception {
    String text = text();
    assertThat(text).contains("hb_cases{outcome=\"kesken\"} 4.0", "hb_cases{outcome=\"paattynyt\"} 3.0",
        "hb_cases_open_by_step{step=\"Task_Arviointi\",step_name=\"Palvelutarpeen arviointi\"} 3.0",
        "hb_lead_time_median_days{clock=\"ARVIOINTI_ALKAA\"} 4.0",
        "hb_transition_cases{state=\"open\"} 4.0", "hb_transition_cases{state=\"due_within_90_days\"} 2.0",
        "hb_transition_cases{state=\"past_due\"} 1.0",
        "hb_lead_time_p90_days{clock=\"ARVIOINTI_ALKAA\"} 9.0",
        "hb_clock_overdue_ratio{clock=\"ARVIOINTI_ALKAA\"} 0.2",
        "hb_clock_cases{clock=\"ARVIOINTI_ALKAA\",status=\"overdue\"} 1.0",
        "hb_clock_cases{clock=\"TOTEUTUS\",status=\"pending\"} 3.0",
        "hb_rectification_requests{state=\"all\"} 3.0", "hb_rectification_requests{state=\"pending\"} 1.0",
        "hb_rectification_outcomes{outcome=\"hyvaksytty\"} 1.0",
        "hb_budget_granted_cents 2212740.0", "hb_budget_used_cents 12345.0", "hb_budget_granted_cases 2.0",
        "hb_support_model_cases{model=\"VERTAISTUKI\"} 2.0", "hb_support_model_cases{model=\"EI_TUKEA\"} 0.0",
        "hb_satisfaction_mean 3.75", "hb_satisfaction_cases{score=\"3\"} 1.0",
        "hb_engine_jobs{state=\"executable\"} 5.0", "hb_engine_jobs{state=\"failed\"} 1.0",
        "hb_engine_incidents_open{type=\"failedJob\"} 1.0",
        "hb_engine_tasks_open{candidate_group=\"sosiaalityo\"} 3.0",
        "hb_figures_computed_timestamp_seconds "
            + (double) java.time.Instant.parse(FIGURES.computedAt()).getEpochSecond());
    // no lead time without completed cases: not a number, not 0
    assertThat(text).contains("hb_lead_time_median_days{clock=\"TOTEUTUS\"} NaN")
        .contains("hb_clock_overdue_ratio{clock=\"TOTEUTUS\"} NaN");
    assertThat(text).contains("# HELP hb_cases ").contains("# TYPE hb_cases gauge");
  }

  @Test
  void municipalitiesOutsideTheCountyAreOneSeries() throws Exception {
    String text = text();
    assertThat(text).contains("hb_cases_by_municipality{municipality=\"Imatra\"} 3.0",
        "hb_cases_by_municipality{municipality=\"Lappeenranta\"} 2.0",
        "hb_cases_by_municipality{municipality=\"muu\"} 2.0"); // Tampere and the case without one
    assertThat(text).doesNotContain("Tampere");
    assertThat(HbPrometheusSeries.municipality("  luumäki ")).isEqualTo("Luumäki");
    assertThat(HbPrometheusSeries.municipality(null)).isEqualTo("muu");
  }

  private static String text() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PrometheusTextFormatWriter(false).write(out, HbPrometheusSeries.of(FIGURES, ENGINE));
    return out.toString(StandardCharsets.UTF_8);
  }
}
