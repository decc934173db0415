package fi.hbflow.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.hbflow.budget.Money;
import fi.hbflow.engine.CurrentUser;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.engine.RunningInstances;
import fi.hbflow.forms.FormRejected;
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
  public static final String MARGIN_PARAMETER = "halytysrajaProsenttiyksikkoa";
  /** How many of the latest expenses the forms list. */
  static final int LATEST_SHOWN = 10;

  private static final Logger LOG = LoggerFactory.getLogger(BudgetLedger.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter FINNISH_DATE = DateTimeFormatter.ofPattern("d.M.yyyy");
  private static final List<String> EXPENSE_FORM = List.of("kulunPaiva", "kulunSumma", "kulunSelite", "kulunKirjaaja");
  private static final List<String> ALERT_FORM = List.of("halytyksenSelvitys", "halytyksenToimenpide", "halytyksenKasittelija");

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
    FormValues values = new FormValues(fi.hbflow.engine.ScopeVariables.of(mainCase), null); // reads two values
    LocalDate start = values.date("budjettikaudenAlku", "Budjettikauden alku", true);
    Integer months = values.integer("budjettikaudenPituusKk", "Budjettikauden pituus", 1, fi.hbflow.casefile.HbCaseFile.BUDGET_PERIOD_MAX_MONTHS, true);
    Long budget = cents(mainCase.getVariable("budjettiKausiSentit"));
    if (budget == null || budget < 0) {
      values.problem("Budjettia (budjettiKausiSentit) ei ole laskettu.");
    }
    if (values.hasProblems()) {
      throw new ProcessEngineException("Budjetin käytön seurantaa ei voi avata asialle " + businessKey + ": "
          + String.join(" ", values.problems()));
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("hbAsiaId", mainCase.getProcessInstanceId());
    variables.put("asiakasNimi", mainCase.getVariable("asiakasNimi"));
    variables.put("budjettiKausiSentit", budget);
    variables.put("budjettikaudenAlku", start.toString());
    variables.put("budjettikaudenPituusKk", months);
    variables.put("kaytettySentit", 0L);
    // the columns of the groups' Tasklist filters
    variables.put("kotikunta", mainCase.getVariable("kotikunta"));
    variables.put("budjettiYhteensa", Money.format(budget));
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
      for (var row : list(engine.getRuntimeService().getVariable(id, "kulut"))) {
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
      list(engine.getRuntimeService().getVariable(id, "halytykset")).forEach(alerts::add);
    }
    variables.put("kulut", json(carried));
    variables.put("halytykset", json(alerts));
    variables.put("kaytettySentit", used);
    if (latest != null) {
      variables.put("viimeisinKulunPaiva", latest.toString());
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
  public void begin(DelegateExecution ledger) {
    FormValues values = new FormValues(ledger.getVariables(), null);
    LocalDate start = values.date("budjettikaudenAlku", "Budjettikauden alku", true);
    values.integer("budjettikaudenPituusKk", "Budjettikauden pituus", 1, fi.hbflow.casefile.HbCaseFile.BUDGET_PERIOD_MAX_MONTHS, true);
    if (cents(ledger.getVariable("budjettiKausiSentit")) == null) {
      values.problem("Budjetti (budjettiKausiSentit) puuttuu.");
    }
    if (values.hasProblems()) {
      throw new ProcessEngineException("Budjetin käytön seurantaa ei voi aloittaa: " + String.join(" ", values.problems()));
    }
    ledger.setVariable("budjettikaudenAlku", start.toString()); // one form: "2026-07-01"
    if (cents(ledger.getVariable("kaytettySentit")) == null) {
      ledger.setVariable("kaytettySentit", 0L);
    }
    if (ledger.getVariable("kulut") == null) {
      ledger.setVariable("kulut", json(JSON.createArrayNode()));
    }
    if (ledger.getVariable("halytykset") == null) {
      ledger.setVariable("halytykset", json(JSON.createArrayNode()));
    }
    BudgetUse use = assess(ledger, cents(ledger.getVariable("kaytettySentit")), EngineContext.today());
    Map<String, Object> shown = display(use);
    shown.forEach(ledger::setVariable);
    ledger.setVariable("kulutTeksti", latestLines(list(ledger.getVariable("kulut"))));
    mirror(ledger, shown);
  }

  /**
   * Käytön seuranta ({@code Task_KaytonSeuranta}, synchronous after {@code Task_Kulut}): checks the expense once more
   * (the same rules as the form: the ledger takes nothing they refuse, even where no form check runs), appends it to
   * {@code kulut}, adds it to {@code kaytettySentit}, decides the alert ({@code halytys}) and mirrors the totals to the
   * case. The expense's form fields are cleared so that the next form starts empty.
   */
  public void record(DelegateExecution ledger) {
    FormValues form = new FormValues(ledger.getVariables(), EngineContext.today(), currentUser(ledger));
    LedgerRules.Expense expense = LedgerRules.expense(form);
    if (expense == null) {
      throw FormRejected.because(LedgerRules.EXPENSE_TASK, form.problems());
    }
    String recordedBy = form.user() != null ? form.user() : text(ledger.getVariable("kulunKirjaaja"));
    long used = cents(ledger.getVariable("kaytettySentit")) + expense.cents();

    // time has elapsed through the latest expense recorded so far: a late invoice of an earlier month does not
    // make the period look younger than it is
    LocalDate latest = expense.date();
    Object previous = ledger.getVariable("viimeisinKulunPaiva");
    if (previous != null && LocalDate.parse(previous.toString()).isAfter(latest)) {
      latest = LocalDate.parse(previous.toString());
    }
    BudgetUse use = assess(ledger, used, latest);

    ArrayNode expenses = list(ledger.getVariable("kulut"));
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

    EXPENSE_FORM.forEach(ledger::removeVariable);
    ledger.setVariable("kulut", json(expenses));
    ledger.setVariable("viimeisinKulunPaiva", latest.toString());
    ledger.setVariable("kulutTeksti", latestLines(expenses));
    ledger.setVariable("halytys", use.alert());
    if (use.alert()) {
      ledger.setVariable("halytyksenSyy", use.alertReason());
    } else {
      ledger.removeVariable("halytyksenSyy");
    }
    Map<String, Object> shown = display(use);
    shown.forEach(ledger::setVariable);
    mirror(ledger, shown);
  }

  /**
   * The alert was handled ({@code take} of the flow from {@code Task_KayttoHalytys} back to the expenses): keeps the
   * explanation in {@code halytykset}, mirrors the chosen action to the case and clears the form for the next alert.
   */
  public void alertHandled(DelegateExecution ledger) {
    ArrayNode alerts = list(ledger.getVariable("halytykset"));
    ObjectNode row = alerts.addObject();
    row.put("syy", text(ledger.getVariable("halytyksenSyy")));
    row.put("kaytettySentit", cents(ledger.getVariable("kaytettySentit")));
    row.put("selvitys", text(ledger.getVariable("halytyksenSelvitys")));
    row.put("toimenpide", text(ledger.getVariable("halytyksenToimenpide")));
    String handledBy = currentUser(ledger);
    row.put("kasittelija", handledBy != null ? handledBy : text(ledger.getVariable("halytyksenKasittelija")));
    row.put("kasitelty", OffsetDateTime.ofInstant(EngineContext.now(), EngineContext.FINLAND)
        .truncatedTo(ChronoUnit.SECONDS).toString());
    ledger.setVariable("halytykset", json(alerts));
    Map<String, Object> toCase = new LinkedHashMap<>();
    toCase.put("kayttoHalytysToimenpide", row.get("toimenpide").isNull() ? null : row.get("toimenpide").asText());
    toCase.put("kayttoHalytysKasitelty", row.get("kasitelty").asText());
    mirror(ledger, toCase);
    ALERT_FORM.forEach(ledger::removeVariable);
    ledger.removeVariable("halytyksenSyy");
  }

  // --- helpers -------------------------------------------------------------------------------------------------

  private static BudgetUse assess(DelegateExecution ledger, long usedCents, LocalDate asOf) {
    LocalDate start = LocalDate.parse(ledger.getVariable("budjettikaudenAlku").toString());
    int months = ((Number) ledger.getVariable("budjettikaudenPituusKk")).intValue();
    long budget = cents(ledger.getVariable("budjettiKausiSentit"));
    return BudgetUse.assess(start, months, budget, usedCents, asOf, margin(ledger.getVariable(MARGIN_PARAMETER)));
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
    shown.put("kaytettySentit", use.usedCents());
    shown.put("kaytetty", Money.format(use.usedCents()));
    shown.put("budjetti", Money.format(use.budgetCents()));
    shown.put("budjettiaJaljella", Money.format(use.remainingCents()));
    shown.put("kayttoaste", use.useText());
    shown.put("kauttaKulunut", use.elapsedText());
    return shown;
  }

  /** Sets the values on the HB case the ledger belongs to, when that case is still running. */
  private void mirror(DelegateExecution ledger, Map<String, Object> values) {
    Object caseId = ledger.getVariable("hbAsiaId");
    if (caseId == null) {
      return;
    }
    Map<String, Object> toCase = new HashMap<>(values);
    toCase.remove("budjetti"); // the case has its own budjettiYhteensa
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

  static Long cents(Object value) {
    return value instanceof Number n ? n.longValue() : null;
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
