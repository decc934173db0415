package fi.hbflow.support;

import fi.hbflow.engine.EngineContext;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Finds the running HB case ({@code hb-palveluprosessi}) a standalone change of supporter belongs to. The worker who
 * starts the change need not be authorized to read the case: the look-up is the application's own.
 */
final class HbCases {

  static final String MAIN_PROCESS = "hb-palveluprosessi";

  private HbCases() {
  }

  /** The running (not ended) HB case with this business key, or null. */
  static ProcessInstance running(RuntimeService runtime, String caseKey) {
    return EngineContext.withoutAuthorization(() -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(MAIN_PROCESS).processInstanceBusinessKey(caseKey).singleResult());
  }

  /** Whether a support choice is under way for the case: called from it, or a change of supporter started alone. */
  static boolean supportChoiceUnderWay(RuntimeService runtime, ProcessInstance hbCase) {
    return EngineContext.withoutAuthorization(() ->
        runtime.createProcessInstanceQuery().processDefinitionKey(SupportRules.PROCESS)
            .superProcessInstanceId(hbCase.getId()).count() > 0
        || runtime.createProcessInstanceQuery().processDefinitionKey(SupportRules.PROCESS)
            .processInstanceBusinessKey(hbCase.getBusinessKey()).count() > 0);
  }
}
