package fi.hbflow.casefile;

import fi.hbflow.engine.ScopeVariables;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The case file of {@code hb-tuen-valinta} (HB-tuen valinta: called from the HB case, or started alone as a change
 * of supporter). The variables of each support model's own task are the catalogue's column "Tehtävän muuttujat"
 * ({@code processes/hb-tukimallit.dmn}, {@code SupportModels}); the choice's variables are mapped out to the HB case
 * under the same names ({@link HbCaseFile}).
 */
public final class SupportCaseFile extends CaseFile {

  public static final String PROCESS = "hb-tuen-valinta";

  // --- tuen vaihto (start form hb-tuen-vaihto) -------------------------------------------------------------------
  /** HB-asian numero */
  public static final String CASE_KEY = HbCaseFile.CASE_KEY;
  /** vaihdon syy */
  public static final String CHANGE_REASON = "vaihdonSyy";
  /** asiakkaan nimi (called: mapped in; a change: read from the case) */
  public static final String CLIENT_NAME = HbCaseFile.CLIENT_NAME;
  /** edellinen tukimalli */
  public static final String PREVIOUS_MODEL = "edellinenTukimalli";
  /** edellisen tukijan nimi */
  public static final String PREVIOUS_SUPPORTER = "edellinenTukijanNimi";
  /** tuen vaihto kirjattu (false: the case had ended while the change was under way) */
  public static final String CHANGE_RECORDED = "tuenVaihtoKirjattu";

  // --- HB-tuen valinta (Task_TuenValinta, form hb-tuen-valinta) --------------------------------------------------
  /** tukimalli */
  public static final String SUPPORT_MODEL = HbCaseFile.SUPPORT_MODEL;
  /** tukijan nimi */
  public static final String SUPPORTER_NAME = HbCaseFile.SUPPORTER_NAME;
  /** tukijan yhteystiedot */
  public static final String SUPPORTER_CONTACT = HbCaseFile.SUPPORTER_CONTACT;
  /** suostumus tietojen luovutukseen */
  public static final String DISCLOSURE_CONSENT = HbCaseFile.DISCLOSURE_CONSENT;
  /** tuen sisältö */
  public static final String SUPPORT_CONTENT = HbCaseFile.SUPPORT_CONTENT;

  /** What the choice records, whatever the model. */
  public static final List<String> CHOICE_VARIABLES = List.of(SUPPORT_MODEL, SUPPORTER_NAME, SUPPORTER_CONTACT,
      DISCLOSURE_CONSENT, SUPPORT_CONTENT);

  private SupportCaseFile(Map<String, ?> variables, BiConsumer<String, Object> writer) {
    super(variables, writer);
  }

  public static SupportCaseFile of(VariableScope scope) {
    return new SupportCaseFile(ScopeVariables.of(scope), (name, value) -> scope.setVariable(name, value));
  }

  /** Whether this instance was called from an HB case (not started alone as a change of supporter). */
  public static boolean calledFromCase(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    return execution.getProcessInstance().getSuperExecution() != null;
  }

  public static List<String> declaredNames() {
    return declaredNames(SupportCaseFile.class);
  }
}
