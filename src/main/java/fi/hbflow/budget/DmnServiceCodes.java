package fi.hbflow.budget;

import fi.hbflow.engine.DmnTables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;

/** The code table {@code hb-palvelukoodit.dmn} (old service code → current code) as {@link ServiceCodes}. */
public class DmnServiceCodes implements ServiceCodes {

  public static final String DECISION_KEY = "hb-palvelukoodit";

  private final DmnTables.Table table;

  public DmnServiceCodes(DmnTables.Table table) {
    this.table = table;
  }

  public static DmnServiceCodes latest(DmnTables tables) {
    return new DmnServiceCodes(tables.latest(DECISION_KEY));
  }

  @Override
  public String current(String code) {
    DmnDecisionTableResult result = table.evaluate(Map.of("palvelutyyppi", code));
    if (result.isEmpty()) {
      return code;
    }
    if (result.size() > 1) {
      throw new BudgetException("Palvelukooditaulussa " + table.version() + " on useampi rivi koodille " + code
          + ": poista päällekkäiset rivit.");
    }
    Object current = result.getSingleResult().getEntry("nykyinenKoodi");
    return current == null || current.toString().isBlank() ? code : current.toString().strip();
  }
}
