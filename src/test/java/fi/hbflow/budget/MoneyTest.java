package fi.hbflow.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void parsesWhatWorkersTypeExactly() {
    assertThat(Money.parseCents("1234,5")).isEqualTo(123450);
    assertThat(Money.parseCents("1234.50")).isEqualTo(123450);
    assertThat(Money.parseCents(" 1 234,05 ")).isEqualTo(123405);
    assertThat(Money.parseCents("0,1")).isEqualTo(10);
    assertThat(Money.parseCents("9999999,99")).isEqualTo(999999999);
  }

  @Test
  void refusesNegativeAndNonsense() {
    assertThatThrownBy(() -> Money.parseCents("-5")).hasMessageContaining("negatiivinen");
    assertThatThrownBy(() -> Money.parseCents("12,345")).hasMessageContaining("ei ole euromäärä");
    assertThatThrownBy(() -> Money.parseCents("12e3")).hasMessageContaining("ei ole euromäärä");
    assertThatThrownBy(() -> Money.parseCents("10000000")).hasMessageContaining("ei ole euromäärä");
  }

  @Test
  void formatsTheFinnishWay() {
    assertThat(Money.format(1234567L)).isEqualTo("12 345,67 €");
    assertThat(Money.format(5L)).isEqualTo("0,05 €");
    assertThat(Money.format(100000000L)).isEqualTo("1 000 000,00 €");
    assertThat(Money.format(new java.math.BigDecimal("31.005"))).isEqualTo("31,01 €");
  }
}
