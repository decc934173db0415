package fi.hbflow.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** An append-only list of JSON entries kept in one Json process variable (evaluations, feedbacks). Immutable. */
abstract class EntryList {

  protected final ArrayNode entries;

  EntryList(ArrayNode entries) {
    this.entries = entries;
  }

  /** A copy of the entries with {@code entry} last. */
  protected ArrayNode plus(JsonNode entry) {
    ArrayNode copy = entries.deepCopy();
    copy.add(entry);
    return copy;
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
    return JsonLists.value(entries);
  }

  public String toJson() {
    return entries.toString();
  }
}
