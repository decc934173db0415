package fi.hbflow.budget;

import java.math.BigDecimal;

/**
 * A row of the price table (yksikköhinta): the service's Finnish name, the unit, the organisation's own unit cost in
 * euros, where the figure comes from, the largest amount per month that is plausible (more is a typing error), and the
 * legal basis of the service ("Vammaispalvelulaki 675/2023 18 §"; empty when the row names none).
 */
public record UnitPrice(String serviceName, String unit, BigDecimal euros, String source, int maxPerMonth, String legalBasis) {

  public UnitPrice {
    legalBasis = legalBasis == null ? "" : legalBasis;
  }

  public UnitPrice(String serviceName, String unit, BigDecimal euros, String source, int maxPerMonth) {
    this(serviceName, unit, euros, source, maxPerMonth, "");
  }
}
