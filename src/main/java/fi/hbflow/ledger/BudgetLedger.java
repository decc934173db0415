package fi.hbflow.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.hbflow.budget.Money;
import fi.hbflow.engine.CurrentUser;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.engine.RunningInstances;
import fi.hbflow.forms.FormRejected;
import fi.hbflow.casefile.CaseFile;
import fi.hbflow.casefile.HbCaseFile;
import fi.hbflow.casefile.LedgerCaseFile;
import fi.hbflow.forms.FormValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The budget-use ledger of an implemented HB case: process {@code hb-budjetin-kaytto}, one running instance per case,
 * with the case's business key. The HB service process opens it with {@code ${budgetLedger.open(execution)}} and
 * closes it with {@code ${budgetLedger.close(execution)}}; the ledger's model calls the other methods.
 *
 * <p>An expense is recorded in the transaction of the worker's (or the integration's) form: refused, nothing changes;
 * accepted, it is in {@code kulut} for good. The totals and display strings are mirrored to the HB case, so its own
 * forms and Cockpit show the use without opening the ledger.
 */
public class BudgetLedger {

  public static final String PROCESS_KEY = "hb-budjetin-kaytto";
  public static final String CLOSE_MESSAGE = "HB_KAYTTO_PAATTYY";
  /** The input parameter of {@code Task_KaytonSeuranta} the process owner edits in the Modeler. */
  public static final String MARGIN_PARAMETER = LedgerCaseFile.ALERT_MARGIN;
  /** How many of the latest expenses the forms list. */
  static final int LATEST_SHOWN = 10;

  private static final Logger LOG = LoggerFactory.getLogger(BudgetLedger.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter FINNISH_DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

  private final ProcessEngine engine;

  public BudgetLedger(ProcessEngine engine) {
    this.engine = engine;
  }

  // --- called by the HB service process ------------------------------------------------------------------------

  /**
   * Opens the ledger of the case's budget: ends any ledger still running for the case (a recalculated budget replaces
   * the old one), then starts a new one with the case's business key, budget and period. Runs in the case's
   * transaction without the worker's authorizations (a worker need not be allowed to start the ledger themselves).
   */
  public void open(DelegateExecution mainCase) {
    String businessKey = businessKey(mainCase);
    HbCaseFile hbCase = HbCaseFile.of(mainCase);
    List<String> problems = new ArrayList<>();
    LocalDate start = CaseFile.collecting(problems, hbCase::budgetPeriodStart);
    Integer months = CaseFile.collecting(problems, hbCase::budgetPeriodMonths);
    Long budget = hbCase.number(HbCaseFile.BUDGET_PERIOD_CENTS);
    if (budget == null || budget < 0) {
      problems.add("Budjettia (budjettiKausiSentit) ei ole laskettu.");
    }
    if (!problems.isEmpty()) {
      throw new ProcessEngineException("Budjetin käytön seurantaa ei voi avata asialle " + businessKey + ": "
          + String.join(" ", problems));
    }
    Map<String, Object> variables = new HashMap<>();
    LedgerCaseFile ledger = LedgerCaseFile.of(variables, variables::put);
    ledger.set(LedgerCaseFile.CASE_ID, mainCase.getProcessInstanceId());
    ledger.set(LedgerCaseFile.CLIENT_NAME, hbCase.raw(HbCaseFile.CLIENT_NAME));
    ledger.set(LedgerCaseFile.BUDGET_CENTS, budget);
    ledger.set(LedgerCaseFile.PERIOD_START, start.toString());
    ledger.set(LedgerCaseFile.PERIOD_MONTHS, months);
    ledger.set(LedgerCaseFile.USED_CENTS, 0L);
    // the columns of the groups' Tasklist filters
    ledger.set(LedgerCaseFile.MUNICIPALITY, hbCase.raw(HbCaseFile.MUNICIPALITY));
    ledger.set(LedgerCaseFile.BUDGET_TOTAL_TEXT, Money.format(budget));
    EngineContext.withoutAuthorization(() -> {
      carryOver(businessKey, start, months, variables);
      endRunningLedgers(businessKey);
      engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, businessKey, variables);
      return null;
    });
  }

  /**
   * A new budget of a case whose ledger runs (a new decision after an upheld rectification request, a recalculation)
   * carries on with the use already recorded: every expense dated within the new period moves to the new ledger with
   * its alerts' history, and counts against the new amount. Expenses before the new period stay in the ended ledger
   * (its history keeps them); nothing is deleted.
   */
  private void carryOver(String businessKey, LocalDate start, int months, Map<String, Object> variables) {
    List<String> running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(businessKey).active().list().stream().map(p -> p.getId()).toList();
    if (running.isEmpty()) {
      return;
    }
    LocalDate end = start.plusMonths(months);
    ArrayNode carried = JSON.createArrayNode();
    ArrayNode alerts = JSON.createArrayNode();
    long used = 0;
    LocalDate latest = null;
    for (String id : running) {
      for (var row : list(engine.getRuntimeService().getVariable(id, LedgerCaseFile.EXPENSES))) {
        LocalDate day = LocalDate.parse(row.get("paiva").asText());
        if (!day.isBefore(start) && day.isBefore(end)) {
          used += row.get("sentit").asLong();
          ObjectNode copy = ((ObjectNode) row).deepCopy();
          copy.put("kaytettyYhteensaSentit", used);
          copy.put("siirretty", true);
          carried.add(copy);
          latest = latest == null || day.isAfter(latest) ? day : latest;
        }
      }
      list(engine.getRuntimeService().getVariable(id, LedgerCaseFile.ALERTS)).forEach(alerts::add);
    }
    variables.put(LedgerCaseFile.EXPENSES, json(carried));
    variables.put(LedgerCaseFile.ALERTS, json(alerts));
    variables.put(LedgerCaseFile.USED_CENTS, used);
    if (latest != null) {
      variables.put(LedgerCaseFile.LATEST_EXPENSE_DATE, latest.toString());
    }
  }

  /** Ends every running ledger of the case (message {@value #CLOSE_MESSAGE}); none running is fine. */
  public void close(DelegateExecution mainCase) {
    String businessKey = businessKey(mainCase);
    EngineContext.withoutAuthorization(() -> {
      endRunningLedgers(businessKey);
      return null;
    });
  }

  private void endRunningLedgers(String businessKey) {
    engine.getRuntimeService().createMessageCorrelation(CLOSE_MESSAGE).processInstanceBusinessKey(businessKey)
        .correlateAll();
  }

  private static String businessKey(DelegateExecution mainCase) {
    String key = mainCase.getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      // without a key the close message would reach every ledger
      throw new ProcessEngineException("HB-asialla " + mainCase.getProcessInstanceId() + " ei ole tunnusta (business key).");
    }
    return key;
  }

  // --- called by the ledger's own model ------------------------------------------------------------------------

  /** Start of the ledger: checks what it was given, starts the lists and the display strings. */
  public void begin(DelegateExecution execution) {
    LedgerCaseFile ledger = LedgerCaseFile.of(execution);
    List<String> problems = new ArrayList<>();
    LocalDate start = CaseFile.collecting(problems, ledger::periodStart);
    CaseFile.collecting(problems, ledger::periodMonths);
    if (ledger.budgetCents() == null) {
      problems.add("Budjetti (budjettiKausiSentit) puuttuu.");
    }
    if (!problems.isEmpty()) {
      throw new ProcessEngineException("Budjetin käytön seurantaa ei voi aloittaa: " + String.join(" ", problems));
    }
    ledger.set(LedgerCaseFile.PERIOD_START, start.toString()); // one form: "2026-07-01"
    if (ledger.usedCents() == null) {
      ledger.set(LedgerCaseFile.USED_CENTS, 0L);
    }
    for (String list : List.of(LedgerCaseFile.EXPENSES, LedgerCaseFile.ALERTS)) {
      if (ledger.raw(list) == null) {
        ledger.set(list, json(JSON.createArrayNode()));
      }
    }
    BudgetUse use = assess(ledger, ledger.usedCents(), EngineContext.today());
    Map<String, Object> shown = display(use);
    shown.forEach(ledger::set);
    ledger.set(LedgerCaseFile.EXPENSES_TEXT, latestLines(list(ledger.raw(LedgerCaseFile.EXPENSES))));
    mirror(ledger, shown);
  }

  /**
   * Käytön seuranta ({@code Task_KaytonSeuranta}, synchronous after {@code Task_Kulut}): checks the expense once more
   * (the same rules as the form: the ledger takes nothing they refuse, even where no form check runs), appends it to
   * {@code kulut}, adds it to {@code kaytettySentit}, decides the alert ({@code halytys}) and mirrors the totals to the
   * case. The expense's form fields are cleared so that the next form starts empty.
   */
  public void record(DelegateExecution execution) {
    // the expense is a submitted form (Task_Kulut or the REST route): checked as one, with its labels
    FormValues form = new FormValues(execution.getVariables(), EngineContext.today(), currentUser(execution));
    LedgerRules.Expense expense = LedgerRules.expense(form);
    if (expense == null) {
      throw FormRejected.because(LedgerRules.EXPENSE_TASK, form.problems());
    }
    LedgerCaseFile ledger = LedgerCaseFile.of(execution);
    String recordedBy = form.user() != null ? form.user() : text(ledger.raw(LedgerCaseFile.EXPENSE_RECORDED_BY));
    long used = ledger.usedCents() + expense.cents();

    // time has elapsed through the latest expense recorded so far: a late invoice of an earlier month does not
    // make the period look younger than it is
    LocalDate latest = expense.date();
    LocalDate previous = ledger.latestExpenseDate();
    if (previous != null && previous.isAfter(latest)) {
      latest = previous;
    }
    BudgetUse use = assess(ledger, used, latest);

    ArrayNode expenses = list(ledger.raw(LedgerCaseFile.EXPENSES));
    ObjectNode row = expenses.addObject();
    row.put("paiva", expense.date().toString());
    row.put("sentit", expense.cents());
    row.put("summa", Money.format(expense.cents()));
    row.put("selite", expense.description());
    row.put("kirjaaja", recordedBy);
    row.put("kirjattu", OffsetDateTime.ofInstant(EngineContext.now(), EngineContext.FINLAND)
        .truncatedTo(ChronoUnit.SECONDS).toString());
    row.put("kaytettyYhteensaSentit", used);
    row.put("halytys", use.alert());

    LedgerCaseFile.EXPENSE_FORM.forEach(name -> ledger.set(name, null));
    ledger.set(LedgerCaseFile.EXPENSES, json(expenses));
    ledger.set(LedgerCaseFile.LATEST_EXPENSE_DATE, latest.toString());
    ledger.set(LedgerCaseFile.EXPENSES_TEXT, latestLines(expenses));
    ledger.set(LedgerCaseFile.ALERT, use.alert());
    ledger.set(LedgerCaseFile.ALERT_REASON, use.alert() ? use.alertReason() : null);
    Map<String, Object> shown = display(use);
    shown.forEach(ledger::set);
    mirror(ledger, shown);
  }

  /**
   * The alert was handled ({@code take} of the flow from {@code Task_KayttoHalytys} back to the expenses): keeps the
   * explanation in {@code halytykset}, mirrors the chosen action to the case and clears the form for the next alert.
   */
  public void alertHandled(DelegateExecution execution) {
    LedgerCaseFile ledger = LedgerCaseFile.of(execution);
    ArrayNode alerts = list(ledger.raw(LedgerCaseFile.ALERTS));
    ObjectNode row = alerts.addObject();
    row.put("syy", text(ledger.raw(LedgerCaseFile.ALERT_REASON)));
    row.put("kaytettySentit", ledger.usedCents());
    row.put("selvitys", text(ledger.raw(LedgerCaseFile.ALERT_EXPLANATION)));
    row.put("toimenpide", text(ledger.raw(LedgerCaseFile.ALERT_ACTION)));
    String handledBy = currentUser(execution);
    row.put("kasittelija", handledBy != null ? handledBy : text(ledger.raw(LedgerCaseFile.ALERT_HANDLED_BY)));
    row.put("kasitelty", OffsetDateTime.ofInstant(EngineContext.now(), EngineContext.FINLAND)
        .truncatedTo(ChronoUnit.SECONDS).toString());
    ledger.set(LedgerCaseFile.ALERTS, json(alerts));
    Map<String, Object> toCase = new LinkedHashMap<>();
    toCase.put(LedgerCaseFile.CASE_ALERT_ACTION, row.get("toimenpide").isNull() ? null : row.get("toimenpide").asText());
    toCase.put(LedgerCaseFile.CASE_ALERT_HANDLED, row.get("kasitelty").asText());
    mirror(ledger, toCase);
    LedgerCaseFile.ALERT_FORM.forEach(name -> ledger.set(name, null));
    ledger.set(LedgerCaseFile.ALERT_REASON, null);
  }

  // --- helpers -------------------------------------------------------------------------------------------------

  private static BudgetUse assess(LedgerCaseFile ledger, long usedCents, LocalDate asOf) {
    LocalDate start = LocalDate.parse(ledger.raw(LedgerCaseFile.PERIOD_START).toString());
    int months = ((Number) ledger.raw(LedgerCaseFile.PERIOD_MONTHS)).intValue();
    long budget = ledger.budgetCents();
    return BudgetUse.assess(start, months, budget, usedCents, asOf, margin(ledger.raw(MARGIN_PARAMETER)));
  }

  /** The process owner's margin; a missing or unreadable one falls back to the default, never stopping a record. */
  static BigDecimal margin(Object parameter) {
    if (parameter == null || parameter.toString().isBlank()) {
      return BudgetUse.DEFAULT_MARGIN;
    }
    try {
      BigDecimal margin = new BigDecimal(parameter.toString().trim().replace(',', '.'));
      if (margin.signum() >= 0 && margin.compareTo(BigDecimal.valueOf(100)) <= 0) {
        return margin;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    LOG.warn(MARGIN_PARAMETER + " '" + parameter + "' is not 0–100 percentage points; using "
        + BudgetUse.DEFAULT_MARGIN);
    return BudgetUse.DEFAULT_MARGIN;
  }

  /** The display strings of the forms (and of the case). */
  static Map<String, Object> display(BudgetUse use) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put(LedgerCaseFile.USED_CENTS, use.usedCents());
    shown.put(LedgerCaseFile.USED_TEXT, Money.format(use.usedCents()));
    shown.put(LedgerCaseFile.BUDGET_TEXT, Money.format(use.budgetCents()));
    shown.put(LedgerCaseFile.REMAINING_TEXT, Money.format(use.remainingCents()));
    shown.put(LedgerCaseFile.USE_TEXT, use.useText());
    shown.put(LedgerCaseFile.ELAPSED_TEXT, use.elapsedText());
    return shown;
  }

  /** Sets the values on the HB case the ledger belongs to, when that case is still running. */
  private void mirror(LedgerCaseFile ledger, Map<String, Object> values) {
    Object caseId = ledger.raw(LedgerCaseFile.CASE_ID);
    if (caseId == null) {
      return;
    }
    Map<String, Object> toCase = new HashMap<>(values);
    toCase.remove(LedgerCaseFile.BUDGET_TEXT); // the case has its own budjettiYhteensa
    EngineContext.withoutAuthorization(() -> {
      if (running(caseId.toString())) {
        engine.getRuntimeService().setVariables(caseId.toString(), toCase);
      }
      return null;
    });
  }

  /**
   * Whether the case runs. Looked up in the command's own entities first: when the case opens the ledger, its latest
   * state is not yet in the database.
   */
  private boolean running(String processInstanceId) {
    return RunningInstances.running(engine, processInstanceId);
  }

  private static String currentUser(DelegateExecution execution) {
    return CurrentUser.idOrNull(execution.getProcessEngineServices().getIdentityService());
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static ArrayNode list(Object variable) {
    try {
      return fi.hbflow.casefile.JsonList.read(variable);
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("Cannot read the ledger list: " + e.getMessage(), e);
    }
  }

  private static Object json(ArrayNode list) {
    return fi.hbflow.casefile.JsonList.value(list);
  }

  /** "3.8.2026 123,45 € – Avustajan palkka 7/2026 (sosiaalityontekija)". */
  private static String line(ObjectNode row) {
    String by = row.get("kirjaaja").isNull() ? "" : " (" + row.get("kirjaaja").asText() + ")";
    return LocalDate.parse(row.get("paiva").asText()).format(FINNISH_DATE) + " " + row.get("summa").asText() + " – "
        + row.get("selite").asText() + by;
  }

  /** Markdown: the latest expenses, newest first. */
  private static String latestLines(ArrayNode expenses) {
    List<String> lines = new ArrayList<>();
    for (int i = expenses.size() - 1; i >= 0 && lines.size() < LATEST_SHOWN; i--) {
      lines.add("- " + line((ObjectNode) expenses.get(i)).replace("*", "\\*").replace("_", "\\_"));
    }
    if (expenses.size() > LATEST_SHOWN) {
      lines.add("- … (kirjauksia yhteensä " + expenses.size() + ")");
    }
    return String.join("\n", lines);
  }
}
