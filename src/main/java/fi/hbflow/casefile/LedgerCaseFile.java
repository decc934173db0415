package fi.hbflow.casefile;

import fi.hbflow.engine.ScopeVariables;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The case file of {@code hb-budjetin-kaytto} (budjetin käytön seuranta, the ledger of one implemented budget; business
 * key = the HB case's): what {@code fi.hbflow.ledger.BudgetLedger} opens it with, the expense form {@code hb-kulu}, the
 * alert form {@code hb-kayttohalytys}, the lists it keeps and the display strings it mirrors to the HB case.
 */
public final class LedgerCaseFile extends CaseFile {

  public static final String PROCESS = "hb-budjetin-kaytto";

  // --- avattaessa (BudgetLedger.open: copied from the HB case) --------------------------------------------------
  /** HB-asian prosessi-instanssi (id of the HB case the totals are mirrored to) */
  public static final String CASE_ID = "hbAsiaId";
  /** asiakkaan nimi */
  public static final String CLIENT_NAME = HbCaseFile.CLIENT_NAME;
  /** kotikunta (the groups' Tasklist filters, the routing table) */
  public static final String MUNICIPALITY = HbCaseFile.MUNICIPALITY;
  /** budjetti koko kaudelle, senttiä */
  public static final String BUDGET_CENTS = HbCaseFile.BUDGET_PERIOD_CENTS;
  /** budjettikauden alku (kept as an ISO date "2026-07-01") */
  public static final String PERIOD_START = HbCaseFile.BUDGET_PERIOD_START;
  /** budjettikauden pituus, kuukautta: 1–{@value HbCaseFile#BUDGET_PERIOD_MAX_MONTHS} */
  public static final String PERIOD_MONTHS = HbCaseFile.BUDGET_PERIOD_MONTHS;
  /** budjetti yhteensä (display text, the filters' column) */
  public static final String BUDGET_TOTAL_TEXT = HbCaseFile.BUDGET_TOTAL_TEXT;

  // --- kirjanpito (kept by the ledger) ----------------------------------------------------------------------------
  /** käytetty, senttiä (mirrored to the case) */
  public static final String USED_CENTS = HbCaseFile.USED_CENTS;
  /** kulut (Json list: paiva, sentit, summa, selite, kirjaaja, kirjattu, kaytettyYhteensaSentit, halytys[, siirretty]) */
  public static final String EXPENSES = "kulut";
  /** viimeisimmän kulun päivä (ISO date: how far the period has run) */
  public static final String LATEST_EXPENSE_DATE = "viimeisinKulunPaiva";
  /** kulut (the latest expenses, Markdown) */
  public static final String EXPENSES_TEXT = "kulutTeksti";
  /** hälytys (Boolean: the use is over the margin, or over the budget) */
  public static final String ALERT = "halytys";
  /** hälytyksen syy */
  public static final String ALERT_REASON = "halytyksenSyy";
  /** hälytykset (Json list: syy, kaytettySentit, selvitys, toimenpide, kasittelija, kasitelty) */
  public static final String ALERTS = "halytykset";
  /** hälytysraja, prosenttiyksikköä (input parameter of Task_KaytonSeuranta, edited by the process owner) */
  public static final String ALERT_MARGIN = "halytysrajaProsenttiyksikkoa";

  // --- näytettävät (display strings of the forms, mirrored to the case except budjetti) --------------------------
  /** käytetty (display text) */
  public static final String USED_TEXT = "kaytetty";
  /** budjetti (display text) */
  public static final String BUDGET_TEXT = "budjetti";
  /** budjettia jäljellä (display text) */
  public static final String REMAINING_TEXT = "budjettiaJaljella";
  /** käyttöaste (display text) */
  public static final String USE_TEXT = "kayttoaste";
  /** kaudesta kulunut (display text) */
  public static final String ELAPSED_TEXT = "kauttaKulunut";

  // --- kulu (Task_Kulut, form hb-kulu; or POST /hbflow/api/cases/{key}/expenses) ----------------------------------
  /** kulun päivä */
  public static final String EXPENSE_DATE = "kulunPaiva";
  /** kulun summa (euros as typed) */
  public static final String EXPENSE_AMOUNT = "kulunSumma";
  /** kulun selite */
  public static final String EXPENSE_DESCRIPTION = "kulunSelite";
  /** kulun kirjaaja (user id, set by the server) */
  public static final String EXPENSE_RECORDED_BY = "kulunKirjaaja";

  // --- käyttöhälytys (Task_KayttoHalytys, form hb-kayttohalytys) --------------------------------------------------
  /** hälytyksen selvitys */
  public static final String ALERT_EXPLANATION = "halytyksenSelvitys";
  /** hälytyksen toimenpide (jatketaan / seuranta_aikaistetaan / budjetti_tarkistetaan) */
  public static final String ALERT_ACTION = "halytyksenToimenpide";
  /** hälytyksen käsittelijä (user id, set by the server) */
  public static final String ALERT_HANDLED_BY = "halytyksenKasittelija";
  /** käyttöhälytyksen toimenpide (written to the HB case) */
  public static final String CASE_ALERT_ACTION = "kayttoHalytysToimenpide";
  /** käyttöhälytys käsitelty (timestamp, written to the HB case) */
  public static final String CASE_ALERT_HANDLED = "kayttoHalytysKasitelty";

  /** The expense form's fields, cleared after each record so that the next form starts empty. */
  public static final List<String> EXPENSE_FORM = List.of(EXPENSE_DATE, EXPENSE_AMOUNT, EXPENSE_DESCRIPTION,
      EXPENSE_RECORDED_BY);
  /** The alert form's fields, cleared after each alert. */
  public static final List<String> ALERT_FORM = List.of(ALERT_EXPLANATION, ALERT_ACTION, ALERT_HANDLED_BY);

  private LedgerCaseFile(Map<String, ?> variables, BiConsumer<String, Object> writer) {
    super(variables, writer);
  }

  /** The case file of the ledger's execution: reads when asked, writes to the scope (null removes). */
  public static LedgerCaseFile of(VariableScope scope) {
    return new LedgerCaseFile(ScopeVariables.of(scope), removingNulls(scope));
  }

  /** Over plain values (the variables a new ledger starts with, tests); writes go to {@code writer}. */
  public static LedgerCaseFile of(Map<String, ?> variables, BiConsumer<String, Object> writer) {
    return new LedgerCaseFile(variables, writer);
  }

  // ------------------------------------------------------------------------------------------- typed reads

  /** budjettikauden alku, required. */
  public LocalDate periodStart() {
    return HbCaseFile.periodStartOf(this);
  }

  /** budjettikauden pituus, 1–{@value HbCaseFile#BUDGET_PERIOD_MAX_MONTHS}, required. */
  public int periodMonths() {
    return HbCaseFile.periodMonthsOf(this);
  }

  /** The budget in cents when it is stored as a number (as the ledger stores it), else null. */
  public Long budgetCents() {
    return number(BUDGET_CENTS);
  }

  /** The use so far in cents when stored as a number, else null. */
  public Long usedCents() {
    return number(USED_CENTS);
  }

  /** The id of the HB case, or null (a ledger started by hand). */
  public String caseId() {
    return text(CASE_ID);
  }

  /** The latest expense's date recorded so far, or null. */
  public LocalDate latestExpenseDate() {
    return date(LATEST_EXPENSE_DATE, "Viimeisimmän kulun päivä");
  }

  public static List<String> declaredNames() {
    return declaredNames(LedgerCaseFile.class);
  }
}
