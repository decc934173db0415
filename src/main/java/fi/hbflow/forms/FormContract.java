package fi.hbflow.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a deployed Camunda Form (form-js JSON, {@code forms/*.form}) lets a submission carry: its keyed fields, each
 * with its type, its options and the rules that hide it. A submission may hold only these keys, each
 * with a value of the field's type (text, number, yes/no, one option, a list of options, a plain ISO date); a field
 * that is disabled, read-only or hidden by its rule takes no value at all — Tasklist never sends one — and a value
 * the server computes is never a form field, so it can never come from a request.
 *
 * <p>The contract is the form's shape; what a value must be beyond it (required, lengths, patterns, ranges, the
 * budget) are the step's own rules ({@link FormRules}), which run after it with messages of their own.
 *
 * <p>Built from the form file alone: a field a process owner adds to a form is accepted without Java. Plain code;
 * the engine adapter ({@code fi.hbflow.engine.FormContractPlugin}) turns the engine's typed values into plain Java
 * values ({@link String}, {@link Number}, {@link Boolean}, {@link List}, {@link Map}, null, or an
 * {@link UnsupportedValue}) before calling {@link #check}.
 */
public final class FormContract {

  /** The most characters a text value may hold: the engine keeps a string in a 4 000-character column. */
  public static final int MAX_TEXT = FormValues.MAX_TEXT;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea");
  private static final Set<String> ONE_OF_TYPES = Set.of("select", "radio");
  private static final Set<String> LIST_TYPES = Set.of("checklist", "taglist");

  /** A value of a type no form field has (a serialized Java object, a file, bytes): never accepted. */
  public record UnsupportedValue(String typeName) {
  }

  /** Evaluates a form-js FEEL condition (without its leading '=') against the form's data. */
  @FunctionalInterface
  public interface Conditions {
    /** True when the condition holds; an expression that cannot be evaluated does not hold. */
    boolean holds(String feel, Function<String, Object> data);

    /** For forms without rules, and for tests: every condition is false. */
    Conditions NONE = (feel, data) -> false;
  }

  /** One keyed field of the form. */
  public record Field(String key, String label, String type, String subtype, Set<String> options, boolean locked,
                      List<String> hideWhen, Map<String, Field> children) {

    String name() {
      return label == null || label.isBlank() ? key : label;
    }
  }

  private final String formId;
  private final Map<String, Field> fields;

  private FormContract(String formId, Map<String, Field> fields) {
    this.formId = formId;
    this.fields = Collections.unmodifiableMap(fields);
  }

  /** A contract with no fields: what a task or start event without a form may carry (nothing). */
  public static FormContract empty(String formId) {
    return new FormContract(formId, new LinkedHashMap<>());
  }

  /** Reads a form-js schema ({@code .form} file content). */
  public static FormContract parse(String formJson) {
    try {
      JsonNode form = JSON.readTree(formJson);
      Map<String, Field> fields = new LinkedHashMap<>();
      collect(form.path("components"), List.of(), fields);
      return new FormContract(form.path("id").asText(null), fields);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("The form is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static void collect(JsonNode components, List<String> inheritedHide, Map<String, Field> into) {
    for (JsonNode c : components) {
      String type = c.path("type").asText("");
      List<String> hide = new ArrayList<>(inheritedHide);
      String own = c.path("conditional").path("hide").asText("");
      if (!own.isBlank()) {
        hide.add(own.startsWith("=") ? own.substring(1) : own);
      }
      if ("dynamiclist".equals(type) && c.hasNonNull("path")) {
        Map<String, Field> children = new LinkedHashMap<>();
        collect(c.path("components"), List.of(), children);
        String path = c.path("path").asText();
        into.put(path, new Field(path, c.path("label").asText(null), type, null, null, locked(c), hide, children));
        continue;
      }
      if (c.has("components")) {
        // a group without a path: its fields are the form's own keys; the group's rule hides them too
        if (c.hasNonNull("path") && !c.path("path").asText().isBlank()) {
          throw new IllegalArgumentException("Form group paths are not supported (field group " + c.path("id")
              .asText() + ")");
        }
        collect(c.path("components"), hide, into);
        continue;
      }
      if (!c.hasNonNull("key")) {
        continue; // text, separator, spacer, image, html: nothing to submit
      }
      Set<String> options = null;
      if (c.has("values")) {
        options = new LinkedHashSet<>();
        for (JsonNode v : c.path("values")) {
          options.add(v.path("value").asText());
        }
      }
      String label = c.path("label").asText(c.path("dateLabel").asText(null)); // a date field's label is dateLabel
      into.put(c.path("key").asText(), new Field(c.path("key").asText(), label, type,
          c.path("subtype").asText(null), options, locked(c) || "expression".equals(type), hide, null));
    }
  }

  /** Disabled or read-only (also when read-only is a rule: the server does not guess when it is true). */
  private static boolean locked(JsonNode c) {
    JsonNode disabled = c.path("disabled");
    JsonNode readonly = c.path("readonly");
    return disabled.asBoolean(false) || readonly.asBoolean(false) || (readonly.isTextual()
        && !readonly.asText().isBlank() && !"false".equals(readonly.asText()));
  }

  /** The keys a submission of this form may carry. */
  public Set<String> keys() {
    return fields.keySet();
  }

  /**
   * The problems of a submission, in Finnish, naming the fields; empty when it keeps to the form.
   *
   * @param submitted the submitted values (plain Java values, see the class)
   * @param current   the case's current values by name (for the forms' hide rules), null when unknown
   * @param conditions evaluates the hide rules
   */
  public List<String> check(Map<String, ?> submitted, Function<String, Object> current, Conditions conditions) {
    List<String> problems = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    Function<String, Object> data = name -> submitted.containsKey(name) ? submitted.get(name)
        : current == null ? null : current.apply(name);
    for (Map.Entry<String, ?> entry : submitted.entrySet()) {
      Field field = fields.get(entry.getKey());
      if (field == null) {
        unknown.add(entry.getKey());
        continue;
      }
      Object value = entry.getValue();
      if (field.locked()) {
        problems.add("Kenttää '" + field.name() + "' ei voi muuttaa (vain luettava).");
        continue;
      }
      if (value != null && !"".equals(value) && field.hideWhen().stream().anyMatch(rule -> conditions.holds(rule, data))) {
        problems.add("Kenttä '" + field.name() + "' on piilotettu lomakkeen valintojen perusteella, joten sille ei "
            + "voi antaa arvoa.");
        continue;
      }
      checkValue(field, value, problems);
    }
    if (!unknown.isEmpty()) {
      problems.add(0, (unknown.size() == 1 ? "Lomakkeessa ei ole kenttää " : "Lomakkeessa ei ole kenttiä ")
          + String.join(", ", unknown.stream().map(k -> "'" + shorten(k) + "'").toList())
          + ": vain lomakkeen kentät voi lähettää.");
    }
    return problems;
  }

  private static String shorten(String key) {
    String printable = key.replaceAll("[^\\p{L}\\p{N}_\\-]", "?");
    return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
  }

  private void checkValue(Field f, Object value, List<String> problems) {
    if (value == null) {
      return; // an empty field: whether it is required is the step's own rule
    }
    if (value instanceof UnsupportedValue u) {
      problems.add(f.name() + ": tietotyyppi " + u.typeName() + " ei käy tähän kenttään.");
      return;
    }
    switch (f.type()) {
      case "textfield", "textarea" -> text(f, value, problems);
      case "number" -> number(f, value, problems);
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          problems.add(f.name() + ": arvon pitää olla kyllä tai ei (true/false).");
        }
      }
      case "select", "radio" -> {
        if (!(value instanceof String s)) {
          problems.add(f.name() + ": valitse yksi vaihtoehdoista.");
        } else if (f.options() != null && !s.isEmpty() && !f.options().contains(s)) {
          problems.add(f.name() + ": annettu arvo ei ole lomakkeen vaihtoehto (sallitut: "
              + String.join(", ", f.options()) + ").");
        }
      }
      case "checklist", "taglist" -> {
        if (!(value instanceof Collection<?> list) || !list.stream().allMatch(String.class::isInstance)) {
          problems.add(f.name() + ": arvon pitää olla luettelo lomakkeen vaihtoehtoja.");
        } else if (f.options() != null && !f.options().containsAll(list)) {
          problems.add(f.name() + ": luettelossa on arvo, joka ei ole lomakkeen vaihtoehto (sallitut: "
              + String.join(", ", f.options()) + ").");
        }
      }
      case "datetime" -> date(f, value, problems);
      case "dynamiclist" -> rows(f, value, problems);
      default -> problems.add(f.name() + ": tämän tyyppistä kenttää (" + f.type() + ") ei voi lähettää.");
    }
  }

  private static void text(Field f, Object value, List<String> problems) {
    if (!(value instanceof String s)) {
      problems.add(f.name() + ": arvon pitää olla tekstiä.");
    } else if (s.length() > MAX_TEXT) {
      problems.add(f.name() + ": enintään " + MAX_TEXT + " merkkiä (nyt " + s.length() + ").");
    }
  }

  private static void number(Field f, Object value, List<String> problems) {
    boolean number = value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof BigDecimal || (value instanceof Double d && !d.isNaN() && !d.isInfinite());
    if (!number) {
      problems.add(f.name() + ": arvon pitää olla luku.");
    }
  }

  private static void date(Field f, Object value, List<String> problems) {
    String hint = f.name() + ": anna päivämäärä muodossa vvvv-kk-pp.";
    if (!(value instanceof String s)) {
      problems.add(hint);
      return;
    }
    if (s.isEmpty()) {
      return;
    }
    if (!"date".equals(f.subtype()) && f.subtype() != null) {
      problems.add(f.name() + ": vain päivämääräkentät ovat käytössä.");
      return;
    }
    if (!ISO_DATE.matcher(s).matches()) {
      problems.add(hint);
      return;
    }
    try {
      LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      problems.add(f.name() + ": päivämäärää " + s + " ei ole.");
    }
  }

  private void rows(Field f, Object value, List<String> problems) {
    if (!(value instanceof List<?> rows) || !rows.stream().allMatch(Map.class::isInstance)) {
      problems.add(f.name() + ": arvon pitää olla luettelo rivejä.");
      return;
    }
    FormContract rowContract = new FormContract(formId, f.children());
    int n = 0;
    for (Object row : rows) {
      n++;
      @SuppressWarnings("unchecked")
      Map<String, ?> values = (Map<String, ?>) row;
      for (String problem : rowContract.check(values, null, Conditions.NONE)) {
        problems.add(f.name() + ", rivi " + n + ": " + problem);
      }
    }
  }
}
