package fi.hbflow.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A typed view over a process instance's variables (the case file, asiakirja-aineisto): the base of one class per
 * process ({@code HbCaseFile}, …), which names each variable of {@code docs/variables.md} once and reads and writes it
 * with its type. Values are parsed the way the engine stores them: the types the 7.24 Tasklist submits (a date is an
 * ISO string, a number an Integer or Long, a checklist Json) and what Java and REST callers may have stored instead (a
 * {@link Date}, a {@link LocalDate}, a number as text).
 *
 * <p>This is for reading a case. Checking a submitted form, with its labels in the messages, is
 * {@code fi.hbflow.forms.FormValues}.
 */
public abstract class CaseFile {

  private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

  private final Map<String, ?> variables;
  private final BiConsumer<String, Object> writer;
  /** What this case file wrote (null: removed): read back as written, whatever the variables' map has cached. */
  private final Map<String, Object> written = new java.util.HashMap<>();

  /**
   * @param variables the variables, read when asked (e.g. {@code ScopeVariables.of(execution)})
   * @param writer where a written value goes (e.g. {@code execution::setVariable}); a null value removes the variable
   */
  protected CaseFile(Map<String, ?> variables, BiConsumer<String, Object> writer) {
    this.variables = Objects.requireNonNull(variables, "variables");
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  /** A writer to {@code scope}: a null value removes the variable. */
  protected static BiConsumer<String, Object> removingNulls(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return (name, value) -> {
      if (value == null) {
        scope.removeVariable(name);
      } else {
        scope.setVariable(name, value);
      }
    };
  }

  /** The value as stored, or null. */
  public Object raw(String name) {
    return written.containsKey(name) ? written.get(name) : variables.get(name);
  }

  /**
   * All the case's variables as a read-only map (read when asked), for plain classes that take a map: as they were
   * before this case file wrote any.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> variables() {
    return java.util.Collections.unmodifiableMap((Map<String, Object>) variables);
  }

  /** Writes a value; null removes the variable. */
  public void set(String name, Object value) {
    writer.accept(name, value);
    written.put(name, value);
  }

  // ------------------------------------------------------------------------------------------- parsing by type

  /** Trimmed text, or null when missing or blank. */
  public String text(String name) {
    return text(raw(name));
  }

  /** A date (an ISO string "2026-11-25" from Tasklist, a Date or LocalDate from Java), or null when missing. */
  public LocalDate date(String name, String term) {
    return date(raw(name), term);
  }

  /** A whole number within [min, max], or null when missing. */
  public Integer whole(String name, String term, long min, long max) {
    Object v = raw(name);
    if (isBlank(v)) {
      return null;
    }
    long n = whole(v, term);
    if (n < min || n > max) {
      throw new CaseValueException(term + ": sallittu " + min + "–" + max + ", annettu " + n + ".");
    }
    return (int) n;
  }

  /** Euro cents kept as a number ({@code Long}), or null. */
  public Long cents(String name) {
    Object v = raw(name);
    if (v instanceof Number n) {
      return n.longValue();
    }
    return isBlank(v) ? null : Long.valueOf(v.toString().trim());
  }

  /** A number kept as a number ({@code Long}, {@code Integer}, …) as a long, else null (text is not read). */
  public Long number(String name) {
    return raw(name) instanceof Number n ? n.longValue() : null;
  }

  /** True only for a stored {@code true} (a checkbox, a flag of the model). */
  public boolean isTrue(String name) {
    return Boolean.TRUE.equals(raw(name));
  }

  /** The JSON list kept in the variable (empty when missing); {@link IllegalArgumentException} when it is not one. */
  public JsonList list(String name) {
    return JsonList.of(raw(name));
  }

  /** The value, or the message of a {@link CaseValueException} added to {@code problems} and null. */
  public static <T> T collecting(List<String> problems, Supplier<T> read) {
    try {
      return read.get();
    } catch (CaseValueException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  /** A required value: {@code "<term> puuttuu."} when it is null. */
  public static <T> T required(T value, String term) {
    if (value == null) {
      throw new CaseValueException(term + " puuttuu.");
    }
    return value;
  }

  /**
   * The variable names a case-file class declares: its public static final String constants, except the process key
   * ({@code PROCESS}) and name prefixes ({@code *_PREFIX}).
   */
  protected static List<String> declaredNames(Class<? extends CaseFile> type) {
    List<String> names = new java.util.ArrayList<>();
    for (java.lang.reflect.Field field : type.getDeclaredFields()) {
      int m = field.getModifiers();
      if (field.getType() == String.class && java.lang.reflect.Modifier.isPublic(m)
          && java.lang.reflect.Modifier.isStatic(m) && java.lang.reflect.Modifier.isFinal(m)
          && !field.getName().equals("PROCESS") && !field.getName().endsWith("_PREFIX")) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return List.copyOf(names);
  }

  // ------------------------------------------------------------------------------------------- plain parsers

  public static String text(Object v) {
    if (v == null) {
      return null;
    }
    String s = v.toString().trim();
    return s.isEmpty() ? null : s;
  }

  /** A whole number (Integer, Long, Short, or text such as "12" or "12.0"); not null. */
  public static long whole(Object v, String term) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return ((Number) v).longValue();
    }
    try {
      return new BigDecimal(v.toString().trim()).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new CaseValueException(term + ": '" + v + "' ei ole kokonaisluku.");
    }
  }

  /** A date: an ISO string (its first 10 characters), a {@link Date} (in Helsinki) or a {@link LocalDate}. */
  public static LocalDate date(Object v, String term) {
    if (isBlank(v)) {
      return null;
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), HELSINKI);
    }
    String s = v.toString().trim();
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      throw new CaseValueException(term + " '" + s + "' ei ole päivämäärä (muoto vvvv-kk-pp).");
    }
  }

  private static boolean isBlank(Object v) {
    return v == null || v.toString().isBlank();
  }
}
