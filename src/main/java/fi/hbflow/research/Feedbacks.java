package fi.hbflow.research;

import fi.hbflow.casefile.JsonList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * The client's feedback at the reviews of one HB case (<i>asiakaspalaute</i>, a short plain-language questionnaire):
 * the Json list variable {@value #VARIABLE}, one entry per review, also when the client declined. Immutable.
 */
public final class Feedbacks extends JsonList {

  public static final String VARIABLE = "palautteet";
  /** The average (1.0–5.0) of the four answers of the latest feedback given; not changed by a declined one. */
  public static final String SATISFACTION_VARIABLE = "tyytyvaisyys";
  public static final int MIN = 1;
  public static final int MAX = 5;

  /** The statements (selkokieli) the client answers 1–5: code → the statement as the form shows it. */
  public static final Map<String, String> QUESTIONS;

  static {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("paatinItse", "Sain itse päättää, mitä budjetilla hankin.");
    q.put("sainTuen", "Sain tarvitsemani tuen.");
    q.put("palvelutSopivat", "Palvelut sopivat minulle.");
    q.put("tyytyvainen", "Olen tyytyväinen.");
    QUESTIONS = Collections.unmodifiableMap(q);
  }

  /** Who answered (optional): code → Finnish label. */
  public static final Map<String, String> ANSWERED_BY;

  static {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("asiakas_itse", "Asiakas itse");
    a.put("asiakas_tuettuna", "Asiakas tukijan tai läheisen avulla");
    a.put("laheinen_puolesta", "Läheinen asiakkaan puolesta");
    ANSWERED_BY = Collections.unmodifiableMap(a);
  }

  /** One review's feedback: declined (no answers), or all four answers 1–5. Texts may be null. */
  public record Feedback(LocalDate date, String recordedBy, boolean declined, Map<String, Integer> answers,
                         String answeredBy, String freeText) {

    public Feedback {
      answers = answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
      if (declined && !answers.isEmpty()) {
        throw new IllegalArgumentException("a declined feedback has no answers");
      }
      if (!declined && !answers.keySet().equals(QUESTIONS.keySet())) {
        throw new IllegalArgumentException("feedback needs an answer to each of " + QUESTIONS.keySet());
      }
      answers.values().forEach(v -> {
        if (v == null || v < MIN || v > MAX) {
          throw new IllegalArgumentException("an answer is " + MIN + "–" + MAX + ": " + v);
        }
      });
    }

    public static Feedback declined(LocalDate date, String recordedBy) {
      return new Feedback(date, recordedBy, true, Map.of(), null, null);
    }

    /** The average of the four answers (a multiple of 0.25: exact as a double); empty when declined. */
    public OptionalDouble average() {
      return answers.values().stream().mapToInt(Integer::intValue).average();
    }

    ObjectNode toJson() {
      ObjectNode entry = JsonList.JSON.createObjectNode();
      entry.put("paiva", date.toString());
      Evaluations.putIfPresent(entry, "kirjaaja", recordedBy);
      entry.put("eiHalua", declined);
      answers.forEach(entry::put);
      average().ifPresent(a -> entry.put("keskiarvo", a));
      Evaluations.putIfPresent(entry, "vastaaja", answeredBy);
      Evaluations.putIfPresent(entry, "vapaasana", freeText);
      return entry;
    }
  }

  private Feedbacks(ArrayNode entries) {
    super(entries);
  }

  /** From the variable's value (Spin Json, JsonValue, JSON text, or null). {@link IllegalArgumentException} if unreadable. */
  public static Feedbacks of(Object variable) {
    return new Feedbacks(JsonList.read(variable));
  }

  public Feedbacks with(Feedback feedback) {
    return new Feedbacks(plus(feedback.toJson()));
  }

  /** The feedbacks the client gave (not declined ones). */
  public List<JsonNode> given() {
    return entries().stream().filter(e -> !e.path("eiHalua").asBoolean(false)).toList();
  }

  public int declinedCount() {
    return size() - given().size();
  }

  /** The mean of one question's answers over every feedback given; empty when none was given. */
  public OptionalDouble mean(String question) {
    return given().stream().filter(e -> e.path(question).isInt()).mapToInt(e -> e.get(question).asInt()).average();
  }

  /** The latest feedback the client gave (declined ones skipped). */
  public Optional<JsonNode> latestGiven() {
    List<JsonNode> given = given();
    return given.isEmpty() ? Optional.empty() : Optional.of(given.get(given.size() - 1));
  }

  /** The average of the latest feedback given. */
  public Optional<Double> latestAverage() {
    return latestGiven().filter(e -> e.has("keskiarvo")).map(e -> e.get("keskiarvo").asDouble());
  }
}
