package fi.hbflow.caseflow;

import fi.hbflow.casefile.HbCaseFile;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.forms.FormRejected;
import fi.hbflow.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Start listener of {@code hb-palveluprosessi} ({@code ${caseOpening}}): checks the start form on the server, refuses
 * it with all its problems (nothing is started: checking a submitted form is {@code FormValues}), and gives the case
 * its readable business key, written to the case file ({@link HbCaseFile}).
 */
public class CaseOpeningListener implements ExecutionListener {

  private final CaseNumbers caseNumbers;
  private final CaseOpeningRules rules = new CaseOpeningRules();

  public CaseOpeningListener(CaseNumbers caseNumbers) {
    this.caseNumbers = caseNumbers;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValues form = new FormValues(execution.getVariables(), EngineContext.today());
    rules.check(form);
    if (form.hasProblems()) {
      throw FormRejected.because(CaseOpeningRules.ACTIVITY, form.problems());
    }
    HbCaseFile file = HbCaseFile.of(execution);
    form.derived().forEach(file::set);
    int year = EngineContext.today().getYear();
    String businessKey = CaseNumbers.businessKey(year, caseNumbers.next(year));
    execution.setProcessBusinessKey(businessKey);
    file.set(HbCaseFile.CASE_KEY, businessKey); // shown in forms, copied to the case's other processes
  }
}
