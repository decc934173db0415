package fi.hbflow.ledger;

import fi.hbflow.budget.Money;
import fi.hbflow.forms.FormRules;
import fi.hbflow.forms.FormValues;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The server-side checks of the budget-use ledger's two forms ({@code hb-budjetin-kaytto}): an expense
 * ({@code Task_Kulut}) and the handling of a use alert ({@code Task_KayttoHalytys}).
 *
 * <p>An expense is refused when it is zero, negative, absurd (over {@value #MAX_EXPENSE_EUROS} €), in the future, or
 * dated outside the budget period. An expense over the remaining budget is <em>not</em> refused: the money was spent
 * and the record must not be lost; the ledger records it and always raises the alert.
 */
public final class LedgerRules {

  public static final String EXPENSE_TASK = "Task_Kulut";
  public static final String ALERT_TASK = "Task_KayttoHalytys";

  public static final long MAX_EXPENSE_EUROS = 1_000_000L;
  public static final long MAX_EXPENSE_CENTS = MAX_EXPENSE_EUROS * 100;
  public static final Set<String> ALERT_ACTIONS = Set.of("jatketaan", "seuranta_aikaistetaan", "budjetti_tarkistetaan");

  private LedgerRules() {
  }

  /** The rules of both tasks, for {@code ProcessBeans.formRules}. */
  public static List<FormRules> all() {
    return List.of(FormRules.of(EXPENSE_TASK, LedgerRules::expense), FormRules.of(ALERT_TASK, LedgerRules::alert));
  }

  /** One checked expense. */
  public record Expense(LocalDate date, long cents, String description) {
  }

  /**
   * Checks the expense form against the ledger's period ({@code budjettikaudenAlku}, {@code budjettikaudenPituusKk});
   * returns the expense, or null with the problems recorded in {@code form}.
   */
  public static Expense expense(FormValues form) {
    LocalDate start = form.date("budjettikaudenAlku", "Budjettikauden alku", false);
    Integer months = form.integer("budjettikaudenPituusKk", "Budjettikauden pituus", 1, fi.hbflow.casefile.HbCaseFile.BUDGET_PERIOD_MAX_MONTHS, false);
    if (start == null || months == null) {
      form.problem("Budjetin käytön seurannasta puuttuu budjettikausi, joten kulua ei voi kohdistaa siihen.");
    }
    LocalDate date = form.pastDate("kulunPaiva", "Kulun päivä", true, start, "budjettikausi alkoi");
    if (date != null && start != null && months != null) {
      LocalDate last = start.plusMonths(months).minusDays(1);
      if (date.isAfter(last)) {
        form.problem("Kulun päivä " + date + " on budjettikauden jälkeen (kausi " + start + "–" + last + ").");
      }
    }
    Long cents = form.money("kulunSumma", "Kulun summa", true);
    if (cents != null && cents == 0) {
      form.problem("Kulun summa ei voi olla 0.");
    } else if (cents != null && cents > MAX_EXPENSE_CENTS) {
      form.problem("Kulun summa " + Money.format(cents) + " on epäuskottavan suuri (yksi kulu enintään "
          + Money.format(MAX_EXPENSE_CENTS) + "): tarkista summa.");
    }
    String description = form.text("kulunSelite", "Kulun selite", true, 3, 500);
    if (form.user() != null) {
      form.derive("kulunKirjaaja", form.user());
    }
    if (form.hasProblems()) {
      return null;
    }
    return new Expense(date, cents, description);
  }

  static void alert(FormValues form) {
    form.text("halytyksenSelvitys", "Selvitys", true, 10, FormValues.MAX_TEXT);
    form.choice("halytyksenToimenpide", "Toimenpide", ALERT_ACTIONS, true);
    if (form.user() != null) {
      form.derive("halytyksenKasittelija", form.user());
    }
  }

}
