package fi.hbflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.hbflow.support.SupportModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The case files' names against what is deployed: every form field key, DMN input and BPMN expression variable of a
 * process is declared in its case file (or is one of the name families, or an exception listed here with its reason),
 * every name a case file declares is used by a model or a form (or is one of the listed server-only names), and
 * {@code docs/variables.md} names every declared variable.
 */
class CaseFileNamesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** DMN inputs that are not case variables: Java builds them for the look-up. */
  private static final Set<String> LOOKUP_INPUTS = Set.of(
      "maaraika", "alkupaiva", // hb-maaraajat: the clock and its start date (fi.hbflow.calendar.LegalClocks)
      "tehtava"); // hb-tehtavien-reititys: the task's id (fi.hbflow.routing.TaskRoutingListener)

  /**
   * Names only server code reads or writes (no model or form has them): the budget's and the plan's computed values
   * read by the decision document, the research export and the ledger; the documents' files; the counters.
   */
  private static final Set<String> SERVER_ONLY = Set.of(
      HbCaseFile.BUDGET_PERIOD_CENTS, HbCaseFile.MONTHLY_AVERAGE_CENTS, HbCaseFile.BUDGET_BREAKDOWN,
      HbCaseFile.PLAN_MONTH_CENTS, HbCaseFile.PLAN_TOTAL_TEXT, HbCaseFile.DECIDER, HbCaseFile.DECIDER_NAME,
      HbCaseFile.DECISION_DOCUMENT, HbCaseFile.RULING_DOCUMENT, HbCaseFile.RECTIFICATION_RULER,
      HbCaseFile.ASSESSMENT_COMPLETED, HbCaseFile.FINAL, HbCaseFile.FINAL_SINCE, HbCaseFile.CLOCKS_TEXT,
      HbCaseFile.BREACHES, HbCaseFile.BREACH_COUNT, HbCaseFile.USED_CENTS, HbCaseFile.EVALUATIONS,
      HbCaseFile.FEEDBACKS, HbCaseFile.SATISFACTION, HbCaseFile.SUPPORT_CHANGES, HbCaseFile.AGE_GROUP,
      HbCaseFile.OUTCOME, HbCaseFile.PRICE_LIST, HbCaseFile.ANNUAL_BUDGET_CENTS,
      // ending at once and the reassessment date: written by fi.hbflow.caseflow.CaseChanges / CaseActionsController,
      // read by LegalClocks (the law version of a new decision)
      HbCaseFile.REASSESSMENT_DATE, HbCaseFile.ENDING_RECORDED_BY, HbCaseFile.OPEN_COMMITMENTS,
      HbCaseFile.ENDED_EARLY_RECORDED,
      SupportCaseFile.CHANGE_RECORDED,
      // the ledger's and the watch's link to their case (the watch's and the ledger's server code only), the ledger's
      // own bookkeeping, who recorded an expense or handled an alert, and what the alert wrote to the case
      LedgerCaseFile.CASE_ID, LedgerCaseFile.LATEST_EXPENSE_DATE, LedgerCaseFile.ALERTS,
      LedgerCaseFile.EXPENSE_RECORDED_BY, LedgerCaseFile.ALERT_HANDLED_BY, LedgerCaseFile.CASE_ALERT_ACTION,
      LedgerCaseFile.CASE_ALERT_HANDLED,
      // SOPIVA counters the server keeps for the reports
      EventCaseFile.STAKEHOLDER_COUNT, EventCaseFile.POSTPONEMENTS);

  @Test
  void everyNameOfTheMainProcessIsDeclaredInHbCaseFile() throws IOException {
    Process main = Process.read("processes/hb-palveluprosessi.bpmn");
    List<String> dmnInputs = new ArrayList<>();
    for (String dmn : List.of("hb-delegointisaannot", "hb-maaraajat", "hb-tehtavien-reititys")) {
      dmnInputs.addAll(dmnInputs(Path.of("processes", dmn + ".dmn")));
    }
    assertThat(dmnInputs).contains("vuosibudjettiSentit", "palvelutyypit", "kotikunta", "tiedoksiantotapa");
    assertDeclared("form field keys of hb-palveluprosessi", main.formKeys(), HbCaseFile.declaredNames());
    assertDeclared("DMN inputs of hb-palveluprosessi's tables",
        dmnInputs.stream().filter(n -> !LOOKUP_INPUTS.contains(n)).toList(), HbCaseFile.declaredNames());
    assertDeclared("variables of hb-palveluprosessi.bpmn", main.expressionVariables(), HbCaseFile.declaredNames());
  }

  @Test
  void everyNameOfTheSupportProcessIsDeclaredInSupportCaseFile() throws IOException {
    Process support = Process.read("processes/hb-tuen-valinta.bpmn");
    assertDeclared("form field keys of hb-tuen-valinta", support.formKeys(), SupportCaseFile.declaredNames());
    assertDeclared("variables of hb-tuen-valinta.bpmn", support.expressionVariables(),
        SupportCaseFile.declaredNames());
  }

  /**
   * The other processes: each one's BPMN (its forms, expressions, mappings) against its case file, and the inputs of
   * the DMN it calls. Their user tasks call the routing table through {@code ${taskRouting}}: its input
   * {@code kotikunta} is a variable of the ledger (copied from the case); the watch and the SOPIVA processes have none
   * (no client's municipality: their tasks are routed by the task alone), and {@code hb-asian-muutos} has no user task.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("otherProcesses")
  void everyNameOfTheOtherProcessesIsDeclaredInTheirCaseFile(String process, List<String> declared,
      List<String> tables) throws IOException {
    Process model = Process.read("processes/" + process + ".bpmn");
    assertDeclared("form field keys of " + process, model.formKeys(), declared);
    assertDeclared("variables of " + process + ".bpmn", model.expressionVariables(), declared);
    List<String> dmnInputs = new ArrayList<>();
    for (String dmn : tables) {
      dmnInputs.addAll(dmnInputs(Path.of("processes", dmn + ".dmn")));
    }
    assertDeclared("DMN inputs of " + process + "'s tables",
        dmnInputs.stream().filter(n -> !LOOKUP_INPUTS.contains(n)).toList(), declared);
  }

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> otherProcesses() {
    return java.util.stream.Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(LedgerCaseFile.PROCESS, LedgerCaseFile.declaredNames(),
            List.of("hb-tehtavien-reititys")),
        org.junit.jupiter.params.provider.Arguments.of(ClockWatchCaseFile.PROCESS, ClockWatchCaseFile.declaredNames(),
            List.of()),
        org.junit.jupiter.params.provider.Arguments.of(EventCaseFile.PROCESS, EventCaseFile.declaredNames(),
            List.of()),
        org.junit.jupiter.params.provider.Arguments.of(TrainingCaseFile.PROCESS, TrainingCaseFile.declaredNames(),
            List.of()),
        org.junit.jupiter.params.provider.Arguments.of(CaseChangeCaseFile.PROCESS, CaseChangeCaseFile.declaredNames(),
            List.of()));
  }

  /** Every case file's names, for the checks over all of them. */
  private static List<String> allDeclared() {
    List<String> declared = new ArrayList<>(HbCaseFile.declaredNames());
    declared.addAll(SupportCaseFile.declaredNames());
    declared.addAll(LedgerCaseFile.declaredNames());
    declared.addAll(ClockWatchCaseFile.declaredNames());
    declared.addAll(EventCaseFile.declaredNames());
    declared.addAll(TrainingCaseFile.declaredNames());
    declared.addAll(CaseChangeCaseFile.declaredNames());
    return declared;
  }

  @Test
  void everyDeclaredNameIsUsedByAModelOrAForm() throws IOException {
    StringBuilder deployed = new StringBuilder();
    for (Path dir : List.of(Path.of("processes"), Path.of("forms"))) {
      try (var files = Files.list(dir)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          deployed.append(Files.readString(file)).append('\n');
        }
      }
    }
    Pattern word = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    Set<String> used = new LinkedHashSet<>();
    Matcher m = word.matcher(deployed);
    while (m.find()) {
      used.add(m.group());
    }
    List<String> declared = allDeclared();
    assertThat(declared.stream().filter(n -> !used.contains(n) && !SERVER_ONLY.contains(n)).toList())
        .as("declared in a case file but used by no model or form (remove them, or list them in SERVER_ONLY with why)")
        .isEmpty();
    assertThat(SERVER_ONLY.stream().filter(n -> !declared.contains(n)).toList()).as("SERVER_ONLY but not declared")
        .isEmpty();
  }

  @Test
  void docsVariablesNamesEveryDeclaredName() throws IOException {
    String docs = Files.readString(Path.of("docs/variables.md"));
    List<String> declared = allDeclared();
    assertThat(declared.stream().filter(n -> !docs.contains("`" + n + "`")).toList())
        .as("declared in a case file but missing from docs/variables.md").isEmpty();
    for (String family : HbCaseFile.NAME_FAMILIES.keySet()) {
      assertThat(docs).as("name family %s", family).contains("`" + family);
    }
  }

  @Test
  void theAssessmentFormsBudgetPeriodLimitIsTheCaseFilesOne() throws IOException {
    JsonNode field = findKey(JSON.readTree(Path.of("forms/hb-palvelutarpeen-arviointi.form").toFile()),
        HbCaseFile.BUDGET_PERIOD_MONTHS);
    assertThat(field.path("validate").path("max").asInt()).isEqualTo(HbCaseFile.BUDGET_PERIOD_MAX_MONTHS);
    assertThat(field.path("validate").path("min").asInt()).isEqualTo(1);
  }

  @Test
  void theCaseFileReadsTheValuesAsTheEngineStoresThem() {
    java.util.Map<String, Object> written = new java.util.HashMap<>();
    HbCaseFile file = HbCaseFile.of(java.util.Map.of(HbCaseFile.BUDGET_PERIOD_START, "2026-03-01",
        HbCaseFile.BUDGET_PERIOD_MONTHS, 12L, HbCaseFile.CASE_KEY, " HB-2026-000001 "), written::put);
    assertThat(file.budgetPeriodStart()).isEqualTo(java.time.LocalDate.of(2026, 3, 1));
    assertThat(file.budgetPeriodMonths()).isEqualTo(12);
    assertThat(file.caseKey()).isEqualTo("HB-2026-000001");
    assertThat(file.supportChanges()).isZero();
    file.set(HbCaseFile.PRICE_LIST, "hb-yksikkohinnat v1");
    assertThat(written).containsEntry(HbCaseFile.PRICE_LIST, "hb-yksikkohinnat v1");

    HbCaseFile bad = HbCaseFile.of(java.util.Map.of(HbCaseFile.BUDGET_PERIOD_START, "1.3.2026",
        HbCaseFile.BUDGET_PERIOD_MONTHS, 25), (n, v) -> { });
    List<String> problems = new ArrayList<>();
    assertThat(CaseFile.collecting(problems, bad::budgetPeriodStart)).isNull();
    assertThat(CaseFile.collecting(problems, bad::budgetPeriodMonths)).isNull();
    assertThat(problems).containsExactly("Budjettikauden alku '1.3.2026' ei ole päivämäärä (muoto vvvv-kk-pp).",
        "Budjettikauden pituus: sallittu 1–24, annettu 25.");
    HbCaseFile empty = HbCaseFile.of(java.util.Map.of(), (n, v) -> { });
    problems.clear();
    CaseFile.collecting(problems, empty::budgetPeriodStart);
    CaseFile.collecting(problems, empty::budgetPeriodMonths);
    assertThat(problems).containsExactly("Budjettikauden alku puuttuu.", "Budjettikauden pituus puuttuu.");
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private static void assertDeclared(String what, Collection<String> names, List<String> declared) {
    List<String> missing = names.stream().distinct()
        .filter(n -> !declared.contains(n) && !inFamily(n) && !catalogueVariable(n)).toList();
    assertThat(missing).as("%s not declared in the case file", what).isEmpty();
  }

  private static boolean inFamily(String name) {
    return HbCaseFile.NAME_FAMILIES.keySet().stream().anyMatch(name::startsWith);
  }

  /** A support model's own task's variables are declared by the catalogue (column "Tehtävän muuttujat"). */
  private static boolean catalogueVariable(String name) {
    return SupportModels.shipped().all().stream().anyMatch(m -> m.taskVariables().contains(name));
  }

  private static List<String> dmnInputs(Path dmn) throws IOException {
    Matcher m = Pattern.compile("<inputExpression[^>]*>\\s*<text>([^<]*)</text>").matcher(Files.readString(dmn));
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1).trim().split("[^A-Za-z0-9_]")[0]);
    }
    return names;
  }

  private static JsonNode findKey(JsonNode node, String key) {
    for (JsonNode c : node.path("components")) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
      JsonNode inner = findKey(c, key);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  /** One BPMN file: the keys of its forms and the variables its expressions and mappings name. */
  private record Process(String xml) {

    static Process read(String path) throws IOException {
      return new Process(Files.readString(Path.of(path)).replace("&#34;", "\"").replace("&amp;", "&"));
    }

    List<String> formKeys() throws IOException {
      List<String> keys = new ArrayList<>();
      Matcher ref = Pattern.compile("formRef=\"([^\"]+)\"").matcher(xml);
      while (ref.find()) {
        collectKeys(JSON.readTree(Path.of("forms", ref.group(1) + ".form").toFile()), keys);
      }
      return keys;
    }

    /**
     * Variables in conditions and timers ({@code ${hbSoveltuu == 'kylla'}}), read or written through
     * {@code execution}/{@code task} ({@code getVariable('x')}, {@code setVariable("x", …)}, {@code recordToday(…,
     * "x")}), call-activity mappings, input/output parameters, and candidate groups.
     */
    List<String> expressionVariables() {
      List<String> names = new ArrayList<>();
      find("<bpmn:conditionExpression[^>]*>\\$\\{([^}]*)\\}", 1, expression -> leadingIdentifiers(expression, names));
      find("<bpmn:time(?:Date|Duration|Cycle)[^>]*>\\$\\{([A-Za-z0-9_]+)\\}", 1, names::add);
      find("camunda:candidateGroups=\"\\$\\{([A-Za-z0-9_]+)\\}\"", 1, names::add);
      find("(?:getVariable|setVariable)\\(['\"]([A-Za-z0-9_]+)['\"]", 1, names::add);
      find("recordToday\\([^,]+,\\s*\"([A-Za-z0-9_]+)\"", 1, names::add);
      find("<camunda:(?:in|out) source=\"([^\"]+)\" target=\"([^\"]+)\"", 2, names::add);
      find("<camunda:(?:input|output)Parameter name=\"([^\"]+)\"", 1, names::add);
      return names;
    }

    private void find(String regex, int group, java.util.function.Consumer<String> each) {
      Matcher m = Pattern.compile(regex).matcher(xml);
      while (m.find()) {
        each.accept(m.group(group));
        if (group == 2) {
          each.accept(m.group(1));
        }
      }
    }

    /** Identifiers of a JUEL condition that are variables: not in quotes, not a method, not a bean's property. */
    private static void leadingIdentifiers(String expression, List<String> names) {
      String unquoted = expression.replaceAll("'[^']*'|\"[^\"]*\"", "''");
      Matcher m = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)(?![\\w(.])").matcher(unquoted);
      while (m.find()) {
        String name = m.group(1);
        if (!Set.of("true", "false", "null", "and", "or", "not", "eq", "ne", "empty", "execution", "task")
            .contains(name)) {
          names.add(name);
        }
      }
    }

    private static void collectKeys(JsonNode node, List<String> keys) {
      for (JsonNode c : node.path("components")) {
        if (c.has("key")) {
          keys.add(c.get("key").asText());
        }
        collectKeys(c, keys);
      }
    }
  }
}
