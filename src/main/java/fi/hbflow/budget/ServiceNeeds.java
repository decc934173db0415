package fi.hbflow.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the assessed needs from the assessment form: one variable {@code tarve_<SERVICE TYPE>} per service type, the
 * amount per month. Empty or 0 means not needed. A new service type needs only a price-table row and a form field.
 *
 * <p>A code that has been renamed ({@link ServiceCodes}, the table {@code hb-palvelukoodit}) is read as its current
 * code: an earlier case's {@code tarve_TUETTU_ASUMINEN} is a need of {@code ASUMISEN_TUKI}. When the case also has a
 * value (0 included) under the current code, the current code's value is the need and the old one is ignored: the new
 * form's field replaces the old one.
 */
public final class ServiceNeeds {

  public static final String PREFIX = "tarve_";

  private ServiceNeeds() {
  }

  /** The needs under the codes as they are recorded (no renamed codes). */
  public static List<ServiceNeed> from(Map<String, Object> variables, List<String> problems) {
    return from(variables, ServiceCodes.NONE, problems);
  }

  /** The needs in a stable order, under their current codes; values that are not whole numbers are reported in {@code problems}. */
  public static List<ServiceNeed> from(Map<String, Object> variables, ServiceCodes codes, List<String> problems) {
    Map<String, Long> current = new TreeMap<>();
    Map<String, Long> renamed = new TreeMap<>();
    new TreeMap<>(variables).forEach((name, value) -> {
      if (!name.startsWith(PREFIX) || value == null || value.toString().isBlank()) {
        return;
      }
      String type = name.substring(PREFIX.length());
      Long amount = wholeNumber(value);
      if (amount == null) {
        problems.add("Palvelun " + type + " määrän pitää olla kokonaisluku, annettu '" + value + "'.");
      } else if (amount < 0) {
        problems.add("Palvelun " + type + " määrä ei voi olla negatiivinen (" + amount + ").");
      } else if (amount > Integer.MAX_VALUE) {
        problems.add("Palvelun " + type + " määrä " + amount + " on liian suuri.");
      } else {
        String now = codes.current(type);
        if (now.equals(type)) {
          current.put(type, amount);
        } else {
          renamed.merge(now, amount, Long::sum);
        }
      }
    });
    renamed.forEach(current::putIfAbsent);
    List<ServiceNeed> needs = new ArrayList<>();
    current.forEach((type, amount) -> {
      if (amount > Integer.MAX_VALUE) {
        problems.add("Palvelun " + type + " määrä " + amount + " on liian suuri.");
      } else if (amount > 0) {
        needs.add(new ServiceNeed(type, amount.intValue()));
      }
    });
    return needs;
  }

  private static Long wholeNumber(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && !Double.isInfinite(d) ? (long) d : null;
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
