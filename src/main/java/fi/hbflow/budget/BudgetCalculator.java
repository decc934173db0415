package fi.hbflow.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Budjetin laskenta: for each calendar month of the period and each needed service, amount × the unit price valid on
 * that month's first day, rounded to cents half-up per line per month. A price change inside the period therefore
 * applies from the first whole month on which it is valid.
 */
public class BudgetCalculator {

  public Budget calculate(List<ServiceNeed> needs, BudgetPeriod period, PriceList prices) {
    if (needs.isEmpty()) {
      throw new BudgetException("Palvelutarpeita ei ole: merkitse vähintään yksi palvelu ja sen määrä kuukaudessa.");
    }
    List<BudgetLine> lines = new ArrayList<>();
    for (YearMonth month : period.monthList()) {
      for (ServiceNeed need : needs) {
        lines.add(line(month, need, prices));
      }
    }
    return new Budget(period, List.copyOf(lines), prices.version());
  }

  private static BudgetLine line(YearMonth month, ServiceNeed need, PriceList prices) {
    if (need.amountPerMonth() < 0) {
      throw new BudgetException("Palvelun " + need.serviceType() + " määrä ei voi olla negatiivinen (" + need.amountPerMonth() + ").");
    }
    UnitPrice price = prices.priceOn(need.serviceType(), month.atDay(1))
        .orElseThrow(() -> new BudgetException("Palvelulle " + need.serviceType() + " ei ole yksikköhintaa "
            + month.atDay(1) + " alkaen (hinnasto " + prices.version() + "). Tarkista palvelu tai pyydä prosessinomistajaa täydentämään hinnasto."));
    if (price.euros() == null || price.euros().signum() < 0) {
      throw new BudgetException("Palvelun " + need.serviceType() + " yksikköhinta puuttuu tai on negatiivinen hinnastossa " + prices.version() + ".");
    }
    if (need.amountPerMonth() > price.maxPerMonth()) {
      throw new BudgetException("Palvelun " + need.serviceType() + " määrä " + need.amountPerMonth() + " " + price.unit()
          + "/kk ylittää suurimman sallitun määrän " + price.maxPerMonth() + ".");
    }
    long cents = price.euros().multiply(BigDecimal.valueOf(need.amountPerMonth()))
        .movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    return new BudgetLine(month, need.serviceType(), price.serviceName(), need.amountPerMonth(), price.unit(), price.euros(), cents,
        price.source(), price.legalBasis());
  }
}
