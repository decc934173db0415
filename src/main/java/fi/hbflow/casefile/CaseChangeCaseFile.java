package fi.hbflow.casefile;

import fi.hbflow.engine.ScopeVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The case file of {@code hb-asian-muutos} (HB-asian muutos: HB ends at once, or the review is done now, from the
 * Tasklist start form {@code hb-asian-muutos}); the action's fields are the HB case's own ({@link HbCaseFile}), copied
 * to the case by {@code fi.hbflow.caseflow.CaseActions}.
 */
public final class CaseChangeCaseFile extends CaseFile {

  public static final String PROCESS = "hb-asian-muutos";

  /** HB-asian numero (also the business key once done) */
  public static final String CASE_KEY = HbCaseFile.CASE_KEY;
  /** asian muutos (paattyy / seuranta_nyt) */
  public static final String ACTION = "asianMuutos";
  /** päättymisen syy */
  public static final String ENDING_REASON = HbCaseFile.ENDING_REASON;
  /** päättymispäivä */
  public static final String ENDING_DATE = HbCaseFile.ENDING_DATE;
  /** päättymisen lisätiedot */
  public static final String ENDING_DETAILS = HbCaseFile.ENDING_DETAILS;
  /** seuranta nyt: syy */
  public static final String REVIEW_NOW_REASON = HbCaseFile.REVIEW_NOW_REASON;

  /** The fields of the end, as in the form {@code hb-paattyminen} (the REST route's contract). */
  public static final List<String> ENDING_FIELDS = List.of(ENDING_REASON, ENDING_DATE, ENDING_DETAILS);
  /** The field of a review now. */
  public static final List<String> REVIEW_NOW_FIELDS = List.of(REVIEW_NOW_REASON);

  private CaseChangeCaseFile(Map<String, ?> variables, BiConsumer<String, Object> writer) {
    super(variables, writer);
  }

  public static CaseChangeCaseFile of(VariableScope scope) {
    return new CaseChangeCaseFile(ScopeVariables.of(scope), removingNulls(scope));
  }

  /** The named fields that were given (the form hides the other action's fields), in order. */
  public Map<String, Object> given(List<String> names) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (String name : names) {
      Object value = raw(name);
      if (value != null) {
        body.put(name, value);
      }
    }
    return body;
  }

  /** Records the case the action was done to. */
  public void recordCaseKey(String caseKey) {
    set(CASE_KEY, caseKey);
  }

  public static List<String> declaredNames() {
    return declaredNames(CaseChangeCaseFile.class);
  }
}
