package fi.hbflow.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * A JSON list kept in one process variable (the case's {@code arvioinnit} and {@code palautteet}, the ledger's
 * {@code kulut}, the clocks' {@code maaraikaylitykset}): an immutable, append-only list of JSON entries, oldest first.
 * The static methods read such a list, and the values of checklists, in every form a value reaches the server: a Spin
 * {@link SpinJsonNode} (Tasklist, a Json variable read back), a typed {@link JsonValue}, JSON text, a Java collection
 * (REST without a type, Java callers), or nothing; and write it back as a Json variable (Camunda Spin).
 */
public class JsonList {

  public static final ObjectMapper JSON = new ObjectMapper();

  protected final ArrayNode entries;

  protected JsonList(ArrayNode entries) {
    this.entries = entries;
  }

  /** The list kept in {@code variable} (see {@link #read}). */
  public static JsonList of(Object variable) {
    return new JsonList(read(variable));
  }

  /** A copy of the entries with {@code entry} last. */
  protected ArrayNode plus(JsonNode entry) {
    ArrayNode copy = entries.deepCopy();
    copy.add(entry);
    return copy;
  }

  /** A new list with {@code entry} last. */
  public JsonList with(JsonNode entry) {
    return new JsonList(plus(entry));
  }

  public int size() {
    return entries.size();
  }

  /** Every entry, oldest first (read-only JSON objects). */
  public List<JsonNode> entries() {
    List<JsonNode> list = new ArrayList<>();
    entries.forEach(list::add);
    return Collections.unmodifiableList(list);
  }

  /** The latest entry, if any. */
  public Optional<JsonNode> latest() {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
  }

  /** The value of the process variable. */
  public JsonValue toValue() {
    return value(entries);
  }

  public String toJson() {
    return entries.toString();
  }

  /** The list, or an empty one for null / blank; {@link IllegalArgumentException} when it is not a JSON list. */
  public static ArrayNode read(Object raw) {
    JsonNode node = node(raw);
    if (node == null || node.isNull()) {
      return JSON.createArrayNode();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException("not a JSON list: " + abbreviate(node.toString()));
    }
    return (ArrayNode) node.deepCopy();
  }

  /**
   * The chosen option values of a checklist: a JSON list of strings, or (from a REST or Java caller) a collection or
   * comma-separated text. Null / blank is an empty list; {@link IllegalArgumentException} for anything else.
   */
  public static List<String> strings(Object raw) {
    if (raw instanceof CharSequence text && !text.toString().trim().startsWith("[")) {
      List<String> values = new ArrayList<>();
      for (String part : text.toString().split(",")) {
        if (!part.isBlank()) {
          values.add(part.trim());
        }
      }
      return values;
    }
    List<String> values = new ArrayList<>();
    for (JsonNode element : read(raw)) {
      if (!element.isValueNode() || element.isNull()) {
        throw new IllegalArgumentException("not a list of options: " + abbreviate(element.toString()));
      }
      values.add(element.asText().trim());
    }
    return values;
  }

  /** The list as a Json process variable (Camunda Spin). */
  public static JsonValue value(ArrayNode list) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(list)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a JSON list", e);
    }
  }

  private static JsonNode node(Object raw) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof TypedValue typed && !(raw instanceof JsonValue)) {
      return node(typed.getValue());
    }
    try {
      if (raw instanceof JsonValue json) {
        if (json.getValueSerialized() != null) {
          return JSON.readTree(json.getValueSerialized());
        }
        return json.getValue() == null ? null : JSON.readTree(json.getValue().toString());
      }
      if (raw instanceof SpinJsonNode spin) {
        return JSON.readTree(spin.toString());
      }
      if (raw instanceof JsonNode jackson) {
        return jackson;
      }
      if (raw instanceof CharSequence text) {
        return text.toString().isBlank() ? null : JSON.readTree(text.toString());
      }
      if (raw instanceof Collection<?> || raw.getClass().isArray()) {
        return JSON.valueToTree(raw);
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("unreadable JSON: " + abbreviate(String.valueOf(raw)), e);
    }
    throw new IllegalArgumentException("not a JSON list but " + raw.getClass().getSimpleName());
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
