package fi.hbflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluation and feedback fields of the forms match the codes the server checks and the export reads. */
class ResearchFormsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode field(JsonNode form, String key) {
    for (JsonNode c : form.get("components")) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
    }
    throw new AssertionError("no field " + key + " in " + form.get("id"));
  }

  static List<String> options(JsonNode field) {
    List<String> values = new ArrayList<>();
    field.get("values").forEach(v -> values.add(v.get("value").asText()));
    return values;
  }

  @Test
  void bothFormsHaveTheEvaluationWithTheServersCodes() throws Exception {
    for (String name : List.of("hb-soveltuvuus", "hb-seuranta")) {
      JsonNode form = JSON.readTree(new File("forms/" + name + ".form"));
      JsonNode limitations = field(form, EvaluationRules.LIMITATIONS);
      assertThat(limitations.get("type").asText()).isEqualTo("checklist");
      assertThat(options(limitations)).containsExactlyElementsOf(Evaluations.LIMITATIONS.keySet());
      assertThat(options(field(form, EvaluationRules.BENEFITS))).containsExactlyElementsOf(Evaluations.BENEFITS.keySet());
      assertThat(options(field(form, EvaluationRules.PREREQUISITES)))
          .containsExactlyElementsOf(Evaluations.PREREQUISITES.keySet());
      for (String key : List.of(EvaluationRules.LIMITATION_OTHER, EvaluationRules.BENEFITS_DETAIL,
          EvaluationRules.PREREQUISITES_DETAIL, EvaluationRules.CLIENT_VIEW, EvaluationRules.WORKER_VIEW)) {
        field(form, key);
      }
    }
  }

  @Test
  void theReviewFormHasTheFeedbackWithTheServersCodes() throws Exception {
    JsonNode form = JSON.readTree(new File("forms/hb-seuranta.form"));
    assertThat(field(form, EvaluationRules.FEEDBACK_DECLINED).get("type").asText()).isEqualTo("checkbox");
    for (Map.Entry<String, String> q : Feedbacks.QUESTIONS.entrySet()) {
      JsonNode radio = field(form, EvaluationRules.FEEDBACK_PREFIX + q.getKey());
      assertThat(radio.get("label").asText()).isEqualTo(q.getValue());
      assertThat(options(radio)).containsExactly("1", "2", "3", "4", "5");
    }
    assertThat(options(field(form, EvaluationRules.FEEDBACK_ANSWERED_BY)))
        .containsExactlyElementsOf(Feedbacks.ANSWERED_BY.keySet());
    field(form, EvaluationRules.FEEDBACK_TEXT);
  }

  @Test
  void noConditionallyHiddenEvaluationOrFeedbackFieldIsRequiredInTheBrowser() throws Exception {
    // a hidden required field leaves Tasklist's Complete disabled: EvaluationRules checks those instead
    for (String name : List.of("hb-soveltuvuus", "hb-seuranta")) {
      JsonNode form = JSON.readTree(new File("forms/" + name + ".form"));
      for (JsonNode c : form.get("components")) {
        String key = c.path("key").asText();
        if (c.has("conditional") && (key.startsWith("arvio_") || key.startsWith("palaute_"))) {
          assertThat(c.path("validate").path("required").asBoolean(false)).as("%s in %s", c.get("id"), name).isFalse();
        }
      }
    }
  }
}
