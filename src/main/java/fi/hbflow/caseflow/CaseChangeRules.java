package fi.hbflow.caseflow;

import fi.hbflow.budget.Money;
import fi.hbflow.forms.FormContract;
import fi.hbflow.forms.FormRules;
import fi.hbflow.forms.FormValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ending and reviewing an HB case between review dates (issue 21 item 7) and the re-decision of a decision made under
 * the repealed law (item 6), as plain rules: the bodies of the worker actions "review now" and "end now", the checks of
 * the tasks "HB:n päättäminen" and "Siirtymäajan uudelleenpäätös", and the list of open commitments.
 */
public final class CaseChangeRules {

  /** The form whose fields are the contract of the "end now" body (options are changed there, not in Java). */
  public static final String ENDING_FORM = "hb-paattyminen";
  public static final String REVIEW_NOW_REASON = "seurantaNytSyy";
  public static final String ENDING_TASK = "Task_Paattaminen";
  public static final String TRANSITION_TASK = "Task_Siirtymaaika";

  private CaseChangeRules() {
  }

  public static List<FormRules> all() {
    return List.of(FormRules.of(ENDING_TASK, CaseChangeRules::endingTask),
        FormRules.of(TRANSITION_TASK, CaseChangeRules::transitionTask));
  }

  /** The body of "review now": only the reason, required, at most 4 000 characters. Empty list = fine. */
  public static List<String> reviewNow(Map<String, Object> body) {
    List<String> problems = new ArrayList<>();
    if (body == null) {
      return List.of("Pyynnöstä puuttuu perustelu: lähetä {\"" + REVIEW_NOW_REASON + "\": \"…\"}.");
    }
    List<String> unknown = body.keySet().stream().filter(k -> !REVIEW_NOW_REASON.equals(k)).sorted().toList();
    if (!unknown.isEmpty()) {
      problems.add("Pyynnössä voi olla vain kenttä '" + REVIEW_NOW_REASON + "' (ylimääräiset: "
          + String.join(", ", unknown.stream().map(CaseChangeRules::printable).toList()) + ").");
    }
    FormValues form = new FormValues(new HashMap<>(body), null);
    if (body.get(REVIEW_NOW_REASON) != null && !(body.get(REVIEW_NOW_REASON) instanceof String)) {
      form.problem("Seurannan aikaistamisen perustelu: arvon pitää olla tekstiä.");
    } else {
      form.text(REVIEW_NOW_REASON, "Seurannan aikaistamisen perustelu", true, 5, FormValues.MAX_TEXT);
    }
    problems.addAll(form.problems());
    return problems;
  }

  /**
   * The body of "end now", checked against the form {@value #ENDING_FORM} (only its keys, its options, its types) and
   * the rules the form states: the reason and the day are required, the day is not in the future.
   */
  public static List<String> ending(Map<String, Object> body, FormContract form, LocalDate today) {
    if (body == null) {
      return List.of("Pyynnöstä puuttuu päättymisen syy ja päivä: lähetä {\"paattymisenSyy\": \"muutto\", "
          + "\"paattymisPaiva\": \"" + today + "\"}.");
    }
    List<String> problems = new ArrayList<>(form.check(body, null, FormContract.Conditions.NONE));
    if (!problems.isEmpty()) {
      return problems;
    }
    FormValues values = new FormValues(new HashMap<>(body), today);
    values.text("paattymisenSyy", "Päättymisen syy", true);
    values.pastDate("paattymisPaiva", "Päättymispäivä", true, null, null);
    values.text("paattymisenLisatiedot", "Lisätiedot", false, 0, FormValues.MAX_TEXT);
    return values.problems();
  }

  static void endingTask(FormValues form) {
    form.text("sitoumustenPaattaminen", "Miten sitoumukset päätettiin", true, 10, FormValues.MAX_TEXT);
  }

  static void transitionTask(FormValues form) {
    form.choice("uudelleenpaatoksenAloite", "Kenen aloitteesta uusi päätös tehdään", Set.of("asiakas", "hyvinvointialue"),
        true);
    form.text("uudelleenpaatoksenPerustelu", "Perustelu ja sovittu aikataulu", false, 0, FormValues.MAX_TEXT);
  }

  /** One open commitment of a case that ends now. */
  public record Commitment(String kind, String description) {
  }

  /** A running budget-use ledger as a commitment: its budget, the use recorded so far and what remains. */
  public static Commitment ledger(long budgetCents, long usedCents, int expenses, List<String> openTasks) {
    long remaining = budgetCents - usedCents;
    String text = "Budjetti " + Money.format(budgetCents) + ", käytetty " + Money.format(usedCents) + " ("
        + expenses + (expenses == 1 ? " kirjaus" : " kirjausta") + "), jäljellä " + Money.format(remaining)
        + ". Käytön seuranta päätettiin; kirjattu käyttö säilyy seurannan historiassa.";
    if (!openTasks.isEmpty()) {
      text += " Kesken: " + String.join(", ", openTasks) + ".";
    }
    return new Commitment("budjetti", text);
  }

  /** Markdown for the ending task's form. */
  public static String text(List<Commitment> commitments) {
    if (commitments.isEmpty()) {
      return "Ei avoimia sitoumuksia (budjetin käytön seuranta ei ollut käynnissä).";
    }
    List<String> lines = new ArrayList<>();
    commitments.forEach(c -> lines.add("- **" + c.kind() + "**: " + c.description().replace("*", "\\*")));
    return String.join("\n", lines);
  }

  private static String printable(String key) {
    String p = key.replaceAll("[^\\p{L}\\p{N}_\\-]", "?");
    return p.length() > 60 ? p.substring(0, 60) + "…" : p;
  }
}
