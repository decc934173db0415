package fi.hbflow.budget;

import fi.hbflow.engine.DmnTables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;

/** The price table {@code hb-yksikkohinnat.dmn} as a {@link PriceList} (one deployed version of it). */
public class DmnPriceList implements PriceList {

  public static final String DECISION_KEY = "hb-yksikkohinnat";

  private final DmnTables.Table table;

  public DmnPriceList(DmnTables.Table table) {
    this.table = table;
  }

  public static DmnPriceList latest(DmnTables tables) {
    return new DmnPriceList(tables.latest(DECISION_KEY));
  }

  @Override
  public Optional<UnitPrice> priceOn(String serviceType, LocalDate day) {
    DmnDecisionTableResult result = table.evaluate(Map.of("palvelutyyppi", serviceType, "paiva", day));
    if (result.isEmpty()) {
      return Optional.empty();
    }
    if (result.size() > 1) {
      throw new BudgetException("Hinnastossa " + version() + " on useampi hinta palvelulle " + serviceType + " päivälle " + day
          + ": korjaa päällekkäiset voimassaoloajat.");
    }
    DmnDecisionRuleResult row = result.getSingleResult();
    return Optional.of(new UnitPrice(
        text(row.getEntry("palvelunNimi"), serviceType),
        text(row.getEntry("yksikko"), ""),
        euros(row.getEntry("hintaEuroa"), serviceType),
        text(row.getEntry("lahde"), ""),
        row.getEntry("enimmaisMaaraKk") == null ? Integer.MAX_VALUE : ((Number) row.getEntry("enimmaisMaaraKk")).intValue(),
        text(row.getEntry("lainkohta"), "")));
  }

  private BigDecimal euros(Object value, String serviceType) {
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new BudgetException("Hinnaston " + version() + " hinta '" + value + "' palvelulle " + serviceType
          + " ei ole luku: kirjoita esim. \"37.50\".");
    }
  }

  private static String text(Object value, String fallback) {
    return value == null ? fallback : value.toString();
  }

  @Override
  public String version() {
    return table.version();
  }
}
