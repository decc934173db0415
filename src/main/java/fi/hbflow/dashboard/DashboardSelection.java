package fi.hbflow.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The selection of the HB dashboard (not a servlet filter; those are in fi.hbflow.web): the months the cases were
 * opened in ({@code vireilletulopaiva}, "2026-06"), and the client's municipality ({@code kotikunta}). Null = no limit.
 * An empty municipality ("") selects the cases without one.
 *
 * @param fromMonth    first month included, {@code yyyy-MM}
 * @param toMonth      last month included, {@code yyyy-MM}
 * @param municipality {@code kotikunta} exactly as recorded
 */
public record DashboardSelection(String fromMonth, String toMonth, String municipality) {

  public static final DashboardSelection ALL = new DashboardSelection(null, null, null);
  static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
  static final int MAX_MUNICIPALITY = 100;

  public DashboardSelection {
    fromMonth = blankToNull(fromMonth);
    toMonth = blankToNull(toMonth);
  }

  /**
   * The filter of a request's parameters, checked: {@link IllegalArgumentException} with a Finnish message when a
   * month is not {@code yyyy-MM}, the range is reversed or the municipality is too long.
   */
  public static DashboardSelection of(String fromMonth, String toMonth, String municipality) {
    List<String> problems = new ArrayList<>();
    DashboardSelection filter = new DashboardSelection(fromMonth, toMonth, municipality);
    if (filter.fromMonth != null && !MONTH.matcher(filter.fromMonth).matches()) {
      problems.add("Alkukuukausi pitää antaa muodossa vvvv-kk (esim. 2026-06).");
    }
    if (filter.toMonth != null && !MONTH.matcher(filter.toMonth).matches()) {
      problems.add("Loppukuukausi pitää antaa muodossa vvvv-kk (esim. 2026-06).");
    }
    if (problems.isEmpty() && filter.fromMonth != null && filter.toMonth != null
        && filter.fromMonth.compareTo(filter.toMonth) > 0) {
      problems.add("Alkukuukausi on loppukuukauden jälkeen.");
    }
    if (municipality != null && municipality.length() > MAX_MUNICIPALITY) {
      problems.add("Kunnan nimi on liian pitkä.");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join(" ", problems));
    }
    return filter;
  }

  /** No limit at all: every HB case. */
  public boolean all() {
    return fromMonth == null && toMonth == null && municipality == null;
  }

  /** Whether a case opened in {@code month} in {@code caseMunicipality} is in the selection. */
  public boolean includes(String month, String caseMunicipality) {
    return (fromMonth == null || (month != null && month.compareTo(fromMonth) >= 0))
        && (toMonth == null || (month != null && month.compareTo(toMonth) <= 0))
        && (municipality == null || municipality.equals(caseMunicipality));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
