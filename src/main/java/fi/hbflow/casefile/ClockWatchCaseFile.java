package fi.hbflow.casefile;

import fi.hbflow.engine.ScopeVariables;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The case file of {@code hb-maaraikavalvonta} (määräaikavalvonta: one watch per watched legal clock of an HB case,
 * business key = the case's), started by {@code fi.hbflow.calendar.LegalClocks.watch} and checked by
 * {@code LegalClocks.check}.
 */
public final class ClockWatchCaseFile extends CaseFile {

  public static final String PROCESS = "hb-maaraikavalvonta";

  // --- aloitettaessa (LegalClocks.watch) -------------------------------------------------------------------------
  /** HB-asian prosessi-instanssi */
  public static final String CASE_ID = "hbAsiaId";
  /** HB-asian numero */
  public static final String CASE_KEY = HbCaseFile.CASE_KEY;
  /** asiakkaan nimi */
  public static final String CLIENT_NAME = HbCaseFile.CLIENT_NAME;
  /** määräaika (the clock's name, as stored: erapaiva_<maaraika> on the case) */
  public static final String CLOCK = "maaraika";
  /** lainkohta */
  public static final String LAW_REFERENCE = "lainkohta";
  /** eräpäivä (Date, the last day) */
  public static final String DUE = "erapaiva";
  /** eräpäivä tekstinä ("15.4.2026") */
  public static final String DUE_TEXT = "erapaivaTeksti";
  /** muistutus (Date: the reminder timer) */
  public static final String REMIND_ON = "muistutus";
  /** ylitys (Date: the breach timer, the first day after the deadline) */
  public static final String BREACHED_ON = "ylitys";
  /** täyttyy kun muuttuja (the case variable whose value meets the clock) */
  public static final String MET_WHEN_VARIABLE = "tayttyyKunMuuttuja";

  // --- tarkistus (LegalClocks.check) -----------------------------------------------------------------------------
  /** täytetty (Boolean: met, or the case is over or ending at once) */
  public static final String MET = "taytetty";
  /** muistutettavat ryhmät (comma-separated groups that hold the case now: the tasks' candidate groups) */
  public static final String GROUPS_TO_REMIND = "muistutettavatRyhmat";

  // --- muistutus ja ylitys (forms hb-maaraika-muistutus, hb-maaraika-ylitys) --------------------------------------
  /** muistutuksen huomio */
  public static final String REMINDER_NOTE = "muistutuksenHuomio";
  /** ylityksen syy */
  public static final String BREACH_REASON = "ylityksenSyy";
  /** ylityksen toimenpiteet */
  public static final String BREACH_ACTIONS = "ylityksenToimenpiteet";

  private ClockWatchCaseFile(Map<String, ?> variables, BiConsumer<String, Object> writer) {
    super(variables, writer);
  }

  public static ClockWatchCaseFile of(VariableScope scope) {
    return new ClockWatchCaseFile(ScopeVariables.of(scope), removingNulls(scope));
  }

  /** Over plain values (the variables a new watch starts with, tests); writes go to {@code writer}. */
  public static ClockWatchCaseFile of(Map<String, ?> variables, BiConsumer<String, Object> writer) {
    return new ClockWatchCaseFile(variables, writer);
  }

  /** The id of the HB case watched. */
  public String caseId() {
    return text(CASE_ID);
  }

  /** The case variable whose value meets the clock. */
  public String metWhenVariable() {
    return text(MET_WHEN_VARIABLE);
  }

  /** The clock's name. */
  public String clock() {
    return text(CLOCK);
  }

  /** Records the check: met, and (when not) the groups to remind. */
  public void recordCheck(boolean met, List<String> groupsToRemind) {
    set(MET, met);
    set(GROUPS_TO_REMIND, met ? "" : String.join(",", groupsToRemind));
  }

  public static List<String> declaredNames() {
    return declaredNames(ClockWatchCaseFile.class);
  }
}
