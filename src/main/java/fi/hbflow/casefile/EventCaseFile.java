package fi.hbflow.casefile;

import fi.hbflow.engine.ScopeVariables;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The case file of {@code hb-kehittamistapahtuma} (SOPIVA Kehittämö tai Kohtaamo: a development or meeting event); the
 * names it shares with the training are in {@link SopivaCaseFile}.
 */
public final class EventCaseFile extends SopivaCaseFile {

  public static final String PROCESS = "hb-kehittamistapahtuma";

  // --- aloitus (start event KehittamoAlkaa, form hb-kehittamo-aloitus) ---------------------------------------------
  /** tapahtuman tyyppi (kehittamo / kohtaamo: the business key's prefix) */
  public static final String EVENT_TYPE = "tapahtumanTyyppi";
  /** teema */
  public static final String THEME = "teema";
  /** kohderyhmä: asiakkaat */
  public static final String TARGET_CLIENTS = "kohderyhmaAsiakkaat";
  /** kohderyhmä: läheiset */
  public static final String TARGET_RELATIVES = "kohderyhmaLaheiset";
  /** kohderyhmä: kokemusasiantuntijat */
  public static final String TARGET_EXPERTS_BY_EXPERIENCE = "kohderyhmaKokemusasiantuntijat";
  /** kohderyhmä: ammattilaiset */
  public static final String TARGET_PROFESSIONALS = "kohderyhmaAmmattilaiset";
  /** kohderyhmä: järjestöt */
  public static final String TARGET_ORGANISATIONS = "kohderyhmaJarjestot";
  /** kohderyhmä: palveluntuottajat */
  public static final String TARGET_PROVIDERS = "kohderyhmaPalveluntuottajat";
  /** kohderyhmä: päättäjät */
  public static final String TARGET_DECISION_MAKERS = "kohderyhmaPaattajat";
  /** kohderyhmä: muu */
  public static final String TARGET_OTHER = "kohderyhmaMuu";
  /** kohderyhmät (the ticked groups as text, set by the server) */
  public static final String TARGET_GROUPS = "kohderyhmat";
  /** suunniteltu päivä (today … {@code SopivaRules.YEARS_AHEAD} years ahead; kept as an ISO date) */
  public static final String PLANNED_DATE = "suunniteltuPaiva";
  /** paikka */
  public static final String PLACE = "paikka";
  /** menetelmä: dialoginen */
  public static final String METHOD_DIALOGUE = "menetelmaDialoginen";
  /** menetelmä: palvelumuotoilu */
  public static final String METHOD_SERVICE_DESIGN = "menetelmaPalvelumuotoilu";
  /** menetelmä: toiminnallinen */
  public static final String METHOD_ACTIVITY = "menetelmaToiminnallinen";
  /** menetelmä: muu */
  public static final String METHOD_OTHER = "menetelmaMuu";
  /** menetelmät (the ticked methods as text, set by the server) */
  public static final String METHODS = "menetelmat";

  // --- suunnittelu (Task_KehittamoSuunnittelu, form hb-kehittamo-suunnitelma) ----------------------------------------
  /** ohjelma */
  public static final String PROGRAMME = "ohjelma";
  /** fasilitaattorit */
  public static final String FACILITATORS = "fasilitaattorit";
  /** saavutettavuusjärjestelyt */
  public static final String ACCESSIBILITY = "saavutettavuus";
  /** kokemusasiantuntijat kutsuttu (kylla / ei) */
  public static final String EXPERTS_INVITED = "kokemusasiantuntijatKutsuttu";
  /** kokemusasiantuntijat */
  public static final String EXPERTS = "kokemusasiantuntijat";

  // --- kutsut (Task_KehittamoKutsut, form hb-kehittamo-kutsut) ------------------------------------------------------
  /** kutsutut sidosryhmät (one a line) */
  public static final String STAKEHOLDERS = "sidosryhmat";
  /** kutsut lähetetty (ISO date) */
  public static final String INVITATIONS_SENT = "kutsutLahetetty";
  /** kutsuttuja sidosryhmiä (count, set by the server) */
  public static final String STAKEHOLDER_COUNT = "kutsuttujaSidosryhmia";

  // --- toteutuminen (Task_KehittamoToteutuminen, form hb-kehittamo-toteutuminen) --------------------------------------
  /** pidettiin (kylla / ei) */
  public static final String HELD = "pidettiin";
  /** toteutunut päivä */
  public static final String HELD_ON = "toteutunutPaiva";
  /** jatko, kun ei pidetty (siirretaan / perutaan) */
  public static final String NOT_HELD_NEXT = "jatko";
  /** miksi tapahtumaa ei pidetty */
  public static final String NOT_HELD_REASON = "pitamattaSyy";
  /** siirtoja (count of postponements, set by the server) */
  public static final String POSTPONEMENTS = "siirtoja";

  // --- tulokset (Task_KehittamoTulokset, form hb-kehittamo-tulokset) ------------------------------------------------
  /** keskeiset havainnot ja oivallukset */
  public static final String INSIGHTS = "oivallukset";
  /** kehittämisehdotukset */
  public static final String PROPOSALS = "ehdotukset";
  /** osallistujia */
  public static final String PARTICIPANTS = "osallistujia";
  /** kokemusasiantuntijoita */
  public static final String EXPERTS_PRESENT = "kokemusasiantuntijoita";

  private EventCaseFile(Map<String, ?> variables, BiConsumer<String, Object> writer) {
    super(variables, writer);
  }

  public static EventCaseFile of(VariableScope scope) {
    return new EventCaseFile(ScopeVariables.of(scope), removingNulls(scope));
  }

  /** The event's type (kehittamo / kohtaamo), as text ("null" when missing, as the key's prefix always was). */
  public String eventType() {
    return String.valueOf(raw(EVENT_TYPE));
  }

  /** This process's names, the shared ones included. */
  public static List<String> declaredNames() {
    return sopivaNames(EventCaseFile.class);
  }
}
