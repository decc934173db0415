package fi.hbflow.ledger;

import fi.hbflow.budget.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Does the use of a budget run ahead of its period? Plain arithmetic, exact to the cent: no engine, no doubles.
 *
 * <ul>
 *   <li><b>elapsed share</b> = months elapsed / period months, where months elapsed = whole months from the period
 *   start through the end of the given day, plus the fraction of the month running by days (the day itself counts
 *   as elapsed: on the last day of the period the whole period has elapsed). Before the start it is 0, after the end
 *   1.</li>
 *   <li><b>use share</b> = used cents / budget cents.</li>
 *   <li><b>alert</b> when use share − elapsed share is more than the margin (percentage points; exactly at the margin
 *   is not an alert), and always when more than the whole budget is used.</li>
 * </ul>
 *
 * @param budgetCents  the budget of the whole period
 * @param usedCents    used so far
 * @param elapsed      the elapsed share as an exact fraction
 * @param margin       the margin in percentage points
 * @param alert        whether use runs ahead of the period by more than the margin, or over the budget
 * @param overBudget   whether more than the whole budget is used
 */
public record BudgetUse(long budgetCents, long usedCents, Fraction elapsed, BigDecimal margin, boolean alert,
                        boolean overBudget) {

  /** The process owner's default margin when the model gives none: 15 percentage points. */
  public static final BigDecimal DEFAULT_MARGIN = BigDecimal.valueOf(15);

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** A non-negative fraction {@code numerator / denominator}, kept exact. */
  public record Fraction(long numerator, long denominator) {
    public Fraction {
      if (denominator <= 0 || numerator < 0) {
        throw new IllegalArgumentException("fraction " + numerator + "/" + denominator);
      }
    }

    public BigDecimal value(int scale) {
      return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
    }
  }

  /**
   * @param periodStart  the first day of the budget period
   * @param periodMonths the length of the period in months (at least 1)
   * @param asOf         the day through which time has elapsed (the expense date)
   * @param margin       percentage points, e.g. 15
   */
  public static BudgetUse assess(LocalDate periodStart, int periodMonths, long budgetCents, long usedCents,
                                 LocalDate asOf, BigDecimal margin) {
    if (periodMonths < 1) {
      throw new IllegalArgumentException("period of " + periodMonths + " months");
    }
    if (budgetCents < 0 || usedCents < 0) {
      throw new IllegalArgumentException("negative budget " + budgetCents + " or use " + usedCents);
    }
    Fraction elapsed = elapsedShare(periodStart, periodMonths, asOf);
    boolean overBudget = usedCents > budgetCents;
    boolean ahead;
    if (budgetCents == 0) {
      ahead = usedCents > 0;
    } else {
      // used/budget − n/d > margin/100  ⇔  100·used·d − 100·budget·n > margin·budget·d   (all terms exact)
      BigDecimal d = BigDecimal.valueOf(elapsed.denominator());
      BigDecimal lhs = HUNDRED.multiply(BigDecimal.valueOf(usedCents)).multiply(d)
          .subtract(HUNDRED.multiply(BigDecimal.valueOf(budgetCents)).multiply(BigDecimal.valueOf(elapsed.numerator())));
      BigDecimal rhs = margin.multiply(BigDecimal.valueOf(budgetCents)).multiply(d);
      ahead = lhs.compareTo(rhs) > 0;
    }
    return new BudgetUse(budgetCents, usedCents, elapsed, margin, ahead || overBudget, overBudget);
  }

  /** Months elapsed through the end of {@code asOf} over the period length, as an exact fraction in [0, 1]. */
  public static Fraction elapsedShare(LocalDate periodStart, int periodMonths, LocalDate asOf) {
    LocalDate through = asOf.plusDays(1); // the end of the day
    if (!through.isAfter(periodStart)) {
      return new Fraction(0, 1);
    }
    if (!through.isBefore(periodStart.plusMonths(periodMonths))) {
      return new Fraction(1, 1);
    }
    int whole = (int) ChronoUnit.MONTHS.between(periodStart, through);
    // plusMonths clamps month ends (31.1. + 1 month = 28.2.): count whole months the way plusMonths counts them
    while (whole + 1 < periodMonths && !periodStart.plusMonths(whole + 1).isAfter(through)) {
      whole++;
    }
    while (whole > 0 && periodStart.plusMonths(whole).isAfter(through)) {
      whole--;
    }
    LocalDate monthStart = periodStart.plusMonths(whole);
    long monthDays = ChronoUnit.DAYS.between(monthStart, periodStart.plusMonths(whole + 1L));
    long days = ChronoUnit.DAYS.between(monthStart, through);
    return new Fraction(whole * monthDays + days, monthDays * periodMonths);
  }

  /** The use share, 0..∞ (4 decimals); 0 for a zero budget with no use. */
  public BigDecimal useShare() {
    if (budgetCents == 0) {
      return usedCents == 0 ? BigDecimal.ZERO : BigDecimal.ONE;
    }
    return BigDecimal.valueOf(usedCents).divide(BigDecimal.valueOf(budgetCents), 4, RoundingMode.HALF_UP);
  }

  /** The elapsed share, 0..1 (4 decimals). */
  public BigDecimal elapsedShare() {
    return elapsed.value(4);
  }

  /** How many percentage points use runs ahead of the period (negative when behind), one decimal. */
  public BigDecimal aheadPercentagePoints() {
    BigDecimal use = budgetCents == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(usedCents).multiply(HUNDRED).divide(BigDecimal.valueOf(budgetCents), MathContext.DECIMAL64);
    BigDecimal time = BigDecimal.valueOf(elapsed.numerator()).multiply(HUNDRED)
        .divide(BigDecimal.valueOf(elapsed.denominator()), MathContext.DECIMAL64);
    return use.subtract(time).setScale(1, RoundingMode.HALF_UP);
  }

  public long remainingCents() {
    return budgetCents - usedCents;
  }

  /** "12 %": the budget used, whole percent rounded down (100 % only when all is used). */
  public String useText() {
    if (budgetCents == 0) {
      return usedCents == 0 ? "0 %" : "yli 100 %";
    }
    return BigDecimal.valueOf(usedCents).multiply(HUNDRED)
        .divide(BigDecimal.valueOf(budgetCents), 0, RoundingMode.DOWN).toPlainString() + " %";
  }

  /** "25 %": the period elapsed, whole percent rounded down. */
  public String elapsedText() {
    return BigDecimal.valueOf(elapsed.numerator()).multiply(HUNDRED)
        .divide(BigDecimal.valueOf(elapsed.denominator()), 0, RoundingMode.DOWN).toPlainString() + " %";
  }

  /** Why the use alerts, in Finnish, or null when it does not. */
  public String alertReason() {
    if (!alert) {
      return null;
    }
    if (overBudget) {
      return "Kulut ylittävät budjetin: käytetty " + Money.format(usedCents) + ", budjetti " + Money.format(budgetCents)
          + " (ylitys " + Money.format(usedCents - budgetCents) + ").";
    }
    return "Budjetista on käytetty " + useText() + ", budjettikaudesta on kulunut " + elapsedText() + ": käyttö on "
        + points(aheadPercentagePoints()) + " prosenttiyksikköä kautta edellä (hälytysraja " + points(margin) + ").";
  }

  static String points(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString().replace('.', ',');
  }
}
