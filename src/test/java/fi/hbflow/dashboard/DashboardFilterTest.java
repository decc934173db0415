package fi.hbflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DashboardFilterTest {

  @Test
  void blankParametersMeanNoLimit() {
    DashboardFilter filter = DashboardFilter.of("", "  ", null);
    assertThat(filter.all()).isTrue();
    assertThat(filter).isEqualTo(DashboardFilter.ALL);
    assertThat(filter.includes(null, "")).isTrue();
  }

  @Test
  void monthsAreAnInclusiveRangeAndTheMunicipalityExact() {
    DashboardFilter filter = DashboardFilter.of("2026-02", "2026-05", "Imatra");
    assertThat(filter.all()).isFalse();
    assertThat(filter.includes("2026-02", "Imatra")).isTrue();
    assertThat(filter.includes("2026-05", "Imatra")).isTrue();
    assertThat(filter.includes("2026-01", "Imatra")).isFalse();
    assertThat(filter.includes("2026-06", "Imatra")).isFalse();
    assertThat(filter.includes("2026-03", "Lemi")).isFalse();
    assertThat(filter.includes(null, "Imatra")).isFalse();
    // "" selects the cases without a municipality
    assertThat(DashboardFilter.of(null, null, "").includes("2026-03", "")).isTrue();
    assertThat(DashboardFilter.of(null, null, "").all()).isFalse();
  }

  @Test
  void aMalformedOrReversedSelectionIsRefusedInFinnish() {
    assertThatThrownBy(() -> DashboardFilter.of("2026-13", null, null)).hasMessageContaining("vvvv-kk");
    assertThatThrownBy(() -> DashboardFilter.of(null, "6/2026", null)).hasMessageContaining("Loppukuukausi");
    assertThatThrownBy(() -> DashboardFilter.of("2026-06", "2026-01", null)).hasMessageContaining("jälkeen");
    assertThatThrownBy(() -> DashboardFilter.of(null, null, "x".repeat(101))).hasMessageContaining("liian pitkä");
  }
}
