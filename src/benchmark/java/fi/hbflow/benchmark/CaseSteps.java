package fi.hbflow.benchmark;

import fi.hbflow.caseflow.HbCaseDriver;
import fi.hbflow.research.ResearchFixtures;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The happy path of an HB case as the benchmark drives it: the nine user tasks a case completes from the assessment
 * to its end (approved, no rectification request, implemented, one review that continues and one that ends it), who
 * completes each one, and the form values submitted. The vanilla process has the same nine tasks ({@code Task_1} ..
 * {@code Task_9}) and is given the same values.
 *
 * <p>Dates: the Java API runs set the engine clock of their thread to 15.6.2026 (as the model tests do) and use the
 * model tests' form values; the REST runs use the real clock and dates relative to today (as the production tests
 * do).
 */
final class CaseSteps {

  /** After the task: nothing, or the case waits for a timer (rectification window, review date). */
  enum After { NOTHING, TIMER }

  /** One user task: its key in HB, the worker (demo user) and group who complete it, the form, what follows. */
  record Step(String hbTask, String user, String group, Function<LocalDate, Map<String, Object>> form, After after) {
  }

  static final String SOCIAL_WORKER = "sosiaalityontekija";
  static final String SOCIAL_WORK = "sosiaalityo";
  static final String COORDINATOR = "palveluohjaaja";
  static final String COORDINATION = "palveluohjaus";

  private CaseSteps() {
  }

  static List<Step> steps(boolean rest) {
    return List.of(
        new Step("Task_Arviointi", SOCIAL_WORKER, SOCIAL_WORK, today -> assessment(today, rest), After.NOTHING),
        new Step("Task_Soveltuvuus", SOCIAL_WORKER, SOCIAL_WORK, today -> rest(rest, suitability()), After.NOTHING),
        new Step("Task_TuenValinta", COORDINATOR, COORDINATION, today -> support(), After.NOTHING),
        new Step("Task_Tukisuunnitelma", SOCIAL_WORKER, SOCIAL_WORK, today -> plan(), After.NOTHING),
        new Step("Task_Paatos", SOCIAL_WORKER, SOCIAL_WORK, today -> decision(today, rest), After.NOTHING),
        new Step("Task_Tiedoksianto", SOCIAL_WORKER, SOCIAL_WORK, today -> notification(today, rest), After.TIMER),
        new Step("Task_Toteutus", COORDINATOR, COORDINATION, today -> implementation(today, rest), After.TIMER),
        new Step("Task_Seuranta", SOCIAL_WORKER, SOCIAL_WORK, today -> rest(rest, review(today, "jatketaan", null)),
            After.TIMER),
        new Step("Task_Seuranta", SOCIAL_WORKER, SOCIAL_WORK, today -> rest(rest, review(today, "paatetaan", "muutto")),
            After.NOTHING));
  }

  /** The vanilla process's task for step {@code index} (0-based). */
  static String vanillaTask(int index) {
    return "Task_" + (index + 1);
  }

  static Map<String, Object> startForm(LocalDate today, boolean rest) {
    Map<String, Object> v = HbCaseDriver.startForm();
    if (rest) {
      v.put("vireilletulopaiva", today.minusDays(3).toString());
    }
    return v;
  }

  private static Map<String, Object> assessment(LocalDate today, boolean rest) {
    Map<String, Object> v = HbCaseDriver.standardAssessment();
    if (rest) {
      v.put("arvioinninAloituspaiva", today.minusDays(1).toString());
    }
    return v;
  }

  private static Map<String, Object> suitability() {
    return ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "kylla", "nykyistaVoiMuokata", "ei",
        "soveltuvuudenPerustelut", "Nykyistä palvelua ei voi muokata opiskelun aikatauluihin."));
  }

  private static Map<String, Object> support() {
    return Map.of("tukimalli", "VERTAISTUKI", "tukijanNimi", "Ville Vertainen", "suostumusTietojenLuovutukseen", true,
        "tuenSisalto", "Suunnitelman laatiminen");
  }

  private static Map<String, Object> plan() {
    return HbCaseDriver.plan("Henkilökohtainen avustaja", "Avustajapalvelu Oy", "1500,00",
        "Taksimatkat", "Taksi Etelä-Karjala", "300");
  }

  private static Map<String, Object> decision(LocalDate today, boolean rest) {
    Map<String, Object> v = new HashMap<>(HbCaseDriver.decision("myonnetty"));
    if (rest) {
      v.put("paatospaiva", today.toString());
    }
    return v;
  }

  private static Map<String, Object> notification(LocalDate today, boolean rest) {
    Map<String, Object> v = new HashMap<>(HbCaseDriver.notification());
    if (rest) {
      v.put("tiedoksiantopaiva", today.toString());
    }
    return v;
  }

  private static Map<String, Object> implementation(LocalDate today, boolean rest) {
    return Map.of("toteutuksenAloituspaiva", rest ? today.toString() : "2026-06-15",
        "suunnitelma1Jarjestamistapa", "TYONANTAJAMALLI", "suunnitelma2Jarjestamistapa", "PALVELUSETELI");
  }

  private static Map<String, Object> review(LocalDate today, String outcome, String endingReason) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("seurantapaiva", today.toString());
    v.put("seurannanHavainnot", "Budjetti on käytössä suunnitellusti.");
    v.put("seurannanTulos", outcome);
    if (endingReason != null) {
      v.put("paattymisenSyy", endingReason);
    }
    v.putAll(ResearchFixtures.evaluation());
    v.putAll(ResearchFixtures.feedback());
    return v;
  }

  /** Over REST the checklists go as the JSON lists Tasklist submits. */
  private static Map<String, Object> rest(boolean rest, Map<String, Object> form) {
    return rest ? ResearchFixtures.forRest(form) : form;
  }
}
