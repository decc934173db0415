package fi.hbflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The support-model catalogue {@code processes/hb-tukimallit.dmn} against the forms, which keep static options (the
 * 7.24 Tasklist cannot take options from a variable): every form's {@code tukimalli} options and every FEEL name map of
 * the support models equal the catalogue's rows, and the message says what is missing where.
 */
class SupportModelCatalogueTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SupportModels CATALOGUE = SupportModels.shipped();
  /** A FEEL context literal {"CODE": "Name", ...} inside a form text or expression. */
  private static final Pattern FEEL_MAP = Pattern.compile("get value\\(\\{([^}]*)\\},\\s*(\\w+)\\)");
  private static final Pattern FEEL_ENTRY = Pattern.compile("\"([A-Z_]+)\":\\s*\"([^\"]*)\"");

  @Test
  void theShippedCatalogueHasTheSevenModelsInTheFormsOrder() {
    assertThat(CATALOGUE.codes()).containsExactly("LAHEISET", "VERTAISTUKI", "HB_VASTUUHENKILO", "PALVELUOHJAAJA",
        "JARJESTO", "OSTETTU_TUKIPALVELU", "EI_TUKEA");
    assertThat(CATALOGUE.all()).allSatisfy(m -> {
      assertThat(m.finnish()).as(m.code()).isNotBlank();
      assertThat(m.swedish()).as(m.code()).isNotBlank();
    });
    assertThat(CATALOGUE.get("EI_TUKEA").orElseThrow().requiredFields()).isEmpty();
    assertThat(CATALOGUE.get("EI_TUKEA").orElseThrow().asksConsent()).isFalse();
    assertThat(CATALOGUE.get("LAHEISET").orElseThrow().requires("tukijanNimi")).isTrue();
    assertThat(CATALOGUE.get("JARJESTO").orElseThrow().taskVariables()).contains("jarjestonNimi", "sopimuksenSisalto");
    assertThat(CATALOGUE.finnishName("VANHA_MALLI")).isEqualTo("VANHA_MALLI");
  }

  @Test
  void everyFormsSupportModelOptionsAreTheCataloguesRows() throws IOException {
    Map<String, String> expected = CATALOGUE.finnishNames();
    List<String> checked = new ArrayList<>();
    for (Path form : forms()) {
      List<JsonNode> selects = new ArrayList<>();
      collect(JSON.readTree(form.toFile()), selects);
      for (JsonNode select : selects) {
        Map<String, String> options = new LinkedHashMap<>();
        select.path("values").forEach(v -> options.put(v.path("value").asText(), v.path("label").asText()));
        assertThat(options).as("%s: the options of '%s' (the catalogue %s has, in order: %s)", form,
            select.path("key").asText(), SupportModels.RESOURCE, expected).containsExactlyEntriesOf(expected);
        checked.add(form.getFileName().toString());
      }
    }
    assertThat(checked).contains("hb-tuen-valinta.form");
  }

  @Test
  void everyFeelNameMapOfTheSupportModelsIsTheCataloguesNames() throws IOException {
    Map<String, String> expected = CATALOGUE.finnishNames();
    List<String> checked = new ArrayList<>();
    for (Path form : forms()) {
      Matcher map = FEEL_MAP.matcher(Files.readString(form).replace("\\\"", "\""));
      while (map.find()) {
        Map<String, String> names = new LinkedHashMap<>();
        Matcher entry = FEEL_ENTRY.matcher(map.group(1));
        while (entry.find()) {
          names.put(entry.group(1), entry.group(2));
        }
        if (names.keySet().stream().noneMatch(expected::containsKey)) {
          continue; // a map of something else
        }
        assertThat(names).as("%s: the names of the support models in 'get value({...}, %s)' (the catalogue %s has: %s)",
            form, map.group(2), SupportModels.RESOURCE, expected).containsExactlyEntriesOf(expected);
        checked.add(form.getFileName() + ":" + map.group(2));
      }
    }
    assertThat(checked).contains("hb-tuen-valinta.form:edellinenTukimalli", "hb-tukisuunnitelma.form:tukimalli");
  }

  @Test
  void theFieldsHiddenWithoutASupporterAreTheOnesTheModelsWithoutASupporterLackAndTheBranchesHaveTheirRows()
      throws IOException {
    // a field hidden by `tukimalli = "X"` is hidden for the models that ask no consent (have no supporter)
    String form = Files.readString(Path.of("forms/hb-tuen-valinta.form")).replace("\\\"", "\"");
    Matcher hidden = Pattern.compile("\"hide\":\\s*\"=tukimalli = \"([A-Z_]+)\"\"").matcher(form);
    List<String> hiddenFor = new ArrayList<>();
    while (hidden.find()) {
      hiddenFor.add(hidden.group(1));
    }
    List<String> withoutSupporter = CATALOGUE.all().stream().filter(m -> !m.asksConsent())
        .map(SupportModels.SupportModel::code).toList();
    assertThat(hiddenFor).isNotEmpty().allSatisfy(code -> assertThat(withoutSupporter).contains(code));
    // every model the support process branches on has its own task's variables in the catalogue
    String bpmn = Files.readString(Path.of("processes/hb-tuen-valinta.bpmn"));
    Matcher branch = Pattern.compile("tukimalli == '([A-Z_]+)'").matcher(bpmn);
    int branches = 0;
    while (branch.find()) {
      branches++;
      assertThat(CATALOGUE.get(branch.group(1))).as("catalogue row of %s", branch.group(1)).isPresent();
      assertThat(CATALOGUE.get(branch.group(1)).orElseThrow().taskVariables()).as(branch.group(1)).isNotEmpty();
    }
    assertThat(branches).isEqualTo(3);
  }

  private static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
  }

  private static void collect(JsonNode node, List<JsonNode> selects) {
    for (JsonNode component : node.path("components")) {
      if (component.path("key").asText().endsWith("ukimalli") && component.has("values")) {
        selects.add(component);
      }
      collect(component, selects);
    }
  }
}
