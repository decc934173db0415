package fi.hbflow.budget;

import fi.hbflow.casefile.HbCaseFile;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The budget period (budjettikausi): whole calendar months from the month of its start date, at most
 * {@link HbCaseFile#BUDGET_PERIOD_MAX_MONTHS}.
 */
public record BudgetPeriod(YearMonth firstMonth, int months) {

  public BudgetPeriod {
    if (months < 1 || months > HbCaseFile.BUDGET_PERIOD_MAX_MONTHS) {
      throw new BudgetException("Budjettikauden pituus on 1–" + HbCaseFile.BUDGET_PERIOD_MAX_MONTHS + " kuukautta, annettu " + months + ".");
    }
  }

  public static BudgetPeriod startingOn(LocalDate start, int months) {
    return new BudgetPeriod(YearMonth.from(start), months);
  }

  public List<YearMonth> monthList() {
    return IntStream.range(0, months).mapToObj(firstMonth::plusMonths).toList();
  }

  public YearMonth lastMonth() {
    return firstMonth.plusMonths(months - 1L);
  }
}
