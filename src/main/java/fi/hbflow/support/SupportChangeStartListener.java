package fi.hbflow.support;

import fi.hbflow.casefile.HbCaseFile;
import fi.hbflow.casefile.SupportCaseFile;
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
    if (SupportCaseFile.calledFromCase(execution)) {
      return;
    }
    FormValues form = new FormValues(execution.getVariables(), EngineContext.today());
    SupportRules.changeStart(form);
    String caseKey = (String) form.derived().get(SupportCaseFile.CASE_KEY);
    HbCaseFile current = HbCaseFile.of(Map.of(), (n, v) -> { });
    if (caseKey != null) {
      RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
      ProcessInstance hbCase = HbCases.running(runtime, caseKey);
      if (hbCase == null) {
        form.problem("Käynnissä olevaa HB-asiaa " + caseKey + " ei löydy: tarkista asian numero. Tukijaa voi vaihtaa vain"
            + " HB-asiassa, joka ei ole päättynyt.");
      } else {
        current = HbCaseFile.of(EngineContext.withoutAuthorization(() -> runtime.getVariables(hbCase.getId(),
            List.of(HbCaseFile.CLIENT_NAME, HbCaseFile.SUPPORT_MODEL, HbCaseFile.SUPPORTER_NAME))), (n, v) -> { });
        if (current.raw(HbCaseFile.SUPPORT_MODEL) == null) {
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
    SupportCaseFile file = SupportCaseFile.of(execution);
    form.derived().forEach(file::set);
    file.set(SupportCaseFile.CLIENT_NAME, current.raw(HbCaseFile.CLIENT_NAME));
    file.set(SupportCaseFile.PREVIOUS_MODEL, current.raw(HbCaseFile.SUPPORT_MODEL));
    file.set(SupportCaseFile.PREVIOUS_SUPPORTER, current.raw(HbCaseFile.SUPPORTER_NAME));
    execution.setProcessBusinessKey(caseKey);
  }
}
