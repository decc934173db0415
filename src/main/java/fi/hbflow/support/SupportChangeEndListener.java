package fi.hbflow.support;

import fi.hbflow.engine.EngineContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * End listener of {@code hb-tuen-valinta} ({@code ${supportChangeEnd}}, on the end event "Tuki valittu").
 *
 * <p>First, in either case, the variables of support models other than the chosen one are cleared in this instance (a
 * declined HB-responsible person's answer, an earlier NGO agreement brought in by the call activity), so that what
 * leaves the choice describes only the support the client now has.
 *
 * <p>Called from the HB service process, that is all: the call activity's out-mapping takes the choice to the case.
 * Started alone (a change of supporter), it writes the choice to the running HB case {@code hbAsia} and counts the
 * change there ({@code tuenVaihtoja}). Should the case have ended while the change was under way, nothing is written
 * and the change records {@code tuenVaihtoKirjattu = false}.
 */
public class SupportChangeEndListener implements ExecutionListener {

  public static final String COUNTER = "tuenVaihtoja";
  public static final String RECORDED = "tuenVaihtoKirjattu";

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, Object> support = SupportRules.supportValues(execution.getVariables());
    support.forEach((name, value) -> {
      if (value == null && execution.getVariable(name) != null) {
        execution.setVariable(name, null);
      }
    });
    if (execution.getProcessInstance().getSuperExecution() != null) {
      return;
    }
    String caseKey = execution.getProcessBusinessKey();
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    ProcessInstance hbCase = caseKey == null ? null : HbCases.running(runtime, caseKey);
    if (hbCase == null) {
      execution.setVariable(RECORDED, false);
      return;
    }
    EngineContext.withoutAuthorization(() -> {
      Object count = runtime.getVariable(hbCase.getId(), COUNTER);
      Map<String, Object> values = new LinkedHashMap<>(support);
      values.put(COUNTER, count instanceof Number n ? n.intValue() + 1 : 1);
      runtime.setVariables(hbCase.getId(), values);
      return null;
    });
    execution.setVariable(RECORDED, true);
  }
}
