package fi.hbflow.casefile;

import fi.hbflow.engine.ScopeVariables;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The case file of {@code hb-palveluprosessi} (HB-asia): every variable of {@code docs/variables.md} for the HB
 * service process, one constant per name (the Finnish term in the comment), with the typed reads and writes the
 * delegates and listeners use. {@code CaseFileNamesTest} checks these names against the deployed BPMN, DMN and forms and
 * against {@code docs/variables.md}.
 *
 * <p>Names made of a prefix and a code or a number ({@code tarve_<CODE>}, {@code suunnitelma<n>Mita},
 * {@code erapaiva_<CLOCK>}) are declared as prefixes in {@link #NAME_FAMILIES}.
 */
public final class HbCaseFile extends CaseFile {

  public static final String PROCESS = "hb-palveluprosessi";

  // --- vireilletulo (start form hb-vireilletulo) -------------------------------------------------------------------
  /** asiakkaan nimi */
  public static final String CLIENT_NAME = "asiakasNimi";
  /** henkilötunnus */
  public static final String PERSONAL_IDENTITY_CODE = "henkilotunnus";
  /** kotikunta */
  public static final String MUNICIPALITY = "kotikunta";
  /** puhelin */
  public static final String PHONE = "puhelin";
  /** osoite */
  public static final String ADDRESS = "osoite";
  /** vireilletulopäivä (decides the law version of the clocks) */
  public static final String PENDING_SINCE = "vireilletulopaiva";
  /** miksi tavalliset palvelut eivät sovi */
  public static final String ORDINARY_SERVICES_DO_NOT_FIT = "tavallisetPalvelutEivatSovi";
  /** nykyiset palvelut */
  public static final String CURRENT_SERVICES = "nykyisetPalvelut";
  /** HB-asian numero (business key HB-2026-000123), set at start */
  public static final String CASE_KEY = "hbAsia";
  /** ikäryhmä (lapsi / aikuinen / ikaantynyt), set at start */
  public static final String AGE_GROUP = "ikaryhma";

  // --- palvelutarpeen arviointi (Task_Arviointi) --------------------------------------------------------------------
  /** arvioinnin aloituspäivä */
  public static final String ASSESSMENT_START = "arvioinninAloituspaiva";
  /** oikeus vammaispalveluihin (kylla / ei) */
  public static final String DISABILITY_SERVICES_RIGHT = "oikeusVammaispalveluihin";
  /** budjettikauden alku */
  public static final String BUDGET_PERIOD_START = "budjettikaudenAlku";
  /** budjettikauden pituus, kuukautta: 1–{@value #BUDGET_PERIOD_MAX_MONTHS} */
  public static final String BUDGET_PERIOD_MONTHS = "budjettikaudenPituusKk";
  /**
   * The longest budget period, in months: what the assessment form lets a worker enter (its field's max), what the
   * calculation accepts ({@code BudgetPeriod}) and what the ledger checks. One value for all.
   */
  public static final int BUDGET_PERIOD_MAX_MONTHS = 24;
  /** arvioinnin yhteenveto */
  public static final String ASSESSMENT_SUMMARY = "arvioinninYhteenveto";
  /** laskentavirhe: why the budget calculation sent the case back */
  public static final String CALCULATION_ERROR = "laskentavirhe";
  /** arviointi valmistui (päivä), meets the child's clock ARVIOINTI_VALMIS */
  public static final String ASSESSMENT_COMPLETED = "arviointiValmistuiPaiva";

  // --- soveltuvuus (Task_Soveltuvuus) ---------------------------------------------------------------------------
  /** soveltuuko HB (kylla / ei) */
  public static final String HB_SUITS = "hbSoveltuu";
  /** voiko nykyistä palvelua muokata */
  public static final String CURRENT_SERVICE_ADAPTABLE = "nykyistaVoiMuokata";
  /** soveltuvuuden perustelut */
  public static final String SUITABILITY_REASONS = "soveltuvuudenPerustelut";

  // --- HB-tuen valinta (mapped out of hb-tuen-valinta; the catalogue processes/hb-tukimallit.dmn) -----------------
  /** tukimalli */
  public static final String SUPPORT_MODEL = "tukimalli";
  /** tukijan nimi */
  public static final String SUPPORTER_NAME = "tukijanNimi";
  /** tukijan yhteystiedot */
  public static final String SUPPORTER_CONTACT = "tukijanYhteystiedot";
  /** suostumus tietojen luovutukseen */
  public static final String DISCLOSURE_CONSENT = "suostumusTietojenLuovutukseen";
  /** tuen sisältö */
  public static final String SUPPORT_CONTENT = "tuenSisalto";
  /** tuen vaihtoja (count of standalone changes of supporter) */
  public static final String SUPPORT_CHANGES = "tuenVaihtoja";

  // --- budjetin laskenta (Task_BudjetinLaskenta) -------------------------------------------------------------------
  /** budjetti koko kaudelle, senttiä */
  public static final String BUDGET_PERIOD_CENTS = "budjettiKausiSentit";
  /** vuosibudjetti, senttiä */
  public static final String ANNUAL_BUDGET_CENTS = "vuosibudjettiSentit";
  /** budjetti kuukaudessa keskimäärin, senttiä */
  public static final String MONTHLY_AVERAGE_CENTS = "budjettiKkKeskimSentit";
  /** budjetti yhteensä (display text) */
  public static final String BUDGET_TOTAL_TEXT = "budjettiYhteensa";
  /** budjettierittely (Markdown) */
  public static final String BUDGET_BREAKDOWN_TEXT = "budjettiErittelyTeksti";
  /** budjettierittely (Json) */
  public static final String BUDGET_BREAKDOWN = "budjettierittely";
  /** hinnasto (the price-table version used) */
  public static final String PRICE_LIST = "hinnasto";
  /** palvelutyypit (comma-separated current codes) */
  public static final String SERVICE_TYPES = "palvelutyypit";

  // --- tukisuunnitelma (Task_Tukisuunnitelma) ---------------------------------------------------------------------
  /** tukisuunnitelman tavoitteet */
  public static final String PLAN_GOALS = "tukisuunnitelmanTavoitteet";
  /** suunnitelma kuukaudessa, senttiä */
  public static final String PLAN_MONTH_CENTS = "suunnitelmaKkSentit";
  /** suunnitelma yhteensä (display text) */
  public static final String PLAN_TOTAL_TEXT = "suunnitelmaYhteensa";
  /** suunnitelma (Markdown) */
  public static final String PLAN_TEXT = "suunnitelmaTeksti";

  // --- delegointi (Task_Delegointi, DMN hb-delegointisaannot) -------------------------------------------------------
  /** päättäjäryhmä */
  public static final String DECIDER_GROUP = "paattajaRyhma";
  /** delegoinnin perustelu */
  public static final String DELEGATION_REASON = "delegointiPerustelu";

  // --- päätös (Task_Paatos) -------------------------------------------------------------------------------------
  /** päätös (myonnetty / hylatty) */
  public static final String DECISION = "paatos";
  /** päätöksen perustelut */
  public static final String DECISION_REASONS = "paatoksenPerustelut";
  /** päätöspäivä */
  public static final String DECISION_DATE = "paatospaiva";
  /** heti täytäntöön (SHL 52 §) */
  public static final String IMMEDIATE_ENFORCEMENT = "hetiTaytantoon";
  /** perustelu, kun ei heti täytäntöön */
  public static final String IMMEDIATE_ENFORCEMENT_REASON = "hetiTaytantoonPerustelu";
  /** voimassaolo (toistaiseksi / maaraaikainen) */
  public static final String VALIDITY = "voimassaolo";
  /** määräaikaisuuden perustelu */
  public static final String FIXED_TERM_REASON = "maaraaikaisuudenPerustelu";
  /** poiketaan asiakassuunnitelmasta */
  public static final String DEPARTS_FROM_CLIENT_PLAN = "poiketaanAsiakassuunnitelmasta";
  /** poikkeamisen perustelu */
  public static final String DEPARTURE_REASON = "poikkeamisenPerustelu";
  /** yhteyshenkilö */
  public static final String CONTACT_PERSON = "yhteyshenkilo";
  /** yhteyshenkilön yhteystiedot */
  public static final String CONTACT_PERSON_DETAILS = "yhteyshenkilonYhteystiedot";
  /** päättäjä (user id) */
  public static final String DECIDER = "paattaja";
  /** päättäjän nimi */
  public static final String DECIDER_NAME = "paattajanNimi";
  /** muutoksenhaku kesken (a flag of the model) */
  public static final String APPEAL_PENDING = "muutoksenhakuKesken";
  /** toteutus keskeytetään (a flag of the model) */
  public static final String IMPLEMENTATION_STOPPED = "toteutusKeskeytetaan";

  // --- päätösasiakirja (Task_Paatosasiakirja) -----------------------------------------------------------------------
  /** päätösasiakirja (File, HTML) */
  public static final String DECISION_DOCUMENT = "paatosasiakirja";
  /** päätösasiakirja (Markdown) */
  public static final String DECISION_DOCUMENT_TEXT = "paatosasiakirjaTeksti";
  /** oikaisuvaatimuksen vastaanottaja (input parameter of the task) */
  public static final String RECTIFICATION_RECIPIENT = "oikaisuvaatimuksenVastaanottaja";
  /** oikaisuvaatimuksen osoite (input parameter) */
  public static final String RECTIFICATION_ADDRESS = "oikaisuvaatimuksenOsoite";

  // --- tiedoksianto, oikaisuvaatimus -------------------------------------------------------------------------------
  /** tiedoksiantopäivä */
  public static final String NOTIFICATION_DATE = "tiedoksiantopaiva";
  /** tiedoksiantotapa */
  public static final String NOTIFICATION_METHOD = "tiedoksiantotapa";
  /** oikaisuvaatimuksen saapumispäivä */
  public static final String RECTIFICATION_ARRIVED = "oikaisuvaatimuksenSaapumispaiva";
  /** oikaisuvaatimuksen sisältö */
  public static final String RECTIFICATION_CONTENT = "oikaisuvaatimuksenSisalto";
  /** lainvoimainen */
  public static final String FINAL = "lainvoimainen";
  /** lainvoimainen (päivä) */
  public static final String FINAL_SINCE = "lainvoimainenPaiva";
  /** oikaisuvaatimuksen ratkaisu (hyvaksytty / hylatty) */
  public static final String RECTIFICATION_RULING = "oikaisuvaatimuksenRatkaisu";
  /** muuttaako oikaisu budjettia */
  public static final String RECTIFICATION_CHANGES_BUDGET = "oikaisuMuuttaaBudjettia";
  /** oikaisuvaatimuksen ratkaisun perustelut */
  public static final String RECTIFICATION_REASONS = "oikaisuvaatimuksenPerustelut";
  /** oikaisuvaatimuksen ratkaisija (user id) */
  public static final String RECTIFICATION_RULER = "oikaisuvaatimuksenRatkaisija";
  /** oikaisun uudelleenlaskenta (a flag of the model) */
  public static final String RECTIFICATION_RECALCULATION = "oikaisunUudelleenlaskenta";
  /** oikaisuvaatimus ratkaistu (päivä) */
  public static final String RECTIFICATION_RULED = "oikaisuvaatimusRatkaistuPaiva";

  // --- ratkaisuasiakirja, ratkaisun tiedoksianto -------------------------------------------------------------------
  /** oikaisuvaatimuksen ratkaisuasiakirja (File, HTML) */
  public static final String RULING_DOCUMENT = "oikaisuvaatimuksenRatkaisuasiakirja";
  /** oikaisuvaatimuksen ratkaisuasiakirja (Markdown) */
  public static final String RULING_DOCUMENT_TEXT = "oikaisuvaatimuksenRatkaisuasiakirjaTeksti";
  /** hallintotuomioistuin (input parameter) */
  public static final String ADMINISTRATIVE_COURT = "hallintotuomioistuin";
  /** hallintotuomioistuimen osoite (input parameter) */
  public static final String ADMINISTRATIVE_COURT_ADDRESS = "hallintotuomioistuimenOsoite";
  /** ratkaisun tiedoksiantopäivä */
  public static final String RULING_NOTIFICATION_DATE = "ratkaisunTiedoksiantopaiva";
  /** ratkaisun tiedoksiantotapa */
  public static final String RULING_NOTIFICATION_METHOD = "ratkaisunTiedoksiantotapa";

  // --- toteutus, seuranta -----------------------------------------------------------------------------------------
  /** toteutuksen aloituspäivä */
  public static final String IMPLEMENTATION_START = "toteutuksenAloituspaiva";
  /** toteutuksen erityinen syy (SHL 45 § 2 mom) */
  public static final String IMPLEMENTATION_SPECIAL_REASON = "toteutuksenErityinenSyy";
  /** seurantapäivä */
  public static final String REVIEW_DATE = "seurantapaiva";
  /** seurannan havainnot */
  public static final String REVIEW_FINDINGS = "seurannanHavainnot";
  /** seurannan tulos (jatketaan / lasketaan_uudelleen / paatetaan) */
  public static final String REVIEW_OUTCOME = "seurannanTulos";
  /** päättymisen syy */
  public static final String ENDING_REASON = "paattymisenSyy";
  /** HB:n tulos (ei_oikeutta, tavalliset_palvelut, ei_myonnetty, paattynyt, paattynyt_kesken), set by the model */
  public static final String OUTCOME = "hbTulos";
  /** seuranta nyt: syy (a review asked for now, POST …/review-now) */
  public static final String REVIEW_NOW_REASON = "seurantaNytSyy";
  /** seuranta nyt: päivä */
  public static final String REVIEW_NOW_DATE = "seurantaNytPaiva";
  /** seuranta nyt: pyytäjä (user id) */
  public static final String REVIEW_NOW_REQUESTER = "seurantaNytPyytaja";
  /** seurannan aikaistamispäivä (a budget-use alert brought the review forward) */
  public static final String REVIEW_BROUGHT_FORWARD = "seurannanAikaistamisPaiva";
  /** uudelleenarviointipäivä (a new assessment after a review or on a request for a new decision) */
  public static final String REASSESSMENT_DATE = "uudelleenarviointiPaiva";

  // --- HB päättyy heti (SubProcess_PaattyyHeti, POST …/end with the form hb-paattyminen) ---------------------------
  /** päättymispäivä */
  public static final String ENDING_DATE = "paattymisPaiva";
  /** päättymisen lisätiedot */
  public static final String ENDING_DETAILS = "paattymisenLisatiedot";
  /** päättymisen kirjaaja (user id) */
  public static final String ENDING_RECORDED_BY = "paattymisenKirjaaja";
  /** avoimet sitoumukset (Json list) */
  public static final String OPEN_COMMITMENTS = "avoimetSitoumukset";
  /** avoimet sitoumukset (Markdown) */
  public static final String OPEN_COMMITMENTS_TEXT = "avoimetSitoumuksetTeksti";
  /** päättyi kesken, kirjattu (päivä) */
  public static final String ENDED_EARLY_RECORDED = "paattyiKeskenKirjattu";
  /** sitoumusten päättäminen (Task_Paattaminen) */
  public static final String COMMITMENTS_ENDED = "sitoumustenPaattaminen";

  // --- siirtymäaika (SubProcess_Siirtymaaika, 675/2023 42 § 3 mom) ------------------------------------------------
  /** siirtymäajan päätös (a grant in a matter pending before 1.1.2025) */
  public static final String TRANSITION_DECISION = "siirtymaajanPaatos";
  /** siirtymäajan alkupäivä */
  public static final String TRANSITION_START = "siirtymaajanAlkupaiva";
  /** uudelleenpäätöksen aloite (asiakas / hyvinvointialue) */
  public static final String REDECISION_INITIATIVE = "uudelleenpaatoksenAloite";
  /** uudelleenpäätöksen perustelu */
  public static final String REDECISION_REASON = "uudelleenpaatoksenPerustelu";
  /** uusi päätös pyydetty (a flag the server sets, the model clears) */
  public static final String NEW_DECISION_REQUESTED = "uusiPaatosPyydetty";

  // --- määräajat (legal clocks) -----------------------------------------------------------------------------------
  /** määräajat (all clocks, Markdown) */
  public static final String CLOCKS_TEXT = "maaraajatTeksti";
  /** määräaikaylitykset (Json list) */
  public static final String BREACHES = "maaraikaylitykset";
  /** määräaikaylityksiä (count) */
  public static final String BREACH_COUNT = "maaraikaylityksia";

  // --- budjetin käyttö (mirrored from hb-budjetin-kaytto) ----------------------------------------------------------
  /** käytetty, senttiä */
  public static final String USED_CENTS = "kaytettySentit";

  // --- SOPIVA: asiakastyön arviointi, asiakaspalaute (fi.hbflow.research) ------------------------------------------
  /** arvioinnit (Json list) */
  public static final String EVALUATIONS = "arvioinnit";
  /** palautteet (Json list) */
  public static final String FEEDBACKS = "palautteet";
  /** tyytyväisyys (the latest feedback's average) */
  public static final String SATISFACTION = "tyytyvaisyys";

  /** Names made of a prefix and a code, a clock or a plan row: the prefix, and what follows it. */
  public static final Map<String, String> NAME_FAMILIES = Map.ofEntries(
      Map.entry("tarve_", "palvelun tarve: the service code (hb-yksikkohinnat.dmn)"),
      Map.entry("suunnitelma", "tukisuunnitelman rivi: <n>Mita, <n>Tuottaja, <n>EuroaKk, <n>Jarjestamistapa (n = 1..8)"),
      Map.entry("arvio_", "asiakastyön arviointi: the evaluation's fields (fi.hbflow.research.EvaluationRules)"),
      Map.entry("palaute_", "asiakaspalaute: the feedback's fields (fi.hbflow.research.EvaluationRules)"),
      Map.entry("erapaiva_", "määräajan viimeinen päivä: the clock's name (hb-maaraajat.dmn)"),
      Map.entry("erapaivaTeksti_", "määräajan viimeinen päivä tekstinä: the clock's name"),
      Map.entry("ylitys_", "määräajan ylityksen ensimmäinen päivä: the clock's name"),
      Map.entry("maaraika_", "määräajan rivi ja lainkohta: the clock's name"),
      Map.entry("ylitetty_", "määräaika ylitetty: the clock's name"));

  /** The service codes' prefix: {@code tarve_<CODE>} is the need per month. */
  public static final String NEED_PREFIX = "tarve_";

  private HbCaseFile(Map<String, ?> variables, BiConsumer<String, Object> writer) {
    super(variables, writer);
  }

  /** The case file of an execution or task of the case: reads a value when asked, writes to the scope. */
  public static HbCaseFile of(VariableScope scope) {
    return new HbCaseFile(ScopeVariables.of(scope), removingNulls(scope));
  }

  /** Over plain values (tests, plain callers); writes go to {@code writer}. */
  public static HbCaseFile of(Map<String, ?> variables, BiConsumer<String, Object> writer) {
    return new HbCaseFile(variables, writer);
  }

  // ------------------------------------------------------------------------------------------- typed reads

  /** budjettikauden alku, required. */
  public LocalDate budgetPeriodStart() {
    return periodStartOf(this);
  }

  /** budjettikauden pituus, 1–{@value #BUDGET_PERIOD_MAX_MONTHS} months, required. */
  public int budgetPeriodMonths() {
    return periodMonthsOf(this);
  }

  /** The budget period's start of a case file that has it under this name (the case's, the ledger's). */
  static LocalDate periodStartOf(CaseFile file) {
    return required(file.date(BUDGET_PERIOD_START, "Budjettikauden alku"), "Budjettikauden alku");
  }

  /** The budget period's length of a case file that has it under this name (the case's, the ledger's). */
  static int periodMonthsOf(CaseFile file) {
    return required(file.whole(BUDGET_PERIOD_MONTHS, "Budjettikauden pituus", 1, BUDGET_PERIOD_MAX_MONTHS),
        "Budjettikauden pituus");
  }

  /** vireilletulopäivä, required (decides the law version of the clocks). */
  public LocalDate pendingSince() {
    return required(date(PENDING_SINCE, "Vireilletulopäivä"), "Vireilletulopäivä");
  }

  /** The business key, {@code HB-2026-000123}. */
  public String caseKey() {
    return text(CASE_KEY);
  }

  /** The user id of the decider ({@code paattaja}), or null. */
  public String decider() {
    return text(DECIDER);
  }

  /** The user id of whoever ruled on the rectification request, or null. */
  public String rectificationRuler() {
    return text(RECTIFICATION_RULER);
  }

  /** The support model chosen (a code of the catalogue), or null. */
  public String supportModel() {
    return text(SUPPORT_MODEL);
  }

  /** How many standalone changes of supporter the case has had. */
  public int supportChanges() {
    return raw(SUPPORT_CHANGES) instanceof Number n ? n.intValue() : 0;
  }

  // ------------------------------------------------------------------------------------------- typed writes

  /** The names every declared constant of this class holds (for the name checks). */
  public static List<String> declaredNames() {
    return declaredNames(HbCaseFile.class);
  }
}
