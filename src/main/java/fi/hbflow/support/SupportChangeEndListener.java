package fi.hbflow.support;

import fi.hbflow.casefile.HbCaseFile;
import fi.hbflow.casefile.SupportCaseFile;
import fi.hbflow.engine.EngineContext;
import java.util.LinkedHashMap;
import java.util.List;
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

  public static final String COUNTER = HbCaseFile.SUPPORT_CHANGES;
  public static final String RECORDED = SupportCaseFile.CHANGE_RECORDED;

  @Override
  public void notify(DelegateExecution execution) {
    SupportCaseFile file = SupportCaseFile.of(execution);
    Map<String, Object> support = SupportRules.supportValues(file.variables());
    support.forEach((name, value) -> {
      if (value == null && file.raw(name) != null) {
        file.set(name, null);
      }
    });
    if (SupportCaseFile.calledFromCase(execution)) {
      return;
    }
    String caseKey = execution.getProcessBusinessKey();
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    ProcessInstance hbCase = caseKey == null ? null : HbCases.running(runtime, caseKey);
    if (hbCase == null) {
      file.set(RECORDED, false);
      return;
    }
    EngineContext.withoutAuthorization(() -> {
      HbCaseFile caseFile = HbCaseFile.of(runtime.getVariables(hbCase.getId(), List.of(COUNTER)), (n, v) -> { });
      Map<String, Object> values = new LinkedHashMap<>(support);
      values.put(COUNTER, caseFile.supportChanges() + 1);
      runtime.setVariables(hbCase.getId(), values);
      return null;
    });
    file.set(RECORDED, true);
  }
}
