package fi.hbflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DashboardSelectionTest {

  @Test
  void blankParametersMeanNoLimit() {
    DashboardSelection filter = DashboardSelection.of("", "  ", null);
    assertThat(filter.all()).isTrue();
    assertThat(filter).isEqualTo(DashboardSelection.ALL);
    assertThat(filter.includes(null, "")).isTrue();
  }

  @Test
  void monthsAreAnInclusiveRangeAndTheMunicipalityExact() {
    DashboardSelection filter = DashboardSelection.of("2026-02", "2026-05", "Imatra");
    assertThat(filter.all()).isFalse();
    assertThat(filter.includes("2026-02", "Imatra")).isTrue();
    assertThat(filter.includes("2026-05", "Imatra")).isTrue();
    assertThat(filter.includes("2026-01", "Imatra")).isFalse();
    assertThat(filter.includes("2026-06", "Imatra")).isFalse();
    assertThat(filter.includes("2026-03", "Lemi")).isFalse();
    assertThat(filter.includes(null, "Imatra")).isFalse();
    // "" selects the cases without a municipality
    assertThat(DashboardSelection.of(null, null, "").includes("2026-03", "")).isTrue();
    assertThat(DashboardSelection.of(null, null, "").all()).isFalse();
  }

  @Test
  void aMalformedOrReversedSelectionIsRefusedInFinnish() {
    assertThatThrownBy(() -> DashboardSelection.of("2026-13", null, null)).hasMessageContaining("vvvv-kk");
    assertThatThrownBy(() -> DashboardSelection.of(null, "6/2026", null)).hasMessageContaining("Loppukuukausi");
    assertThatThrownBy(() -> DashboardSelection.of("2026-06", "2026-01", null)).hasMessageContaining("jälkeen");
    assertThatThrownBy(() -> DashboardSelection.of(null, null, "x".repeat(101))).hasMessageContaining("liian pitkä");
  }
}
