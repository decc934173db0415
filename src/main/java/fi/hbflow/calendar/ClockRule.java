package fi.hbflow.calendar;

import java.time.LocalDate;

/**
 * One row of the legal-clock table {@code hb-maaraajat.dmn} (määräaika): from which date variable it runs, how long
 * it is, when to remind, under which name its dates are stored, which variable means it was met, and its legal basis.
 */
public record ClockRule(String clock, String baseVariable, DeadlineUnit unit, int amount, int remindWorkingDaysBefore,
                        String storeAs, String metWhenVariable, String lawReference) {

  /** The dates of this clock for an event on {@code base}. */
  public LegalDeadline from(LocalDate base, FinnishCalendar calendar) {
    LocalDate due = calendar.deadline(base, unit, amount);
    LocalDate remind = remindWorkingDaysBefore > 0 ? calendar.minusWorkingDays(due, remindWorkingDaysBefore) : due;
    if (remind.isBefore(base)) {
      remind = base;
    }
    return new LegalDeadline(this, base, due, remind);
  }

  public boolean isWatched() {
    return metWhenVariable != null && !metWhenVariable.isBlank();
  }
}
