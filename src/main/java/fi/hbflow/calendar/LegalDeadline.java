package fi.hbflow.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** A computed legal deadline of a case: due on {@code due}, a reminder on {@code remindOn}, breached from the day after. */
public record LegalDeadline(ClockRule rule, LocalDate base, LocalDate due, LocalDate remindOn) {

  private static final DateTimeFormatter FINNISH = DateTimeFormatter.ofPattern("d.M.yyyy");

  /** The first day on which the deadline has passed. */
  public LocalDate breachedOn() {
    return due.plusDays(1);
  }

  /** The due date the Finnish way: 1.9.2026. */
  public String dueText() {
    return due.format(FINNISH);
  }

  /** A Markdown line for the forms: "**PAATOS** 1.9.2026 (Vammaispalvelulaki ...)". */
  public String describe() {
    return "- **" + rule.storeAs() + "**: " + dueText() + " — " + rule.lawReference();
  }
}
