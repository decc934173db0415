package fi.hbflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The plain budget-use arithmetic: elapsed share by whole months and days, use share in cents, the alert margin. */
class BudgetUseTest {

  static final BigDecimal MARGIN = BigDecimal.valueOf(15);
  static final LocalDate JULY = LocalDate.of(2026, 7, 1);

  @Test
  void elapsedShareCountsWholeMonthsAndTheDaysOfTheRunningMonthThroughTheEndOfTheDay() {
    // 1.7. itself: one day of July (31 days) of a 12-month period
    assertThat(BudgetUse.elapsedShare(JULY, 12, LocalDate.of(2026, 7, 1))).isEqualTo(new BudgetUse.Fraction(1, 372));
    // through 31.7.: exactly one month
    assertThat(BudgetUse.elapsedShare(JULY, 12, LocalDate.of(2026, 7, 31))).isEqualTo(new BudgetUse.Fraction(31, 372));
    // through 10.8.: 1 month + 10/31 of August
    assertThat(BudgetUse.elapsedShare(JULY, 12, LocalDate.of(2026, 8, 10))).isEqualTo(new BudgetUse.Fraction(41, 372));
    // through 15.10.: 3 months + 15/31 of October
    assertThat(BudgetUse.elapsedShare(JULY, 12, LocalDate.of(2026, 10, 15)).value(4)).isEqualByComparingTo("0.2903");
  }

  @Test
  void monthEndsCountTheWayTheCalendarDoes() {
    LocalDate endOfJanuary = LocalDate.of(2026, 1, 31);
    // 31.1. + 1 month = 28.2.: through 27.2. (= up to 28.2.) one whole month has elapsed
    BudgetUse.Fraction f = BudgetUse.elapsedShare(endOfJanuary, 6, LocalDate.of(2026, 2, 27));
    assertThat(f.value(6)).isEqualByComparingTo(BigDecimal.ONE.divide(BigDecimal.valueOf(6), 6, java.math.RoundingMode.HALF_UP));
  }

  @Test
  void exactlyAtTheMarginIsNoAlertOneCentMoreIs() {
    LocalDate january = LocalDate.of(2026, 1, 1);
    LocalDate endOfMarch = LocalDate.of(2026, 3, 31); // 3 of 12 months = 25 %
    BudgetUse atMargin = BudgetUse.assess(january, 12, 100_000, 40_000, endOfMarch, MARGIN); // 40 % − 25 % = 15
    assertThat(atMargin.alert()).isFalse();
    assertThat(atMargin.aheadPercentagePoints()).isEqualByComparingTo("15.0");
    BudgetUse oneCentMore = BudgetUse.assess(january, 12, 100_000, 40_001, endOfMarch, MARGIN);
    assertThat(oneCentMore.alert()).isTrue();
    assertThat(oneCentMore.overBudget()).isFalse();
    assertThat(oneCentMore.alertReason()).isEqualTo("Budjetista on käytetty 40 %, budjettikaudesta on kulunut 25 %: "
        + "käyttö on 15 prosenttiyksikköä kautta edellä (hälytysraja 15).");
  }

  @Test
  void exactCentsOfARealBudgetAroundTheMargin() {
    long budget = 2_212_740; // 22 127,40 €
    LocalDate day = LocalDate.of(2026, 8, 10); // elapsed 41/372
    // the margin is crossed between these two cents: 100·u·372 − 100·b·41 > 15·b·372  ⇔  u > 575 788,258...
    assertThat(BudgetUse.assess(JULY, 12, budget, 575_788, day, MARGIN).alert()).isFalse();
    assertThat(BudgetUse.assess(JULY, 12, budget, 575_789, day, MARGIN).alert()).isTrue();
    BudgetUse use = BudgetUse.assess(JULY, 12, budget, 575_789, day, MARGIN);
    assertThat(use.useText()).isEqualTo("26 %");
    assertThat(use.elapsedText()).isEqualTo("11 %");
    assertThat(use.remainingCents()).isEqualTo(1_636_951);
    assertThat(use.useShare()).isEqualByComparingTo("0.2602");
  }

  @Test
  void aPeriodThatStartsInTheFutureHasNothingElapsed() {
    LocalDate before = LocalDate.of(2026, 6, 15);
    assertThat(BudgetUse.elapsedShare(JULY, 12, before)).isEqualTo(new BudgetUse.Fraction(0, 1));
    assertThat(BudgetUse.elapsedShare(JULY, 12, LocalDate.of(2026, 6, 30))).isEqualTo(new BudgetUse.Fraction(0, 1));
    assertThat(BudgetUse.assess(JULY, 12, 100_000, 15_000, before, MARGIN).alert()).isFalse();
    assertThat(BudgetUse.assess(JULY, 12, 100_000, 15_001, before, MARGIN).alert()).isTrue();
    assertThat(BudgetUse.assess(JULY, 12, 100_000, 0, before, MARGIN).elapsedText()).isEqualTo("0 %");
  }

  @Test
  void theLastMonthAndTheLastDay() {
    // through 15.6.2027: 11 months + 15/30 of June
    assertThat(BudgetUse.elapsedShare(JULY, 12, LocalDate.of(2027, 6, 15))).isEqualTo(new BudgetUse.Fraction(345, 360));
    // the last day of the period: all of it has elapsed, and after it too
    assertThat(BudgetUse.elapsedShare(JULY, 12, LocalDate.of(2027, 6, 30))).isEqualTo(new BudgetUse.Fraction(1, 1));
    assertThat(BudgetUse.elapsedShare(JULY, 12, LocalDate.of(2027, 9, 1))).isEqualTo(new BudgetUse.Fraction(1, 1));
    // all used on the last day: no alert; one cent more: over the budget, always an alert
    LocalDate lastDay = LocalDate.of(2027, 6, 30);
    BudgetUse allUsed = BudgetUse.assess(JULY, 12, 2_212_740, 2_212_740, lastDay, MARGIN);
    assertThat(allUsed.alert()).isFalse();
    assertThat(allUsed.useText()).isEqualTo("100 %");
    BudgetUse over = BudgetUse.assess(JULY, 12, 2_212_740, 2_212_741, lastDay, MARGIN);
    assertThat(over.alert()).isTrue();
    assertThat(over.overBudget()).isTrue();
    assertThat(over.alertReason()).isEqualTo("Kulut ylittävät budjetin: käytetty 22 127,41 €, budjetti 22 127,40 € "
        + "(ylitys 0,01 €).");
  }

  @Test
  void overTheBudgetAlertsWhateverTheMargin() {
    assertThat(BudgetUse.assess(JULY, 12, 100_000, 100_001, LocalDate.of(2027, 6, 30), BigDecimal.valueOf(100)).alert())
        .isTrue();
    assertThat(BudgetUse.assess(JULY, 12, 0, 1, LocalDate.of(2026, 9, 1), MARGIN).alert()).isTrue();
    assertThat(BudgetUse.assess(JULY, 12, 0, 0, LocalDate.of(2026, 9, 1), MARGIN).alert()).isFalse();
  }

  @Test
  void aDecimalMarginIsExactToo() {
    LocalDate january = LocalDate.of(2026, 1, 1);
    LocalDate endOfMarch = LocalDate.of(2026, 3, 31);
    BigDecimal margin = new BigDecimal("12.5");
    assertThat(BudgetUse.assess(january, 12, 100_000, 37_500, endOfMarch, margin).alert()).isFalse();
    assertThat(BudgetUse.assess(january, 12, 100_000, 37_501, endOfMarch, margin).alert()).isTrue();
    assertThat(BudgetUse.assess(january, 12, 100_000, 37_501, endOfMarch, margin).alertReason())
        .contains("hälytysraja 12,5");
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> BudgetUse.assess(JULY, 0, 1, 0, JULY, MARGIN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BudgetUse.assess(JULY, 12, 1, -1, JULY, MARGIN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theProcessOwnersMarginFallsBackToTheDefaultWhenUnreadable() {
    assertThat(BudgetLedger.margin("15")).isEqualByComparingTo("15");
    assertThat(BudgetLedger.margin("12,5")).isEqualByComparingTo("12.5");
    assertThat(BudgetLedger.margin(20)).isEqualByComparingTo("20");
    assertThat(BudgetLedger.margin(null)).isEqualByComparingTo("15");
    assertThat(BudgetLedger.margin("15 %")).isEqualByComparingTo("15");
    assertThat(BudgetLedger.margin("-3")).isEqualByComparingTo("15");
  }
}
