package fi.hbflow.research;

import fi.hbflow.casefile.CaseFile;
import fi.hbflow.casefile.CaseValueException;
import fi.hbflow.casefile.JsonList;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.forms.FormValues;
import fi.hbflow.research.Evaluations.Evaluation;
import fi.hbflow.research.Feedbacks.Feedback;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server-side checks of the client-work evaluation (fields {@code arvio_*}, forms {@code hb-soveltuvuus} and
 * {@code hb-seuranta}) and of the client's feedback at a review (fields {@code palaute_*}, form {@code hb-seuranta}).
 * Called from the step rules of those tasks:
 * <pre>
 *   StepRules.suitability: EvaluationRules.suitability(form);
 *   StepRules.review:      EvaluationRules.review(form);
 * </pre>
 * A valid evaluation is appended to the case's list {@value Evaluations#VARIABLE} (a derived value that replaces the
 * variable), a valid feedback to {@value Feedbacks#VARIABLE} with its average in {@value Feedbacks#SATISFACTION_VARIABLE};
 * then the form's fields are emptied (derived nulls) so that the next review starts from a blank form, except the
 * limitation types, which rarely change and are offered again.
 */
public final class EvaluationRules {

  public static final String LIMITATIONS = "arvio_toimintarajoitteet";
  public static final String LIMITATION_OTHER = "arvio_toimintarajoiteMuu";
  public static final String BENEFITS = "arvio_hyodyt";
  public static final String BENEFITS_DETAIL = "arvio_hyodytTarkennus";
  public static final String PREREQUISITES = "arvio_edellytykset";
  public static final String PREREQUISITES_DETAIL = "arvio_edellytyksetTarkennus";
  public static final String CLIENT_VIEW = "arvio_asiakkaanNakemys";
  public static final String WORKER_VIEW = "arvio_tyontekijanNakemys";

  public static final String FEEDBACK_DECLINED = "palaute_eiHalua";
  /** Each question of {@link Feedbacks#QUESTIONS} is the radio {@code palaute_<code>} with the values "1"–"5". */
  public static final String FEEDBACK_PREFIX = "palaute_";
  public static final String FEEDBACK_ANSWERED_BY = "palaute_vastaaja";
  public static final String FEEDBACK_TEXT = "palaute_vapaasana";

  static final int DETAIL_MAX = 500;
  static final int FEEDBACK_TEXT_MAX = 2000;

  private EvaluationRules() {
  }

  /** At {@code Task_Soveltuvuus}: the evaluation. */
  public static void suitability(FormValues form) {
    check(form, Evaluations.SUITABILITY);
  }

  /** At {@code Task_Seuranta}: the evaluation and the client's feedback. */
  public static void review(FormValues form) {
    check(form, Evaluations.REVIEW);
    feedback(form);
  }

  /** Checks the evaluation fields; when the whole form is valid, appends the evaluation (step = {@code step}). */
  public static void check(FormValues form, String step) {
    List<String> limitations = codes(form, LIMITATIONS, "Toimintarajoitteen tyyppi", Evaluations.LIMITATIONS, true);
    String limitationOther = limitations.contains("muu")
        ? form.text(LIMITATION_OTHER, "Muu toimintarajoite, mikä", true, 2, 200) : null;
    List<String> benefits = codes(form, BENEFITS, "Hyödyt", Evaluations.BENEFITS, false);
    String benefitsDetail = form.text(BENEFITS_DETAIL, "Hyötyjen tarkennus", false, 1, DETAIL_MAX);
    List<String> prerequisites = codes(form, PREREQUISITES, "Edellytykset", Evaluations.PREREQUISITES, false);
    String prerequisitesDetail = form.text(PREREQUISITES_DETAIL, "Edellytysten tarkennus", false, 1, DETAIL_MAX);
    String clientView = form.text(CLIENT_VIEW, "Asiakkaan oma näkemys", false, 1, FormValues.MAX_TEXT);
    String workerView = form.text(WORKER_VIEW, "Työntekijän näkemys", true, 10, FormValues.MAX_TEXT);
    Evaluations current = list(form, Evaluations.VARIABLE, "arviointien", Evaluations::of);
    if (form.hasProblems() || current == null) {
      return; // refused: nothing is derived
    }
    Evaluation evaluation = new Evaluation(step, evaluationDate(form, step), form.user(), limitations,
        limitationOther, benefits, benefitsDetail, prerequisites, prerequisitesDetail, clientView, workerView);
    form.derive(Evaluations.VARIABLE, current.with(evaluation).toValue());
    // canonical, and offered again at the next review
    form.derive(LIMITATIONS, JsonList.value(JsonList.JSON.valueToTree(limitations)));
    for (String key : List.of(BENEFITS, BENEFITS_DETAIL, PREREQUISITES, PREREQUISITES_DETAIL, CLIENT_VIEW, WORKER_VIEW)) {
      form.derive(key, null);
    }
  }

  /**
   * The client's feedback at a review: either declined ({@value #FEEDBACK_DECLINED}) or all four answers 1–5 (the
   * form cannot require them: they are hidden when the client declines). When valid, appended to the list.
   */
  static void feedback(FormValues form) {
    LocalDate date = evaluationDate(form, Evaluations.REVIEW);
    Feedback feedback = null;
    if (isTrue(form.raw(FEEDBACK_DECLINED))) {
      feedback = Feedback.declined(date, form.user()); // answers possibly left in hidden fields are not kept
    } else {
      Map<String, Integer> answers = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      Feedbacks.QUESTIONS.forEach((code, statement) -> {
        String key = FEEDBACK_PREFIX + code;
        if (!form.isPresent(key)) {
          missing.add("\"" + statement + "\"");
          return;
        }
        Integer answer = form.integer(key, "Palaute \"" + statement + "\"", Feedbacks.MIN, Feedbacks.MAX, false);
        if (answer != null) {
          answers.put(code, answer);
        }
      });
      String answeredBy = form.choice(FEEDBACK_ANSWERED_BY, "Kuka vastasi", Feedbacks.ANSWERED_BY.keySet(), false);
      String text = form.text(FEEDBACK_TEXT, "Mitä haluat sanoa?", false, 1, FEEDBACK_TEXT_MAX);
      if (missing.size() == Feedbacks.QUESTIONS.size()) {
        form.problem("Asiakaspalaute: kysy asiakkaalta palautteen neljä kysymystä tai merkitse, ettei asiakas halua "
            + "antaa palautetta.");
      } else if (!missing.isEmpty()) {
        form.problem("Asiakaspalaute: vastaa kaikkiin neljään kysymykseen (puuttuu: " + String.join(", ", missing)
            + ") tai merkitse, ettei asiakas halua antaa palautetta.");
      } else if (answers.size() == Feedbacks.QUESTIONS.size()) {
        feedback = new Feedback(date, form.user(), false, answers, answeredBy, text);
      }
    }
    Feedbacks current = list(form, Feedbacks.VARIABLE, "palautteiden", Feedbacks::of);
    if (form.hasProblems() || current == null || feedback == null) {
      return;
    }
    form.derive(Feedbacks.VARIABLE, current.with(feedback).toValue());
    feedback.average().ifPresent(average -> form.derive(Feedbacks.SATISFACTION_VARIABLE, average));
    form.derive(FEEDBACK_DECLINED, null);
    Feedbacks.QUESTIONS.keySet().forEach(code -> form.derive(FEEDBACK_PREFIX + code, null));
    form.derive(FEEDBACK_ANSWERED_BY, null);
    form.derive(FEEDBACK_TEXT, null);
  }

  /** The chosen options of a checklist, in the form's order; unknown options and (when required) none are problems. */
  static List<String> codes(FormValues form, String key, String label, Map<String, String> allowed, boolean required) {
    List<String> chosen;
    try {
      chosen = JsonList.strings(form.raw(key));
    } catch (IllegalArgumentException e) {
      form.problem(label + ": valinnat eivät ole luettavissa (odotettiin luetteloa vaihtoehdoista).");
      return List.of();
    }
    List<String> unknown = chosen.stream().filter(c -> !allowed.containsKey(c)).distinct().toList();
    if (!unknown.isEmpty()) {
      form.problem(label + ": '" + String.join("', '", unknown) + "' ei ole sallittu vaihtoehto (sallitut: "
          + String.join(", ", allowed.keySet()) + ").");
    } else if (required && chosen.isEmpty()) {
      form.problem(label + ": valitse vähintään yksi.");
    }
    return allowed.keySet().stream().filter(chosen::contains).toList();
  }

  private interface Reader<T> {
    T read(Object raw);
  }

  private static <T> T list(FormValues form, String variable, String what, Reader<T> reader) {
    try {
      return reader.read(form.raw(variable));
    } catch (IllegalArgumentException e) {
      form.problem("Asian " + what + " luettelo (" + variable + ") on vioittunut, joten uutta ei voi lisätä. "
          + "Ota yhteys pääkäyttäjään.");
      return null;
    }
  }

  /** A review is dated by its review date (checked by the review's own rules), otherwise today. */
  private static LocalDate evaluationDate(FormValues form, String step) {
    Object reviewed = form.raw("seurantapaiva");
    if (Evaluations.REVIEW.equals(step) && reviewed != null) {
      try {
        LocalDate date = CaseFile.date(reviewed, "Seurantapäivä");
        if (date != null) {
          return date;
        }
      } catch (CaseValueException e) {
        // read quietly: a bad date is reported by StepRules.review, and the form is refused anyway
      }
    }
    return form.today() != null ? form.today() : EngineContext.today();
  }

  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || (value != null && "true".equalsIgnoreCase(value.toString().trim()));
  }
}
