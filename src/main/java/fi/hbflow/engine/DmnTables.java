package fi.hbflow.engine;

import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * Evaluates the latest deployed version of a DMN table the process owner edits (prices, task routing) in memory,
 * without writing a historic decision instance for every look-up: a plain DMN engine evaluates the table that the
 * process engine has already parsed into its deployment cache (where a deployed definition is a {@link DmnDecision}).
 *
 * <p>Which version is the latest is asked from the database at every look-up (a process owner may deploy a new one on
 * any node). A deployed version never changes, so its answers are kept: the same inputs to the same version give the
 * same row (the routing of a task, the price of a service on a day), and the FEEL evaluation is the costly part of a
 * look-up.
 */
public class DmnTables {

  /**
   * Without the process engine's history listeners: a price look-up is not a business decision to keep. Under the
   * same expression rules as the process engine's own (see {@link ModelSafetyPlugin#standaloneDmnEngine}).
   */
  private static final DmnEngine DMN = ModelSafetyPlugin.standaloneDmnEngine();
  /** Answers kept per table version, at most; then that version's answers are forgotten and kept anew. */
  static final int MAX_ANSWERS = 10_000;
  private static final int MAX_VERSIONS = 64;

  private final ProcessEngine engine;
  /** The deployed versions looked up so far, by decision definition id. */
  private final Map<String, Table> versions = new ConcurrentHashMap<>();

  public DmnTables(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The latest deployed table with the given key, ready to evaluate. */
  public Table latest(String decisionKey) {
    return EngineContext.withoutAuthorization(() -> {
      DecisionDefinition latest = engine.getRepositoryService().createDecisionDefinitionQuery()
          .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
      if (latest == null) {
        throw new ProcessEngineException("DMN table '" + decisionKey + "' is not deployed");
      }
      Table known = versions.get(latest.getId());
      if (known != null) {
        return known;
      }
      DmnDecision decision = (DmnDecision) engine.getRepositoryService().getDecisionDefinition(latest.getId());
      if (versions.size() >= MAX_VERSIONS) {
        versions.clear(); // tests deploy and delete the same tables again and again
      }
      Table table = new Table(DMN, decision, decisionKey + " v" + latest.getVersion());
      versions.put(latest.getId(), table);
      return table;
    });
  }

  /** One deployed version of a table, with the answers it has given. */
  public static final class Table {
    private final DmnEngine dmnEngine;
    private final DmnDecision decision;
    private final String version;
    private final Map<Map<String, Object>, DmnDecisionTableResult> answers = new ConcurrentHashMap<>();

    public Table(DmnEngine dmnEngine, DmnDecision decision, String version) {
      this.dmnEngine = dmnEngine;
      this.decision = decision;
      this.version = version;
    }

    public DmnEngine dmnEngine() {
      return dmnEngine;
    }

    public DmnDecision decision() {
      return decision;
    }

    public String version() {
      return version;
    }

    /** The table's answer to the inputs (kept when every input is an immutable value). */
    public DmnDecisionTableResult evaluate(Map<String, Object> inputs) {
      if (!inputs.values().stream().allMatch(Table::immutable)) {
        return dmnEngine.evaluateDecisionTable(decision, inputs);
      }
      Map<String, Object> key = new HashMap<>(inputs);
      DmnDecisionTableResult known = answers.get(key);
      if (known != null) {
        return known;
      }
      DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision, inputs);
      if (answers.size() >= MAX_ANSWERS) {
        answers.clear();
      }
      answers.put(key, result);
      return result;
    }

    private static boolean immutable(Object value) {
      return value == null || value instanceof String || value instanceof Integer || value instanceof Long
          || value instanceof Boolean || value instanceof java.math.BigDecimal || value instanceof Double
          || value instanceof TemporalAccessor && value.getClass().getName().startsWith("java.time.");
    }
  }
}
