package fi.hbflow.research;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Reading and writing the Json list variables of a case ({@code arvioinnit}, {@code palautteet}) and the values of
 * checklists, in every form a value reaches the server: a Spin {@link SpinJsonNode} (Tasklist, a Json variable read
 * back), a typed {@link JsonValue}, JSON text, a Java collection (REST without a type, Java callers), or nothing.
 */
final class JsonLists {

  static final ObjectMapper JSON = new ObjectMapper();

  private JsonLists() {
  }

  /** The list, or an empty one for null / blank; {@link IllegalArgumentException} when it is not a JSON list. */
  static ArrayNode read(Object raw) {
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
  static List<String> strings(Object raw) {
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
  static JsonValue value(ArrayNode list) {
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
