package fi.hbflow.caseflow;

import fi.hbflow.casefile.CaseChangeCaseFile;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.forms.FormRejected;
import fi.hbflow.forms.FormValues;
import fi.hbflow.support.SupportRules;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The service task of {@code hb-asian-muutos} ({@code ${caseAction}}): the worker action of its Tasklist start form,
 * done by {@link CaseActions} exactly as the REST routes do it — HB ends at once ({@value #END}) or the review is done
 * now ({@value #REVIEW_NOW}) — for the user who started it. A refusal (not allowed, unknown case, case not waiting,
 * already ended, bad value) refuses the start form with its Finnish message: the start rolls back, nothing is stored,
 * no incident. On success the start carries the case number as its business key, so the history records who did what
 * to which case and when.
 */
public class CaseActionDelegate implements JavaDelegate {

  /** The start event whose form {@code hb-asian-muutos} this checks. */
  public static final String START = "Start_AsianMuutos";
  public static final String ACTION = CaseChangeCaseFile.ACTION;
  public static final String END = "paattyy";
  public static final String REVIEW_NOW = "seuranta_nyt";
  /** The fields of the end, as in the form {@value CaseChangeRules#ENDING_FORM} (the REST route's contract). */
  static final List<String> ENDING_FIELDS = CaseChangeCaseFile.ENDING_FIELDS;

  private final CaseActions actions;

  public CaseActionDelegate(CaseActions actions) {
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the start form is a submitted form: checked as one, with its labels
    FormValues form = new FormValues(execution.getVariables(), EngineContext.today());
    String caseKey = SupportRules.caseKey(form);
    String action = form.choice(ACTION, "Mitä asialle tehdään", Set.of(END, REVIEW_NOW), true);
    if (form.hasProblems()) {
      throw FormRejected.because(START, form.problems());
    }
    CaseChangeCaseFile file = CaseChangeCaseFile.of(execution);
    CaseActions.Caller starter = CaseActions.Caller.current(execution.getProcessEngineServices().getIdentityService());
    try {
      if (END.equals(action)) {
        actions.end(starter, caseKey, file.given(ENDING_FIELDS));
      } else {
        actions.reviewNow(starter, caseKey, file.given(CaseChangeCaseFile.REVIEW_NOW_FIELDS));
      }
    } catch (CaseActionRefused refused) {
      throw FormRejected.because(START, List.of(refused.getMessage()));
    }
    file.recordCaseKey(caseKey);
    execution.setProcessBusinessKey(caseKey);
  }
}
