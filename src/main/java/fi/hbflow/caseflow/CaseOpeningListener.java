package fi.hbflow.caseflow;

import fi.hbflow.engine.EngineContext;
import fi.hbflow.forms.FormRejected;
import fi.hbflow.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Start listener of {@code hb-palveluprosessi} ({@code ${caseOpening}}): checks the start form on the server, refuses
 * it with all its problems (nothing is started), and gives the case its readable business key.
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
    form.derived().forEach(execution::setVariable);
    int year = EngineContext.today().getYear();
    String businessKey = CaseNumbers.businessKey(year, caseNumbers.next(year));
    execution.setProcessBusinessKey(businessKey);
    execution.setVariable("hbAsia", businessKey); // shown in forms, copied to the case's other processes
  }
}
