package fi.hbflow.support;

import fi.hbflow.engine.EngineContext;
import fi.hbflow.forms.FormRejected;
import fi.hbflow.forms.FormValues;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Start listener of {@code hb-tuen-valinta} ({@code ${supportChangeStart}}). Called from the HB service process it does
 * nothing: the call activity brings the variables in. Started alone from Tasklist (a client in HB changes supporter),
 * it checks the start form {@code hb-tuen-vaihto} on the server and refuses it, starting nothing, unless the case
 * {@code hbAsia} is a running HB case whose support has been chosen and is not being chosen or changed right now. The
 * change then carries the case's number as its business key and shows the client's name and the current support.
 */
public class SupportChangeStartListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getProcessInstance().getSuperExecution() != null) {
      return;
    }
    FormValues form = new FormValues(execution.getVariables(), EngineContext.today());
    SupportRules.changeStart(form);
    String caseKey = (String) form.derived().get("hbAsia");
    Map<String, Object> current = Map.of();
    if (caseKey != null) {
      RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
      ProcessInstance hbCase = HbCases.running(runtime, caseKey);
      if (hbCase == null) {
        form.problem("Käynnissä olevaa HB-asiaa " + caseKey + " ei löydy: tarkista asian numero. Tukijaa voi vaihtaa vain"
            + " HB-asiassa, joka ei ole päättynyt.");
      } else {
        current = EngineContext.withoutAuthorization(() -> runtime.getVariables(hbCase.getId(),
            List.of("asiakasNimi", "tukimalli", "tukijanNimi")));
        if (current.get("tukimalli") == null) {
          form.problem("HB-asiassa " + caseKey + " ei ole vielä valittu HB-tukea: tuki valitaan palveluprosessin"
              + " HB-tuen valinta -vaiheessa, ei tuen vaihtona.");
        } else if (HbCases.supportChoiceUnderWay(runtime, hbCase)) {
          form.problem("HB-asiassa " + caseKey + " on tuen valinta tai tuen vaihto jo kesken: tee se loppuun Tasklistissa"
              + " ennen uutta vaihtoa.");
        }
      }
    }
    if (form.hasProblems()) {
      throw FormRejected.because(SupportRules.START, form.problems());
    }
    form.derived().forEach(execution::setVariable);
    execution.setVariable("asiakasNimi", current.get("asiakasNimi"));
    execution.setVariable("edellinenTukimalli", current.get("tukimalli"));
    execution.setVariable("edellinenTukijanNimi", current.get("tukijanNimi"));
    execution.setProcessBusinessKey(caseKey);
  }
}
