package fi.hbflow.caseflow;

import fi.hbflow.casefile.HbCaseFile;
import fi.hbflow.budget.SupportPlanRules;
import fi.hbflow.forms.FormRules;
import fi.hbflow.forms.FormValues;
import fi.hbflow.research.EvaluationRules;
import fi.hbflow.support.SupportModels;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The server-side checks of the remaining steps of the HB service process, one small rule set per user task. */
public final class StepRules {

  public static final Set<String> YES_NO = Set.of("kylla", "ei");
  /** The support models (tukimalli): the codes of the catalogue {@code processes/hb-tukimallit.dmn}. */
  public static final Set<String> SUPPORT_MODELS = SupportModels.CODES;
  public static final Set<String> ARRANGEMENTS = Set.of("PALVELUSETELI", "OSTOPALVELU", "OMA_TUOTANTO", "TYONANTAJAMALLI");
  public static final Set<String> ENDING_REASONS = Set.of("asiakkaan_valinta", "tarpeet_muuttuneet", "muutto", "kuolema", "muu");

  private StepRules() {
  }

  public static List<FormRules> all() {
    return List.of(
        FormRules.of("Task_Soveltuvuus", StepRules::suitability),
        FormRules.of("Task_TuenValinta", StepRules::supportChoice),
        FormRules.of("Task_Paatos", StepRules::decision),
        FormRules.of("Task_Tiedoksianto", StepRules::notification),
        FormRules.of("Task_Oikaisuvaatimus", StepRules::rectification),
        FormRules.of("Task_RatkaisunTiedoksianto", StepRules::rulingNotification),
        FormRules.of("Task_Toteutus", StepRules::implementation),
        FormRules.of("Task_Seuranta", StepRules::review),
        FormRules.of("Task_Ylitys", StepRules::deadlineBreach),
        FormRules.of("Task_OikaisuvaatimusAika", StepRules::rectificationArrived));
  }

  static void suitability(FormValues form) {
    form.choice(HbCaseFile.HB_SUITS, "Soveltuuko HB", YES_NO, true);
    form.choice(HbCaseFile.CURRENT_SERVICE_ADAPTABLE, "Voiko nykyistä palvelua muokata", YES_NO, true);
    form.text(HbCaseFile.SUITABILITY_REASONS, "Soveltuvuuden perustelut", true, 10, FormValues.MAX_TEXT);
    EvaluationRules.suitability(form); // SOPIVA: the client-work evaluation
  }

  static void supportChoice(FormValues form) {
    SupportModels catalogue = SupportModels.shipped();
    String model = form.choice(HbCaseFile.SUPPORT_MODEL, "HB-tuen malli", catalogue.codes(), true);
    boolean supporter = catalogue.get(model).map(m -> m.requires(HbCaseFile.SUPPORTER_NAME)).orElse(false);
    form.text(HbCaseFile.SUPPORTER_NAME, "Tukijan nimi", supporter, 2, 200);
    form.text(HbCaseFile.SUPPORTER_CONTACT, "Tukijan yhteystiedot", false, 2, 300);
    form.text(HbCaseFile.SUPPORT_CONTENT, "Missä tukija auttaa", false);
  }

  static void decision(FormValues form) {
    String outcome = form.choice(HbCaseFile.DECISION, "Päätös", Set.of("myonnetty", "hylatty"), true);
    if ("myonnetty".equals(outcome)) {
      immediateEnforcement(form);
      // 675/2023 5 § 1 mom: open-ended unless a reason is given (the form pre-selects "toistaiseksi")
      String validity = form.choice(HbCaseFile.VALIDITY, "Voimassaolo", Set.of("toistaiseksi", "maaraaikainen"), false);
      if ("maaraaikainen".equals(validity)) {
        form.text(HbCaseFile.FIXED_TERM_REASON, "Määräaikaisuuden peruste", true, 10, FormValues.MAX_TEXT);
      }
    }
    if (Boolean.TRUE.equals(form.raw(HbCaseFile.DEPARTS_FROM_CLIENT_PLAN))) { // SHL 45 § 4 mom
      form.text(HbCaseFile.DEPARTURE_REASON, "Asiakassuunnitelmasta poikkeamisen perustelu", true, 10, FormValues.MAX_TEXT);
    }
    form.text(HbCaseFile.CONTACT_PERSON, "Lisätietoja antava henkilö", false, 2, 200);
    form.text(HbCaseFile.CONTACT_PERSON_DETAILS, "Yhteyshenkilön yhteystiedot", false, 5, 300);
    form.text(HbCaseFile.DECISION_REASONS, "Päätöksen perustelut", true, 20, FormValues.MAX_TEXT);
    form.pastDate(HbCaseFile.DECISION_DATE, "Päätöspäivä", true, form.date(HbCaseFile.PENDING_SINCE, "Vireilletulopäivä", false), "vireilletulopäivä");
    if (form.user() != null) {
      form.derive(HbCaseFile.DECIDER, form.user());
    }
  }

  /**
   * SHL 1301/2014 52 § 1 mom: a decision that grants HB is ordered enforced at once unless the decider unticks the
   * order, and then says why (the form pre-selects it). The choice is required on a grant: without it the case would
   * silently wait for finality (Hallintolaki 49 f §).
   */
  static void immediateEnforcement(FormValues form) {
    Object order = form.raw(HbCaseFile.IMMEDIATE_ENFORCEMENT);
    if (order == null) {
      form.problem("Valitse, määrätäänkö päätös heti täytäntöön pantavaksi (SHL 52 §).");
    } else if (!(order instanceof Boolean)) {
      form.problem("Täytäntöönpanomääräys on kyllä tai ei.");
    } else if (!((Boolean) order)) {
      form.text(HbCaseFile.IMMEDIATE_ENFORCEMENT_REASON, "Perustelu sille, ettei päätöstä määrätä heti täytäntöön", true, 10,
          FormValues.MAX_TEXT);
    }
  }

  static void notification(FormValues form) {
    LocalDate decided = form.date(HbCaseFile.DECISION_DATE, "Päätöspäivä", false);
    form.pastDate(HbCaseFile.NOTIFICATION_DATE, "Tiedoksiantopäivä", true, decided, "päätöspäivä");
    form.choice(HbCaseFile.NOTIFICATION_METHOD, "Tiedoksiantotapa", Set.of("sahkoinen", "posti", "henkilokohtainen"), true);
  }

  static void rectification(FormValues form) {
    String ruling = form.choice(HbCaseFile.RECTIFICATION_RULING, "Oikaisuvaatimuksen ratkaisu",
        Set.of("hyvaksytty", "hylatty"), true);
    // an upheld request says whether the amount changes: then the needs are assessed and the budget calculated anew
    form.choice(HbCaseFile.RECTIFICATION_CHANGES_BUDGET, "Muuttuuko budjetin määrä", Set.of("kylla", "ei"),
        "hyvaksytty".equals(ruling));
    form.text(HbCaseFile.RECTIFICATION_REASONS, "Ratkaisun perustelut", true, 10, FormValues.MAX_TEXT);
    if (form.user() != null) {
      form.derive(HbCaseFile.RECTIFICATION_RULER, form.user());
    }
  }

  /** The ruling on the rectification request is notified like the decision; the appeal period runs from it. */
  static void rulingNotification(FormValues form) {
    form.pastDate(HbCaseFile.RULING_NOTIFICATION_DATE, "Ratkaisun tiedoksiantopäivä", true, null, null);
    form.choice(HbCaseFile.RULING_NOTIFICATION_METHOD, "Ratkaisun tiedoksiantotapa", Set.of("sahkoinen", "posti", "henkilokohtainen"),
        true);
  }

  /**
   * SHL 1301/2014 45 § 2 mom: implementation within 3 months of vireilletulo (clock TOTEUTUS); a later start only with
   * the special reason recorded on the form.
   */
  static void implementation(FormValues form) {
    LocalDate start = form.date(HbCaseFile.IMPLEMENTATION_START, "Toteutuksen aloituspäivä", true);
    LocalDate due = form.date("erapaiva_TOTEUTUS", "Toteutuksen määräpäivä", false);
    boolean late = start != null && due != null && start.isAfter(due);
    String reason = form.text(HbCaseFile.IMPLEMENTATION_SPECIAL_REASON, "Erityinen syy, jos toteutus alkaa määräpäivän jälkeen", false,
        10, FormValues.MAX_TEXT);
    if (late && reason == null) {
      form.problem("Toteutuksen aloituspäivä " + start + " on toteutuksen määräpäivän " + due
          + " jälkeen: kirjaa erityinen syy (sosiaalihuoltolaki 1301/2014 45 § 2 mom).");
    }
    for (int n = 1; n <= SupportPlanRules.ROWS; n++) {
      if (form.isPresent("suunnitelma" + n + "Mita")) {
        form.choice("suunnitelma" + n + "Jarjestamistapa", "Rivin " + n + " (" + form.raw("suunnitelma" + n + "Mita")
            + ") järjestämistapa", ARRANGEMENTS, true);
      }
    }
  }

  static void review(FormValues form) {
    form.pastDate(HbCaseFile.REVIEW_DATE, "Seurantapäivä", true, null, null);
    form.text(HbCaseFile.REVIEW_FINDINGS, "Seurannan havainnot", true, 5, FormValues.MAX_TEXT);
    String outcome = form.choice(HbCaseFile.REVIEW_OUTCOME, "Seurannan tulos", Set.of("jatketaan", "lasketaan_uudelleen", "paatetaan"), true);
    form.choice(HbCaseFile.ENDING_REASON, "Päättymisen syy", ENDING_REASONS, "paatetaan".equals(outcome));
    EvaluationRules.review(form); // SOPIVA: the evaluation and the client's feedback at every review
  }

  static void deadlineBreach(FormValues form) {
    form.text("ylityksenSyy", "Miksi määräaika ylittyi", true, 10, FormValues.MAX_TEXT);
    form.text("ylityksenToimenpiteet", "Mitä tehdään nyt", true, 10, FormValues.MAX_TEXT);
  }

  static void rectificationArrived(FormValues form) {
    form.pastDate(HbCaseFile.RECTIFICATION_ARRIVED, "Oikaisuvaatimuksen saapumispäivä", true,
        form.date(HbCaseFile.NOTIFICATION_DATE, "Tiedoksiantopäivä", false), "tiedoksiantopäivä");
    form.text(HbCaseFile.RECTIFICATION_CONTENT, "Oikaisuvaatimuksen sisältö", true, 10, FormValues.MAX_TEXT);
  }

}
