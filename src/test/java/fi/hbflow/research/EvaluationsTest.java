package fi.hbflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fi.hbflow.research.Evaluations.Evaluation;
import fi.hbflow.research.Feedbacks.Feedback;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

class EvaluationsTest {

  static final LocalDate DAY = LocalDate.of(2026, 6, 15);

  static Evaluation evaluation(String step, String... limitations) {
    return new Evaluation(step, DAY, "sosiaalityontekija", List.of(limitations), null, List.of("osallisuus"),
        "Harrastukset", List.of("tuki"), null, "Haluan itse päättää.", "Sopii hyvin asiakkaalle.");
  }

  @Test
  void appendsToAnEmptyListAndKeepsTheOrder() {
    Evaluations none = Evaluations.of(null);
    Evaluations one = none.with(evaluation(Evaluations.SUITABILITY, "liikunta"));
    Evaluations two = one.with(evaluation(Evaluations.REVIEW, "liikunta", "kuulo"));

    assertThat(none.size()).isZero(); // immutable: appending gives a new list
    assertThat(one.size()).isEqualTo(1);
    assertThat(two.entries()).extracting(e -> e.get("vaihe").asText()).containsExactly("soveltuvuus", "seuranta");
    JsonNode latest = two.latest().orElseThrow();
    assertThat(Evaluations.codes(latest, "toimintarajoitteet")).containsExactly("liikunta", "kuulo");
    assertThat(latest.get("paiva").asText()).isEqualTo("2026-06-15");
    assertThat(latest.get("kirjaaja").asText()).isEqualTo("sosiaalityontekija");
    assertThat(latest.get("asiakkaanNakemys").asText()).isEqualTo("Haluan itse päättää.");
    assertThat(latest.has("toimintarajoiteMuu")).isFalse(); // absent, not null
  }

  @Test
  void readsTheListInEveryFormTheEngineGivesIt() {
    String json = Evaluations.of(null).with(evaluation(Evaluations.SUITABILITY, "nako")).toJson();

    JsonValue typed = SpinValues.jsonValue(json).create();
    Object spinNode = Spin.JSON(json);
    for (Object raw : List.of(json, typed, spinNode)) {
      Evaluations read = Evaluations.of(raw);
      assertThat(read.size()).as(raw.getClass().getSimpleName()).isEqualTo(1);
      assertThat(read.with(evaluation(Evaluations.REVIEW, "kuulo")).size()).isEqualTo(2);
    }
    assertThat(Evaluations.of("").size()).isZero();
    assertThat(Evaluations.of(List.of(Map.of("vaihe", "seuranta"))).size()).isEqualTo(1);
  }

  @Test
  void theStoredValueIsAJsonVariable() {
    JsonValue value = Evaluations.of(null).with(evaluation(Evaluations.SUITABILITY, "muu")).toValue();
    assertThat(value.getType().getName()).isEqualTo("json");
    assertThat(Evaluations.of(value).size()).isEqualTo(1);
  }

  @Test
  void anUnreadableListIsNotSilentlyReplaced() {
    assertThatThrownBy(() -> Evaluations.of("{\"vaihe\": \"seuranta\"}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Evaluations.of("not json")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Evaluations.of(42)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void feedbackKeepsTheAnswersTheirAverageAndDeclines() {
    Feedbacks feedbacks = Feedbacks.of(null)
        .with(new Feedback(DAY, "sosiaalityontekija", false,
            Map.of("paatinItse", 4, "sainTuen", 5, "palvelutSopivat", 4, "tyytyvainen", 4), "asiakas_itse", "Kiitos."))
        .with(Feedback.declined(DAY.plusMonths(12), "sosiaalityontekija"))
        .with(new Feedback(DAY.plusMonths(24), null, false,
            Map.of("paatinItse", 2, "sainTuen", 3, "palvelutSopivat", 2, "tyytyvainen", 3), null, null));

    assertThat(feedbacks.size()).isEqualTo(3);
    assertThat(feedbacks.given()).hasSize(2);
    assertThat(feedbacks.declinedCount()).isEqualTo(1);
    assertThat(feedbacks.entries().get(0).get("keskiarvo").asDouble()).isEqualTo(4.25);
    assertThat(feedbacks.entries().get(1).get("eiHalua").asBoolean()).isTrue();
    assertThat(feedbacks.entries().get(1).has("keskiarvo")).isFalse();
    assertThat(feedbacks.latestAverage()).contains(2.5);
    assertThat(feedbacks.mean("paatinItse").getAsDouble()).isEqualTo(3.0);
    assertThat(Feedbacks.of(feedbacks.toValue()).size()).isEqualTo(3);
  }

  @Test
  void aFeedbackIsAllOrNothing() {
    assertThatThrownBy(() -> new Feedback(DAY, null, false, Map.of("paatinItse", 4), null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Feedback(DAY, null, true, Map.of("paatinItse", 4), null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Feedback(DAY, null, false,
        Map.of("paatinItse", 6, "sainTuen", 5, "palvelutSopivat", 4, "tyytyvainen", 4), null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
