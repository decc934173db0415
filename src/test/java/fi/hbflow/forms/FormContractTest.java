package fi.hbflow.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.hbflow.forms.FormContract.Conditions;
import fi.hbflow.forms.FormContract.UnsupportedValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FormContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Each shipped form: the keys its JSON declares are exactly what a submission may carry. */
  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form")).sorted();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyKeyedFieldOfEachFormIsAllowedAndNothingElse(Path form) throws IOException {
    String text = Files.readString(form);
    FormContract contract = FormContract.parse(text);
    Set<String> declared = new LinkedHashSet<>();
    keys(JSON.readTree(text).path("components"), declared);
    assertThat(contract.keys()).as(form.toString()).containsExactlyInAnyOrderElementsOf(declared);

    // an extra key beside the form's own is refused, naming it
    Map<String, Object> extra = new HashMap<>();
    extra.put("budjettiKausiSentit", 999_999_999L);
    assertThat(contract.check(extra, name -> null, Conditions.NONE)).singleElement().asString()
        .contains("'budjettiKausiSentit'");
    // every field left empty is not the contract's business (the step's rules say what is required)
    Map<String, Object> empty = new HashMap<>();
    declared.forEach(k -> empty.put(k, null));
    assertThat(contract.check(empty, name -> null, Conditions.NONE)).as(form.toString()).isEmpty();
  }

  private static void keys(JsonNode components, Set<String> into) {
    for (JsonNode c : components) {
      if (c.has("components")) {
        keys(c.path("components"), into);
      } else if (c.hasNonNull("key")) {
        into.add(c.path("key").asText());
      }
    }
  }

  private static FormContract startForm() throws IOException {
    return FormContract.parse(Files.readString(Path.of("forms/hb-vireilletulo.form")));
  }

  private static List<String> check(FormContract contract, Map<String, Object> submitted) {
    return contract.check(submitted, name -> null, Conditions.NONE);
  }

  @Test
  void valuesTheServerComputesAreRefusedWithTheirNames() throws IOException {
    Map<String, Object> start = new HashMap<>(Map.of("asiakasNimi", "Aino", "kotikunta", "Imatra",
        "paatospaiva", "2026-01-01", "arvioinninAloituspaiva", "2026-01-01", "toteutuksenAloituspaiva", "2026-01-01"));
    List<String> problems = check(startForm(), start);
    assertThat(problems).singleElement().asString()
        .startsWith("Lomakkeessa ei ole kenttiä")
        .contains("'paatospaiva'", "'arvioinninAloituspaiva'", "'toteutuksenAloituspaiva'")
        .doesNotContain("asiakasNimi");
  }

  @Test
  void aSelectTakesOnlyItsOptionsAndTheValueIsNotEchoed() throws IOException {
    List<String> problems = check(startForm(), Map.of("kotikunta", "<img src=x onerror=alert(1)>"));
    assertThat(problems).singleElement().asString().startsWith("Kotikunta: annettu arvo ei ole lomakkeen vaihtoehto")
        .contains("Imatra").doesNotContain("<img");
    assertThat(check(startForm(), Map.of("kotikunta", "Lemi"))).isEmpty();
  }

  @Test
  void eachFieldTakesOnlyItsOwnType() throws IOException {
    Map<String, Object> wrong = new HashMap<>();
    wrong.put("asiakasNimi", Map.of("nimi", "Json-olio")); // a Json object would become the task's name
    wrong.put("vireilletulopaiva", "1.2.2026");
    assertThat(check(startForm(), wrong)).containsExactlyInAnyOrder(
        "Asiakkaan nimi: arvon pitää olla tekstiä.",
        "Vireilletulopäivä: anna päivämäärä muodossa vvvv-kk-pp.");
    assertThat(check(startForm(), Map.of("vireilletulopaiva", "2026-02-30"))).singleElement().asString()
        .contains("2026-02-30");
    assertThat(check(startForm(), Map.of("vireilletulopaiva", "2026-02-03T00:00:00"))).hasSize(1);
    assertThat(check(startForm(), Map.of("asiakasNimi", new UnsupportedValue("Object")))).singleElement()
        .asString().contains("Object");
  }

  @Test
  void textOverTheEnginesColumnIsRefusedAlsoWhenPadded() throws IOException {
    // the engine keeps a string in 4 000 characters, counted before any trimming
    assertThat(check(startForm(), Map.of("nykyisetPalvelut", "x" + " ".repeat(4000)))).singleElement().asString()
        .isEqualTo("Nykyiset palvelut: enintään 4000 merkkiä (nyt 4001).");
    assertThat(check(startForm(), Map.of("nykyisetPalvelut", "x".repeat(4000)))).isEmpty();
  }

  @Test
  void numbersAreNumbers() throws IOException {
    FormContract assessment = FormContract.parse(Files.readString(Path.of("forms/hb-palvelutarpeen-arviointi.form")));
    assertThat(check(assessment, Map.of("budjettikaudenPituusKk", 12))).isEmpty();
    assertThat(check(assessment, Map.of("budjettikaudenPituusKk", 1.5))).isEmpty(); // the step's rule says whole
    assertThat(check(assessment, Map.of("budjettikaudenPituusKk", "paljon"))).singleElement().asString()
        .isEqualTo("Budjettikauden pituus, kuukautta: arvon pitää olla luku.");
    assertThat(check(assessment, Map.of("budjettikaudenPituusKk", Double.NaN))).hasSize(1);
  }

  @Test
  void aFieldHiddenByItsRuleTakesNoValue() throws IOException {
    FormContract support = FormContract.parse(Files.readString(Path.of("forms/hb-tuen-valinta.form")));
    Conditions noSupport = (feel, data) -> feel.equals("tukimalli = \"EI_TUKEA\"")
        && "EI_TUKEA".equals(data.apply("tukimalli"));
    Map<String, Object> submitted = new HashMap<>();
    submitted.put("tukimalli", "EI_TUKEA");
    submitted.put("tukijanNimi", "Ville");
    assertThat(support.check(submitted, name -> null, noSupport)).singleElement().asString()
        .contains("piilotettu");
    submitted.put("tukijanNimi", null); // empty is fine: the browser sends nothing for a hidden field
    assertThat(support.check(submitted, name -> null, noSupport)).isEmpty();
    submitted.put("tukimalli", "VERTAISTUKI");
    submitted.put("tukijanNimi", "Ville");
    assertThat(support.check(submitted, name -> null, noSupport)).isEmpty();
  }

  @Test
  void lockedFieldsAndListsOfOptions() {
    FormContract form = FormContract.parse("""
        {"id":"f","components":[
          {"type":"textfield","key":"lukittu","label":"Lukittu","readonly":true},
          {"type":"textfield","key":"pois","label":"Pois","disabled":true},
          {"type":"checklist","key":"valinnat","label":"Valinnat","values":[{"label":"A","value":"a"},{"label":"B","value":"b"}]},
          {"type":"checkbox","key":"kylla","label":"Kyllä"},
          {"type":"group","label":"Ryhmä","components":[{"type":"radio","key":"sisalla","label":"Sisällä",
            "values":[{"label":"X","value":"x"}]}]}]}""");
    assertThat(form.keys()).containsExactly("lukittu", "pois", "valinnat", "kylla", "sisalla");
    Map<String, Object> submitted = new HashMap<>();
    submitted.put("lukittu", "x");
    submitted.put("pois", null);
    submitted.put("valinnat", List.of("a", "c"));
    submitted.put("kylla", "true");
    submitted.put("sisalla", "x");
    List<String> problems = new ArrayList<>(check(form, submitted));
    assertThat(problems).containsExactlyInAnyOrder(
        "Kenttää 'Lukittu' ei voi muuttaa (vain luettava).",
        "Kenttää 'Pois' ei voi muuttaa (vain luettava).",
        "Valinnat: luettelossa on arvo, joka ei ole lomakkeen vaihtoehto (sallitut: a, b).",
        "Kyllä: arvon pitää olla kyllä tai ei (true/false).");
    assertThat(check(form, Map.of("valinnat", List.of("b", "a"), "kylla", true))).isEmpty();
  }
}
