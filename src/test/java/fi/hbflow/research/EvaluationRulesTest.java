package fi.hbflow.research;

import fi.hbflow.casefile.JsonList;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.hbflow.forms.FormValues;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

class EvaluationRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

  static FormValues form(Map<String, Object> values) {
    return new FormValues(new HashMap<>(values), TODAY, "sosiaalityontekija");
  }

  static Evaluations evaluations(FormValues form) {
    return Evaluations.of(form.derived().get(Evaluations.VARIABLE));
  }

  @Test
  void aValidEvaluationIsAppendedWithTheStepDateAndValuesAndTheFormIsEmptiedForTheNextTime() {
    FormValues form = form(ResearchFixtures.evaluation());
    EvaluationRules.suitability(form);

    assertThat(form.problems()).isEmpty();
    assertThat(form.derived().get(Evaluations.VARIABLE)).isInstanceOf(JsonValue.class);
    JsonNode entry = evaluations(form).latest().orElseThrow();
    assertThat(entry.get("vaihe").asText()).isEqualTo("soveltuvuus");
    assertThat(entry.get("paiva").asText()).isEqualTo("2026-06-15");
    assertThat(entry.get("kirjaaja").asText()).isEqualTo("sosiaalityontekija");
    assertThat(Evaluations.codes(entry, "toimintarajoitteet")).containsExactly("liikunta", "kuulo");
    assertThat(Evaluations.codes(entry, "hyodyt")).containsExactly("itsemaaraaminen", "osallisuus");
    assertThat(Evaluations.codes(entry, "edellytykset")).containsExactly("oma_halu", "tuki");
    assertThat(entry.get("asiakkaanNakemys").asText()).isEqualTo("Haluan päättää itse, milloin avustaja tulee.");
    assertThat(entry.get("tyontekijanNakemys").asText()).startsWith("HB sopii");
    // the next review starts blank, except the limitation types (offered again)
    assertThat(form.derived()).containsEntry(EvaluationRules.CLIENT_VIEW, null).containsEntry(EvaluationRules.WORKER_VIEW, null)
        .containsEntry(EvaluationRules.BENEFITS, null).containsEntry(EvaluationRules.PREREQUISITES_DETAIL, null);
    assertThat(JsonList.strings(form.derived().get(EvaluationRules.LIMITATIONS))).containsExactly("liikunta", "kuulo");
  }

  @Test
  void aReviewIsAppendedToTheEarlierEvaluationsAndDatedByTheReviewDate() {
    FormValues first = form(ResearchFixtures.evaluation());
    EvaluationRules.suitability(first);
    Object stored = first.derived().get(Evaluations.VARIABLE);

    // as the engine gives it back: a Spin node; and as text (REST, Java)
    for (Object earlier : List.of(Spin.JSON(((JsonValue) stored).getValueSerialized()),
        ((JsonValue) stored).getValueSerialized())) {
      Map<String, Object> values = ResearchFixtures.withEvaluationAndFeedback(Map.of("seurantapaiva", "2026-09-14"));
      values.put(Evaluations.VARIABLE, earlier);
      FormValues review = form(values);
      EvaluationRules.review(review);
      assertThat(review.problems()).isEmpty();
      Evaluations all = evaluations(review);
      assertThat(all.entries()).extracting(e -> e.get("vaihe").asText()).containsExactly("soveltuvuus", "seuranta");
      assertThat(all.latest().orElseThrow().get("paiva").asText()).isEqualTo("2026-09-14");
    }
  }

  @Test
  void checklistsAreReadAsJsonListCollectionsOrText() {
    for (Object chosen : List.of(ResearchFixtures.checklist("nako", "muu"), Spin.JSON("[\"nako\",\"muu\"]"),
        List.of("nako", "muu"), "[\"nako\",\"muu\"]", "nako, muu")) {
      Map<String, Object> values = ResearchFixtures.evaluation();
      values.put(EvaluationRules.LIMITATIONS, chosen);
      values.put(EvaluationRules.LIMITATION_OTHER, "Puhevamma");
      FormValues form = form(values);
      EvaluationRules.suitability(form);
      assertThat(form.problems()).as(chosen.getClass().getSimpleName()).isEmpty();
      JsonNode entry = evaluations(form).latest().orElseThrow();
      assertThat(Evaluations.codes(entry, "toimintarajoitteet")).containsExactly("nako", "muu");
      assertThat(entry.get("toimintarajoiteMuu").asText()).isEqualTo("Puhevamma");
    }
  }

  @Test
  void everyFaultIsReportedAndNothingIsAppended() {
    Map<String, Object> values = new HashMap<>();
    values.put(EvaluationRules.LIMITATIONS, ResearchFixtures.checklist());
    values.put(EvaluationRules.BENEFITS, List.of("osallisuus", "lottovoitto"));
    values.put(EvaluationRules.WORKER_VIEW, "Hyvä.");
    FormValues form = form(values);
    EvaluationRules.suitability(form);

    assertThat(form.problems()).containsExactlyInAnyOrder(
        "Toimintarajoitteen tyyppi: valitse vähintään yksi.",
        "Hyödyt: 'lottovoitto' ei ole sallittu vaihtoehto (sallitut: itsemaaraaminen, osallisuus, tarpeen_mukaiset, "
            + "joustavuus, arki_sujuu, laheiset, muu).",
        "Työntekijän näkemys: kirjoita vähintään 10 merkkiä (nyt 5).");
    assertThat(form.derived()).isEmpty();
  }

  @Test
  void otherLimitationNeedsItsDescriptionOnTheServer() {
    Map<String, Object> values = ResearchFixtures.evaluation();
    values.put(EvaluationRules.LIMITATIONS, ResearchFixtures.checklist("muu"));
    FormValues form = form(values);
    EvaluationRules.suitability(form);
    assertThat(form.problems()).containsExactly("Muu toimintarajoite, mikä puuttuu.");
  }

  @Test
  void theWholeEvaluationIsRequiredWhenTheFormIsSentWithoutIt() {
    FormValues form = form(Map.of("hbSoveltuu", "kylla"));
    EvaluationRules.suitability(form);
    assertThat(form.problems()).containsExactly("Toimintarajoitteen tyyppi: valitse vähintään yksi.",
        "Työntekijän näkemys puuttuu.");
  }

  @Test
  void aCorruptListRefusesTheFormInsteadOfLosingTheEarlierEvaluations() {
    Map<String, Object> values = ResearchFixtures.evaluation();
    values.put(Evaluations.VARIABLE, "{rikki");
    FormValues form = form(values);
    EvaluationRules.suitability(form);
    assertThat(form.problems()).singleElement().asString().contains("arvioinnit").contains("vioittunut");
    assertThat(form.derived()).isEmpty();
  }

  @Test
  void nothingIsAppendedWhenAnotherFieldOfTheFormIsRefused() {
    FormValues form = form(ResearchFixtures.evaluation());
    form.problem("Soveltuvuuden perustelut puuttuu.");
    EvaluationRules.suitability(form);
    assertThat(form.derived()).isEmpty();
  }

  // --- feedback --------------------------------------------------------------------------------------------------

  @Test
  void allFourAnswersAreAppendedWithTheirAverage() {
    FormValues form = form(ResearchFixtures.withEvaluationAndFeedback(Map.of("seurantapaiva", "2026-09-14")));
    EvaluationRules.review(form);

    assertThat(form.problems()).isEmpty();
    JsonNode feedback = Feedbacks.of(form.derived().get(Feedbacks.VARIABLE)).latestGiven().orElseThrow();
    assertThat(feedback.get("paatinItse").asInt()).isEqualTo(4);
    assertThat(feedback.get("sainTuen").asInt()).isEqualTo(5);
    assertThat(feedback.get("keskiarvo").asDouble()).isEqualTo(4.25);
    assertThat(feedback.get("vapaasana").asText()).isEqualTo("Avustaja on mukava.");
    assertThat(feedback.get("vastaaja").asText()).isEqualTo("asiakas_itse");
    assertThat(feedback.get("paiva").asText()).isEqualTo("2026-09-14");
    assertThat(form.derived()).containsEntry(Feedbacks.SATISFACTION_VARIABLE, 4.25)
        .containsEntry("palaute_paatinItse", null).containsEntry(EvaluationRules.FEEDBACK_TEXT, null);
  }

  @Test
  void numbersFromRestAreAcceptedAsAnswers() {
    Map<String, Object> values = ResearchFixtures.withEvaluationAndFeedback(Map.of());
    values.put("palaute_paatinItse", 1);
    values.put("palaute_sainTuen", 1L);
    FormValues form = form(values);
    EvaluationRules.review(form);
    assertThat(form.problems()).isEmpty();
    assertThat(form.derived()).containsEntry(Feedbacks.SATISFACTION_VARIABLE, 2.5);
  }

  @Test
  void aClientWhoDeclinesIsRecordedAsDeclinedAndTheLatestSatisfactionStays() {
    Map<String, Object> values = ResearchFixtures.withEvaluation(ResearchFixtures.declinedFeedback());
    values.put("palaute_tyytyvainen", "2"); // left in a field the form hid: not kept
    FormValues form = form(values);
    EvaluationRules.review(form);

    assertThat(form.problems()).isEmpty();
    Feedbacks feedbacks = Feedbacks.of(form.derived().get(Feedbacks.VARIABLE));
    assertThat(feedbacks.size()).isEqualTo(1);
    assertThat(feedbacks.declinedCount()).isEqualTo(1);
    assertThat(feedbacks.entries().get(0).has("tyytyvainen")).isFalse();
    assertThat(form.derived()).doesNotContainKey(Feedbacks.SATISFACTION_VARIABLE);
  }

  @Test
  void partOfTheAnswersIsRefused() {
    Map<String, Object> values = ResearchFixtures.withEvaluationAndFeedback(Map.of());
    values.remove("palaute_sainTuen");
    values.put("palaute_tyytyvainen", "");
    FormValues form = form(values);
    EvaluationRules.review(form);
    assertThat(form.problems()).containsExactly("Asiakaspalaute: vastaa kaikkiin neljään kysymykseen (puuttuu: "
        + "\"Sain tarvitsemani tuen.\", \"Olen tyytyväinen.\") tai merkitse, ettei asiakas halua antaa palautetta.");
    assertThat(form.derived()).doesNotContainKey(Feedbacks.VARIABLE);
  }

  @Test
  void noAnswersWithoutDecliningIsRefusedEvenWithAFreeText() {
    Map<String, Object> values = ResearchFixtures.withEvaluation(Map.of(EvaluationRules.FEEDBACK_TEXT, "Hyvä"));
    FormValues form = form(values);
    EvaluationRules.review(form);
    assertThat(form.problems()).singleElement().asString().startsWith("Asiakaspalaute: kysy asiakkaalta");
  }

  @Test
  void anAnswerOutsideTheScaleIsRefused() {
    Map<String, Object> values = ResearchFixtures.withEvaluationAndFeedback(Map.of());
    values.put("palaute_tyytyvainen", "7");
    FormValues form = form(values);
    EvaluationRules.review(form);
    assertThat(form.problems()).containsExactly("Palaute \"Olen tyytyväinen.\": sallittu 1–5, annettu 7.");
  }

  @Test
  void aReviewReportsEvaluationAndFeedbackFaultsTogether() {
    FormValues form = form(Map.of());
    EvaluationRules.review(form);
    assertThat(form.problems()).hasSize(3);
    assertThat(form.derived()).isEmpty();
  }
}
