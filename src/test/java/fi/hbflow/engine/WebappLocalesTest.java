package fi.hbflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The webapps' Finnish and Swedish translations (ours, {@code app/<app>/locales/<lang>.json}) against the English of
 * the Camunda webjar on the classpath: every key of this Camunda version translated, the placeholders and markup kept,
 * and the language offered in the app's {@code config.js}. Built by {@code tools/locales/build.mjs}.
 */
class WebappLocalesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String APP = "META-INF/resources/webjars/camunda/app/";
  /** {{ angular expressions }}, printf holes and HTML tags must survive translation unchanged. */
  static final Pattern MARKUP = Pattern.compile("\\{\\{.*?}}|%[sd]|<[^>]+>");
  /** The vendor's "migrate to Camunda 8" banner: empty in our languages (and hidden by user-styles.css). */
  static final String BANNER = "BANNER_CE_EOL_TEXT";
  /** Texts that are the same in every language (names, codes, punctuation). */
  static final Pattern SAME_IN_EVERY_LANGUAGE = Pattern.compile("[\\p{Punct}\\s\\d]*|[A-Z][A-Za-z]*|[A-Z0-9 _/.-]+|.*\\{\\{.*");

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({"tasklist,fi", "cockpit,fi", "admin,fi", "welcome,fi", "tasklist,sv", "cockpit,sv", "admin,sv", "welcome,sv"})
  void everyKeyOfTheWebjarIsTranslatedWithItsPlaceholders(String app, String lang) throws IOException {
    JsonNode english = webjarEnglish(app);
    JsonNode translated = ours(app, lang);

    List<String> missing = new ArrayList<>();
    List<String> brokenMarkup = new ArrayList<>();
    List<String> untranslated = new ArrayList<>();
    int same = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = english.get("labels").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      String key = label.getKey();
      String en = label.getValue().asText();
      JsonNode value = translated.get("labels").get(key);
      if (value == null || !value.isTextual()) {
        missing.add(key);
        continue;
      }
      if (!markup(en).equals(markup(value.asText())) && !key.equals(BANNER)) {
        brokenMarkup.add(key + ": " + value.asText());
      }
      if (value.asText().isBlank() && !en.isBlank() && !key.equals(BANNER)) {
        untranslated.add(key + " (empty)");
      }
      if (value.asText().equals(en) && !SAME_IN_EVERY_LANGUAGE.matcher(en).matches()) {
        same++;
      }
    }
    assertThat(missing).as("keys of the %s webjar without a %s text", app, lang).isEmpty();
    assertThat(brokenMarkup).as("texts whose {{…}}, %%s or tags differ from the English").isEmpty();
    assertThat(untranslated).isEmpty();
    // a few words are honestly the same (e.g. "Cockpit", "Tasklist"); a copied English file is not
    assertThat(same).as("texts left in English").isLessThan(english.get("labels").size() / 50 + 5);
    // the vendor's "migrate to Camunda 8" text is empty in our languages
    if (english.get("labels").has(BANNER)) {
      assertThat(translated.get("labels").get(BANNER).asText()).isEmpty();
    }
    if (english.has("dateLocales")) {
      assertThat(fieldNames(translated.get("dateLocales"))).isEqualTo(fieldNames(english.get("dateLocales")));
      assertThat(translated.get("dateLocales").get("months")).hasSize(12);
    }
  }

  @ParameterizedTest(name = "{0} offers {1}")
  @CsvSource({"tasklist,fi", "cockpit,fi", "admin,fi", "welcome,fi", "tasklist,sv", "cockpit,sv", "admin,sv", "welcome,sv"})
  void configOffersTheLanguageAndFallsBackToFinnish(String app, String lang) throws IOException {
    String config = read(resource(APP + app + "/scripts/config.js"));
    assertThat(config).containsPattern("availableLocales:\\s*\\[[^]]*'" + lang + "'");
    assertThat(config).contains("fallbackLocale: 'fi'");
    assertThat(read(resource(APP + app + "/styles/user-styles.css"))).contains(".ce-eol-banner");
  }

  static List<String> markup(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = MARKUP.matcher(text);
    while (m.find()) {
      found.add(m.group().replaceAll("\\s+", " "));
    }
    Collections.sort(found);
    return found;
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    Collections.sort(names);
    return names;
  }

  /** The English of the Camunda webjar itself (our resources have no en.json, so this is the vendor's file). */
  static JsonNode webjarEnglish(String app) throws IOException {
    URL url = resource(APP + app + "/locales/en.json");
    assertThat(url.toString()).contains("camunda-webapp-webjar");
    return JSON.readTree(read(url).replace("\uFEFF", ""));
  }

  /** Ours: the application's copy comes first on the classpath and is what the webapp serves. */
  static JsonNode ours(String app, String lang) throws IOException {
    URL url = resource(APP + app + "/locales/" + lang + ".json");
    assertThat(url.toString()).doesNotContain("camunda-webapp-webjar");
    return JSON.readTree(read(url));
  }

  static URL resource(String path) {
    URL url = WebappLocalesTest.class.getClassLoader().getResource(path);
    assertThat(url).as(path).isNotNull();
    return url;
  }

  static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
