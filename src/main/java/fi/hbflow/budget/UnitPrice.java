package fi.hbflow.budget;

import java.math.BigDecimal;

/**
 * A row of the price table (yksikköhinta): the service's Finnish name, the unit, the organisation's own unit cost in
 * euros, where the figure comes from, and the largest amount per month that is plausible (more is a typing error).
 */
public record UnitPrice(String serviceName, String unit, BigDecimal euros, String source, int maxPerMonth) {
}
