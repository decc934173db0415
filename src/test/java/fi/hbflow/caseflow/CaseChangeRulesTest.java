package fi.hbflow.caseflow;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.forms.FormContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bodies of "review now" and "end now" (the latter against the form hb-paattyminen), and the commitments text. */
class CaseChangeRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

  static FormContract endingForm() throws Exception {
    return FormContract.parse(Files.readString(Path.of("forms/hb-paattyminen.form")));
  }

  @Test
  void aReviewNowNeedsAReasonAndOnlyThat() {
    assertThat(CaseChangeRules.reviewNow(Map.of("seurantaNytSyy", "Avustaja lopetti."))).isEmpty();
    assertThat(CaseChangeRules.reviewNow(Map.of())).singleElement().asString().contains("Seurannan aikaistamisen perustelu");
    assertThat(CaseChangeRules.reviewNow(null)).singleElement().asString().contains("seurantaNytSyy");
    assertThat(CaseChangeRules.reviewNow(Map.of("seurantaNytSyy", "Avustaja lopetti.", "hbTulos", "x")))
        .singleElement().asString().contains("hbTulos");
    assertThat(CaseChangeRules.reviewNow(Map.of("seurantaNytSyy", "x".repeat(4001)))).singleElement().asString()
        .contains("4000");
    assertThat(CaseChangeRules.reviewNow(Map.of("seurantaNytSyy", 5))).singleElement().asString().contains("tekstiä");
  }

  @Test
  void anEndingKeepsToTheFormsOptionsAndIsNotInTheFuture() throws Exception {
    FormContract form = endingForm();
    Map<String, Object> fine = new HashMap<>(Map.of("paattymisenSyy", "kuolema", "paattymisPaiva", "2026-06-14"));
    assertThat(CaseChangeRules.ending(fine, form, TODAY)).isEmpty();
    for (String reason : List.of("kuolema", "muutto", "asiakkaan_valinta", "muu")) {
      fine.put("paattymisenSyy", reason);
      assertThat(CaseChangeRules.ending(fine, form, TODAY)).as(reason).isEmpty();
    }

    Map<String, Object> badOption = Map.of("paattymisenSyy", "kyllastyminen", "paattymisPaiva", "2026-06-14");
    assertThat(CaseChangeRules.ending(badOption, form, TODAY)).singleElement().asString().contains("vaihtoehto");
    Map<String, Object> future = Map.of("paattymisenSyy", "muutto", "paattymisPaiva", "2026-06-16");
    assertThat(CaseChangeRules.ending(future, form, TODAY)).singleElement().asString().contains("tulevaisuudessa");
    Map<String, Object> extra = Map.of("paattymisenSyy", "muutto", "paattymisPaiva", "2026-06-14", "hbTulos", "x");
    assertThat(CaseChangeRules.ending(extra, form, TODAY)).first().asString().contains("hbTulos");
    Map<String, Object> missing = Map.of("paattymisPaiva", "2026-06-14");
    assertThat(CaseChangeRules.ending(missing, form, TODAY)).singleElement().asString().contains("Päättymisen syy");
    Map<String, Object> notADate = Map.of("paattymisenSyy", "muutto", "paattymisPaiva", "14.6.2026");
    assertThat(CaseChangeRules.ending(notADate, form, TODAY)).isNotEmpty();
  }

  @Test
  void theLedgerCommitmentNamesBudgetUseAndRemainder() {
    CaseChangeRules.Commitment c = CaseChangeRules.ledger(2_212_740L, 1_020_000L, 2, List.of("Budjetin käyttö etenee nopeasti"));
    assertThat(c.description()).contains("22 127,40 €").contains("10 200,00 €").contains("11 927,40 €")
        .contains("2 kirjausta").contains("Kesken: Budjetin käyttö etenee nopeasti");
    assertThat(CaseChangeRules.text(List.of())).contains("Ei avoimia sitoumuksia");
  }
}
