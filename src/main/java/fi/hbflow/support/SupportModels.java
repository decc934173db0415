package fi.hbflow.support;

import fi.hbflow.engine.DmnTables;
import fi.hbflow.engine.ModelSafetyPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;

/**
 * The support-model catalogue (HB-tuen mallit, {@code processes/hb-tukimallit.dmn}): one row per support model
 * ({@code tukimalli}), in the order the form offers them. The server rules, the decision document and the dashboard
 * read the models from here; the forms keep static options (the 7.24 Tasklist cannot take options from a variable
 * without breaking Complete), and {@code SupportModelCatalogueTest} checks that they equal the rows.
 *
 * <p>One place that the case's step rules and the research export both read, so that neither package reaches into
 * the other. Read like the price table ({@code DmnPriceList}), from a {@link DmnTables.Table}; the application reads the table
 * shipped in {@code processes/} (a changed row is used after a restart, as the decision texts are).
 */
public final class SupportModels {

  public static final String DECISION_KEY = "hb-tukimallit";
  public static final String RESOURCE = "processes/" + DECISION_KEY + ".dmn";

  /** One support model (tukimalli). */
  public record SupportModel(
      String code,
      /* nimi */ String finnish,
      /* namn */ String swedish,
      /* kentät: the choice form's fields this model requires */ List<String> requiredFields,
      /* tehtävän muuttujat: what the model's own task records (only this model has them) */ List<String> taskVariables,
      /* suostumus: the client's consent to disclose data to the supporter is asked */ boolean asksConsent) {

    public boolean requires(String field) {
      return requiredFields.contains(field);
    }
  }

  private static volatile SupportModels shipped;

  /** The codes of the shipped catalogue (the step rules and the research export check a value against them). */
  public static final java.util.Set<String> CODES = java.util.Set.copyOf(shipped().codes());

  private final Map<String, SupportModel> byCode;
  private final String version;

  private SupportModels(List<SupportModel> models, String version) {
    Map<String, SupportModel> map = new LinkedHashMap<>();
    for (SupportModel model : models) {
      if (map.put(model.code(), model) != null) {
        throw new IllegalStateException(version + ": support model " + model.code() + " has two rows");
      }
    }
    this.byCode = java.util.Collections.unmodifiableMap(map);
    this.version = version;
  }

  /** Every row of one version of the table. */
  public static SupportModels from(DmnTables.Table table) {
    List<SupportModel> models = new ArrayList<>();
    for (DmnDecisionRuleResult row : table.evaluate(java.util.Collections.singletonMap("tukimalli", null))) {
      String code = text(row.getEntryMap().get("koodi"));
      if (code.isEmpty()) {
        throw new IllegalStateException(table.version() + ": a support model without a code");
      }
      models.add(new SupportModel(code, text(row.getEntryMap().get("nimi")), text(row.getEntryMap().get("namn")),
          names(row.getEntryMap().get("kentat")), names(row.getEntryMap().get("tehtavanMuuttujat")),
          Boolean.TRUE.equals(row.getEntryMap().get("suostumus"))));
    }
    return new SupportModels(models, table.version());
  }

  /** The catalogue shipped with the application ({@value #RESOURCE}), read once. */
  public static SupportModels shipped() {
    SupportModels known = shipped;
    if (known == null) {
      synchronized (SupportModels.class) {
        known = shipped;
        if (known == null) {
          known = fromResource(RESOURCE);
          shipped = known;
        }
      }
    }
    return known;
  }

  static SupportModels fromResource(String resource) {
    try (InputStream in = SupportModels.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The support-model catalogue " + resource + " is missing");
      }
      var engine = ModelSafetyPlugin.standaloneDmnEngine();
      return from(new DmnTables.Table(engine, engine.parseDecision(DECISION_KEY, in), resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The models in the order of the table. */
  public List<SupportModel> all() {
    return List.copyOf(byCode.values());
  }

  /** The codes in the order of the table. */
  public List<String> codes() {
    return List.copyOf(byCode.keySet());
  }

  public Optional<SupportModel> get(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  /** The Finnish name of a model, or the code itself when the table has no such row (an old case). */
  public String finnishName(String code) {
    return get(code).map(SupportModel::finnish).orElse(code);
  }

  /** Code → Finnish name, in the order of the table. */
  public Map<String, String> finnishNames() {
    Map<String, String> names = new LinkedHashMap<>();
    byCode.values().forEach(m -> names.put(m.code(), m.finnish()));
    return names;
  }

  public String version() {
    return version;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().strip();
  }

  private static List<String> names(Object value) {
    return Arrays.stream(text(value).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
