package fi.hbflow.research;

import fi.hbflow.casefile.JsonList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Valid client-work evaluation and feedback fields as the Tasklist submits them (checklists as Json), for tests that
 * complete {@code Task_Soveltuvuus} or {@code Task_Seuranta}:
 * {@code hb.complete(pi, "Task_Soveltuvuus", ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "kylla", ...)))}.
 */
public final class ResearchFixtures {

  private ResearchFixtures() {
  }

  /** The evaluation fields of both forms. */
  public static Map<String, Object> evaluation() {
    Map<String, Object> v = new HashMap<>();
    v.put(EvaluationRules.LIMITATIONS, checklist("liikunta", "kuulo"));
    v.put(EvaluationRules.BENEFITS, checklist("itsemaaraaminen", "osallisuus"));
    v.put(EvaluationRules.BENEFITS_DETAIL, "Voi valita avustajan itse.");
    v.put(EvaluationRules.PREREQUISITES, checklist("oma_halu", "tuki"));
    v.put(EvaluationRules.PREREQUISITES_DETAIL, "Sisar auttaa suunnittelussa.");
    v.put(EvaluationRules.CLIENT_VIEW, "Haluan päättää itse, milloin avustaja tulee.");
    v.put(EvaluationRules.WORKER_VIEW, "HB sopii: asiakas on motivoitunut ja tukija on saatavilla.");
    return v;
  }

  /** All four answers (4, 5, 4, 4: average 4.25) and a free text. */
  public static Map<String, Object> feedback() {
    Map<String, Object> v = new HashMap<>();
    v.put(EvaluationRules.FEEDBACK_DECLINED, false);
    v.put("palaute_paatinItse", "4");
    v.put("palaute_sainTuen", "5");
    v.put("palaute_palvelutSopivat", "4");
    v.put("palaute_tyytyvainen", "4");
    v.put(EvaluationRules.FEEDBACK_ANSWERED_BY, "asiakas_itse");
    v.put(EvaluationRules.FEEDBACK_TEXT, "Avustaja on mukava.");
    return v;
  }

  public static Map<String, Object> declinedFeedback() {
    Map<String, Object> v = new HashMap<>();
    v.put(EvaluationRules.FEEDBACK_DECLINED, true);
    return v;
  }

  /** {@code form} with the evaluation fields (suitability). */
  public static Map<String, Object> withEvaluation(Map<String, Object> form) {
    Map<String, Object> v = new HashMap<>(form);
    v.putAll(evaluation());
    return v;
  }

  /** {@code form} with the evaluation fields and the client's feedback (review). */
  public static Map<String, Object> withEvaluationAndFeedback(Map<String, Object> form) {
    Map<String, Object> v = withEvaluation(form);
    v.putAll(feedback());
    return v;
  }

  /**
   * The same values for a REST test that sends {@code {"value": ...}} without a type: a checklist becomes a plain JSON
   * list (stored as a Java list; the rules read it the same way as Json).
   */
  public static Map<String, Object> forRest(Map<String, Object> form) {
    Map<String, Object> v = new HashMap<>(form);
    v.replaceAll((key, value) -> value instanceof org.camunda.spin.plugin.variable.value.JsonValue
        ? JsonList.strings(value) : value);
    return v;
  }

  /** A checklist's value as the Tasklist submits it: Json. */
  public static Object checklist(String... codes) {
    return SpinValues.jsonValue(JsonList.JSON.valueToTree(List.of(codes)).toString()).create();
  }
}
