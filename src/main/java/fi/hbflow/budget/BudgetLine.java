package fi.hbflow.budget;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One service in one month: amount × the unit price valid on the month's first day, rounded half-up to cents, with the
 * service's legal basis from the price table.
 */
public record BudgetLine(YearMonth month, String serviceType, String serviceName, int amount, String unit, BigDecimal unitPrice,
                         long cents, String source, String legalBasis) {

  public BudgetLine {
    legalBasis = legalBasis == null ? "" : legalBasis;
  }

  public BudgetLine(YearMonth month, String serviceType, String serviceName, int amount, String unit, BigDecimal unitPrice,
                    long cents, String source) {
    this(month, serviceType, serviceName, amount, unit, unitPrice, cents, source, "");
  }
}
