package fi.hbflow.engine;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * Evaluates the latest deployed version of a DMN table the process owner edits (prices, task routing) in memory,
 * without writing a historic decision instance for every look-up: a plain DMN engine evaluates the table that the
 * process engine has already parsed into its deployment cache (where a deployed definition is a {@link DmnDecision}).
 */
public class DmnTables {

  /** Without the process engine's history listeners: a price look-up is not a business decision to keep. */
  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final ProcessEngine engine;

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
      DmnDecision decision = (DmnDecision) engine.getRepositoryService().getDecisionDefinition(latest.getId());
      return new Table(DMN, decision, decisionKey + " v" + latest.getVersion());
    });
  }

  /** One deployed version of a table. */
  public record Table(DmnEngine dmnEngine, DmnDecision decision, String version) {
    public DmnDecisionTableResult evaluate(Map<String, Object> inputs) {
      return dmnEngine.evaluateDecisionTable(decision, inputs);
    }
  }
}
