package fi.hbflow.forms;

import fi.hbflow.budget.Money;
import fi.hbflow.casefile.CaseFile;
import fi.hbflow.casefile.CaseValueException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The values of a submitted form, read the way the server must read them: Tasklist checks forms only in the browser
 * and {@code /engine-rest} accepts anything. Its messages name the form's labels. (Reading a case's stored variables
 * is the case file's job: {@code fi.hbflow.casefile.HbCaseFile}; both parse values alike, with {@link CaseFile}.) Every reader records a Finnish problem instead of throwing, so that the
 * worker sees all faults of a form at once; values worth keeping in a canonical form are collected as derived values.
 */
public class FormValues {

  public static final int MAX_TEXT = 4000;

  private final Map<String, Object> values;
  private final LocalDate today;
  private final String user;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Object> derived = new LinkedHashMap<>();

  public FormValues(Map<String, Object> values, LocalDate today) {
    this(values, today, null);
  }

  public FormValues(Map<String, Object> values, LocalDate today, String user) {
    this.values = values;
    this.today = today;
    this.user = user;
  }

  /** Who submits the form (the logged-in worker), when known. */
  public String user() {
    return user;
  }

  public Object raw(String key) {
    return values.get(key);
  }

  /** All submitted and earlier values, read-only. */
  public Map<String, Object> rawValues() {
    return java.util.Collections.unmodifiableMap(values);
  }

  /** True when the value is empty; then a required one is also a problem ("<label> puuttuu."). */
  public boolean missing(String key, String label, boolean required) {
    if (isPresent(key)) {
      return false;
    }
    if (required) {
      problems.add(label + " puuttuu.");
    }
    return true;
  }

  public boolean isPresent(String key) {
    Object v = values.get(key);
    return v != null && !v.toString().isBlank();
  }

  public LocalDate today() {
    return today;
  }

  public void problem(String message) {
    problems.add(message);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  public void derive(String key, Object value) {
    derived.put(key, value);
  }

  public Map<String, Object> derived() {
    return derived;
  }

  /** Trimmed text, or null when empty; too short or too long text is a problem. */
  public String text(String key, String label, boolean required, int minLength, int maxLength) {
    Object v = values.get(key);
    String s = v == null ? "" : v.toString().trim();
    if (s.isEmpty()) {
      if (required) {
        problems.add(label + " puuttuu.");
      }
      return null;
    }
    if (s.length() < minLength) {
      problems.add(label + ": kirjoita vähintään " + minLength + " merkkiä (nyt " + s.length() + ").");
    } else if (s.length() > maxLength) {
      problems.add(label + ": enintään " + maxLength + " merkkiä (nyt " + s.length() + ").");
    }
    return s;
  }

  public String text(String key, String label, boolean required) {
    return text(key, label, required, 1, MAX_TEXT);
  }

  public String matching(String key, String label, boolean required, Pattern pattern, String hint) {
    String s = text(key, label, required, 1, 200);
    if (s != null && !pattern.matcher(s).matches()) {
      problems.add(label + " '" + s + "' on väärän muotoinen: " + hint);
      return null;
    }
    return s;
  }

  /** One of the allowed option values. */
  public String choice(String key, String label, Collection<String> allowed, boolean required) {
    Object v = values.get(key);
    String s = v == null ? "" : v.toString().trim();
    if (s.isEmpty()) {
      if (required) {
        problems.add(label + ": valitse yksi vaihtoehdoista.");
      }
      return null;
    }
    if (!allowed.contains(s)) {
      problems.add(label + ": '" + s + "' ei ole sallittu vaihtoehto (sallitut: " + String.join(", ", allowed) + ").");
      return null;
    }
    return s;
  }

  /** A date as the Tasklist submits it ("2026-11-25"), or a Date/LocalDate from Java and REST clients. */
  public LocalDate date(String key, String label, boolean required) {
    Object v = values.get(key);
    if (missing(key, label, required)) {
      return null;
    }
    try {
      return CaseFile.date(v, label);
    } catch (CaseValueException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  /** A date that is not in the future and not before {@code notBefore} (when given). */
  public LocalDate pastDate(String key, String label, boolean required, LocalDate notBefore, String notBeforeLabel) {
    LocalDate d = date(key, label, required);
    if (d == null) {
      return null;
    }
    if (today != null && d.isAfter(today)) {
      problems.add(label + " " + d + " on tulevaisuudessa.");
    } else if (notBefore != null && d.isBefore(notBefore)) {
      problems.add(label + " " + d + " on ennen kuin " + notBeforeLabel + " " + notBefore + ".");
    }
    return d;
  }

  /** A whole number within [min, max]. */
  public Integer integer(String key, String label, long min, long max, boolean required) {
    Object v = values.get(key);
    if (missing(key, label, required)) {
      return null;
    }
    long n;
    try {
      n = CaseFile.whole(v, label);
    } catch (CaseValueException e) {
      problems.add(e.getMessage());
      return null;
    }
    if (n < min || n > max) {
      problems.add(label + ": sallittu " + min + "–" + max + ", annettu " + n + ".");
      return null;
    }
    return (int) n;
  }

  /** Euros as typed ("1234,50"), in cents. */
  public Long money(String key, String label, boolean required) {
    Object v = values.get(key);
    if (missing(key, label, required)) {
      return null;
    }
    try {
      return Money.parseCents(v.toString());
    } catch (IllegalArgumentException e) {
      problems.add(label + ": " + e.getMessage());
      return null;
    }
  }
}
