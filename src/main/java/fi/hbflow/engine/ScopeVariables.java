package fi.hbflow.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables a task or execution sees, as a read-only map that reads each value only when it is asked for.
 * {@code scope.getVariables()} reads every value of the case, and a Json, file or long-text value is a row of its
 * own (ACT_GE_BYTEARRAY) to select and deserialize; a form check or a clock reads a few of them. Same names and values
 * as {@code getVariables()} (the scope's own variables before its parents'), read when first asked.
 */
public final class ScopeVariables extends AbstractMap<String, Object> {

  private final VariableScope scope;
  private final Map<String, Object> read = new HashMap<>();
  private Set<String> names;

  private ScopeVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static Map<String, Object> of(VariableScope scope) {
    return new ScopeVariables(scope);
  }

  private Set<String> names() {
    if (names == null) {
      names = new LinkedHashSet<>(scope.getVariableNames());
    }
    return names;
  }

  @Override
  public Object get(Object key) {
    if (!(key instanceof String name)) {
      return null;
    }
    if (read.containsKey(name)) {
      return read.get(name);
    }
    Object value = names().contains(name) ? scope.getVariable(name) : null;
    read.put(name, value);
    return value;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && names().contains(name);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        Iterator<String> keys = names().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return keys.hasNext();
          }

          @Override
          public Entry<String, Object> next() {
            String name = keys.next();
            return new Entry<>() {
              @Override
              public String getKey() {
                return name;
              }

              @Override
              public Object getValue() {
                return get(name);
              }

              @Override
              public Object setValue(Object value) {
                throw new UnsupportedOperationException("read-only");
              }

              @Override
              public boolean equals(Object o) {
                return o instanceof Entry<?, ?> e && name.equals(e.getKey()) && java.util.Objects.equals(getValue(), e.getValue());
              }

              @Override
              public int hashCode() {
                return name.hashCode() ^ java.util.Objects.hashCode(getValue());
              }
            };
          }
        };
      }

      @Override
      public int size() {
        return names().size();
      }
    };
  }
}
