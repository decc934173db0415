package fi.hbflow.casefile;

import fi.hbflow.engine.ScopeVariables;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The case file of {@code hb-koulutus} (SOPIVA-koulutus: a training of one or more sessions); the names it shares with
 * the event are in {@link SopivaCaseFile}.
 */
public final class TrainingCaseFile extends SopivaCaseFile {

  public static final String PROCESS = "hb-koulutus";

  // --- kartoitus (start event KoulutusAlkaa, form hb-koulutus-kartoitus) --------------------------------------------
  /** koulutuksen työnimi */
  public static final String TITLE = "koulutuksenNimi";
  /** kohderyhmä */
  public static final String TARGET_GROUP = "kohderyhma";
  /** kartoitukseen vastanneita */
  public static final String SURVEY_RESPONDENTS = "kartoituksenVastaajia";
  /** kartoituksen tulokset */
  public static final String SURVEY_RESULTS = "kartoituksenTulokset";

  // --- suunnittelu (Task_KoulutusSuunnittelu, form hb-koulutus-suunnitelma) -----------------------------------------
  /** teema: itsemääräämisoikeus */
  public static final String THEME_SELF_DETERMINATION = "teemaItsemaaraamisoikeus";
  /** teema: osallisuus */
  public static final String THEME_PARTICIPATION = "teemaOsallisuus";
  /** teema: tuettu päätöksenteko */
  public static final String THEME_SUPPORTED_DECISION_MAKING = "teemaTuettuPaatoksenteko";
  /** teema: vuorovaikutus ja kommunikaatio */
  public static final String THEME_INTERACTION = "teemaVuorovaikutus";
  /** muut aiheet */
  public static final String THEME_OTHER = "teemaMuu";
  /** teemat (the ticked themes as text, set by the server) */
  public static final String THEMES = "teemat";
  /** suunniteltuja koulutuskertoja: 1–{@code SopivaRules.MAX_SESSIONS} */
  public static final String SESSIONS_PLANNED = "koulutuskertojaSuunniteltu";
  /** kouluttajat */
  public static final String TRAINERS = "kouluttajat";
  /** koulutuksen tavoitteet */
  public static final String GOALS = "koulutuksenTavoitteet";

  // --- koulutuskerta (Task_Koulutuskerta, form hb-koulutus-kerta; cleared for the next session) ----------------------
  /** kerran päivä */
  public static final String SESSION_DATE = "kerranPaiva";
  /** kerran osallistujia */
  public static final String SESSION_PARTICIPANTS = "kerranOsallistujia";
  /** kerran sisältö */
  public static final String SESSION_CONTENT = "kerranSisalto";
  /** lisää kertoja (kylla / ei) */
  public static final String MORE_SESSIONS = "lisaaKertoja";
  /** pidetyt kerrat (count, set by the server) */
  public static final String SESSIONS_HELD = "pidetytKerrat";
  /** osallistujia yhteensä (set by the server) */
  public static final String PARTICIPANTS_TOTAL = "osallistujiaYhteensa";
  /** koulutuskerrat (one line a session, set by the server) */
  public static final String SESSION_LOG = "koulutuskerrat";

  private TrainingCaseFile(Map<String, ?> variables, BiConsumer<String, Object> writer) {
    super(variables, writer);
  }

  public static TrainingCaseFile of(VariableScope scope) {
    return new TrainingCaseFile(ScopeVariables.of(scope), removingNulls(scope));
  }

  /** This process's names, the shared ones included. */
  public static List<String> declaredNames() {
    return sopivaNames(TrainingCaseFile.class);
  }
}
