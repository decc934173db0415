package fi.hbflow.calendar;

import java.time.LocalDate;

/**
 * One row of the legal-clock table {@code hb-maaraajat.dmn} (määräaika): from which date variable it runs, how long
 * it is, when to remind, under which name its dates are stored, which variable means it was met, the clock it may never
 * end after ({@code notAfterClock}, blank = none; e.g. the county's decision target never after the implementation
 * deadline of SHL 45 § 2 mom), and its legal basis (section and moment, or the county's own target).
 */
public record ClockRule(String clock, String baseVariable, DeadlineUnit unit, int amount, int remindWorkingDaysBefore,
                        String storeAs, String metWhenVariable, String notAfterClock, String lawReference) {

  /** The dates of this clock for an event on {@code base}. */
  public LegalDeadline from(LocalDate base, FinnishCalendar calendar) {
    LocalDate due = calendar.deadline(base, unit, amount);
    LocalDate remind = remindWorkingDaysBefore > 0 ? calendar.minusWorkingDays(due, remindWorkingDaysBefore) : due;
    if (remind.isBefore(base)) {
      remind = base;
    }
    return new LegalDeadline(this, base, due, remind);
  }

  /** {@code deadline} moved back to {@code latest} when it would end after it (the reminder moves with it). */
  public LegalDeadline notAfter(LegalDeadline deadline, LocalDate latest, FinnishCalendar calendar) {
    if (latest == null || !deadline.due().isAfter(latest)) {
      return deadline;
    }
    LocalDate remind = remindWorkingDaysBefore > 0 ? calendar.minusWorkingDays(latest, remindWorkingDaysBefore) : latest;
    if (remind.isBefore(deadline.base())) {
      remind = deadline.base();
    }
    return new LegalDeadline(this, deadline.base(), latest, remind);
  }

  public boolean hasCap() {
    return notAfterClock != null && !notAfterClock.isBlank();
  }

  public boolean isWatched() {
    return metWhenVariable != null && !metWhenVariable.isBlank();
  }
}
