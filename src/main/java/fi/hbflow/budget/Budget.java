package fi.hbflow.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A calculated personal budget (henkilökohtainen budjetti): its lines, month totals and period total, in cents. */
public record Budget(BudgetPeriod period, List<BudgetLine> lines, String priceListVersion) {

  public Map<YearMonth, Long> monthlyTotals() {
    Map<YearMonth, Long> totals = new LinkedHashMap<>();
    period.monthList().forEach(m -> totals.put(m, 0L));
    lines.forEach(l -> totals.merge(l.month(), l.cents(), Long::sum));
    return totals;
  }

  public long totalCents() {
    return lines.stream().mapToLong(BudgetLine::cents).sum();
  }

  /** The period total scaled to twelve months (what the delegation rules compare), rounded half-up to cents. */
  public long annualCents() {
    return BigDecimal.valueOf(totalCents()).multiply(BigDecimal.valueOf(12))
        .divide(BigDecimal.valueOf(period.months()), 0, RoundingMode.HALF_UP).longValueExact();
  }

  /** The average month, rounded half-up to cents. */
  public long averageMonthCents() {
    return BigDecimal.valueOf(totalCents())
        .divide(BigDecimal.valueOf(period.months()), 0, RoundingMode.HALF_UP).longValueExact();
  }

  public List<String> serviceTypes() {
    return lines.stream().map(BudgetLine::serviceType).distinct().toList();
  }
}
