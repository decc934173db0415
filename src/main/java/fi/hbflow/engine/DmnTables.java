package fi.hbflow.engine;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * Evaluates the latest deployed version of a DMN table the process owner edits (prices, task routing) in memory,
 * without writing a historic decision instance for every look-up. The parsed table is cached per deployed
 * definition id, which never changes its content; a new deployment is a new id.
 */
public class DmnTables {

  private final ProcessEngine engine;
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  public DmnTables(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The latest deployed table with the given key, ready to evaluate. */
  public Table latest(String decisionKey) {
    DecisionDefinition definition = EngineContext.withoutAuthorization(() -> engine.getRepositoryService()
        .createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).latestVersion().singleResult());
    if (definition == null) {
      throw new ProcessEngineException("DMN table '" + decisionKey + "' is not deployed");
    }
    DmnDecision decision = parsed.computeIfAbsent(definition.getId(), id -> parse(decisionKey, id));
    return new Table(dmnEngine(), decision, decisionKey + " v" + definition.getVersion());
  }

  private DmnDecision parse(String key, String definitionId) {
    return EngineContext.withoutAuthorization(() -> {
      try (InputStream xml = engine.getRepositoryService().getDecisionModel(definitionId)) {
        return dmnEngine().parseDecision(key, xml);
      } catch (java.io.IOException e) {
        throw new ProcessEngineException("Cannot read DMN table " + definitionId, e);
      }
    });
  }

  private DmnEngine dmnEngine() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngine();
  }

  /** One deployed version of a table. */
  public record Table(DmnEngine dmnEngine, DmnDecision decision, String version) {
    public DmnDecisionTableResult evaluate(Map<String, Object> inputs) {
      return dmnEngine.evaluateDecisionTable(decision, inputs);
    }
  }
}
