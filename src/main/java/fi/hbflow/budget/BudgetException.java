package fi.hbflow.budget;

/** The budget cannot be calculated for a reason the worker can fix (unknown service, missing price, bad amount). */
public class BudgetException extends RuntimeException {
  public BudgetException(String finnishMessage) {
    super(finnishMessage);
  }
}
