package fi.hbflow.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.temporal.TemporalAdjusters.nextOrSame;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Finnish working days (arkipäivä) and deadlines (määräajat) by Laki säädettyjen määräaikain laskemisesta 150/1930.
 *
 * <p>Non-working days are Saturdays, Sundays, the public holidays (pyhäpäivät) and Christmas Eve and Midsummer Eve,
 * which the act treats like holidays. Thread-safe; holidays are computed once per year.
 */
public final class FinnishCalendar {

  private final Map<Integer, Map<LocalDate, String>> holidaysByYear = new ConcurrentHashMap<>();

  /** Easter Sunday (pääsiäispäivä) by the Gregorian computus (the anonymous Meeus/Jones/Butcher algorithm). */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int monthAndDay = h + l - 7 * m + 114;
    return LocalDate.of(year, monthAndDay / 31, monthAndDay % 31 + 1);
  }

  /** The holidays (pyhäpäivät, with jouluaatto and juhannusaatto) of a year, Saturdays and Sundays among them. */
  public Set<LocalDate> holidays(int year) {
    return namedHolidays(year).keySet();
  }

  /** The Finnish name of the holiday (pyhäpäivä) on this day, e.g. "pitkäperjantai"; empty on other days. */
  public Optional<String> holidayName(LocalDate day) {
    return Optional.ofNullable(namedHolidays(day.getYear()).get(day));
  }

  /** Whether the day is a working day (arkipäivä): Monday–Friday and not a holiday. */
  public boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != SATURDAY && day.getDayOfWeek() != SUNDAY && !namedHolidays(day.getYear()).containsKey(day);
  }

  /** The n-th working day (arkipäivä) after the event, the event day itself not counted; n ≥ 1. */
  public LocalDate addWorkingDays(LocalDate event, int n) {
    return stepWorkingDays(event, n, 1);
  }

  /** The n-th working day (arkipäivä) before the day, the day itself not counted; n ≥ 1. */
  public LocalDate minusWorkingDays(LocalDate day, int n) {
    return stepWorkingDays(day, n, -1);
  }

  /** The day itself if it is a working day (arkipäivä), else the next one: a deadline's last day by 150/1930. */
  public LocalDate onOrNextWorkingDay(LocalDate day) {
    LocalDate d = day;
    while (!isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** The last day of a deadline (määräaika) of amount units from the event, moved to a working day by 150/1930. */
  public LocalDate deadline(LocalDate event, DeadlineUnit unit, int amount) {
    return switch (unit) {
      case ARKIPAIVA -> addWorkingDays(event, amount);
      case PAIVA -> onOrNextWorkingDay(event.plusDays(amount));
      case KUUKAUSI -> onOrNextWorkingDay(event.plusMonths(amount));
    };
  }

  private LocalDate stepWorkingDays(LocalDate from, int n, int step) {
    if (n < 1) {
      throw new IllegalArgumentException("Arkipäivien määrän pitää olla vähintään 1, oli " + n + ".");
    }
    LocalDate d = from;
    for (int counted = 0; counted < n; ) {
      d = d.plusDays(step);
      if (isWorkingDay(d)) {
        counted++;
      }
    }
    return d;
  }

  private Map<LocalDate, String> namedHolidays(int year) {
    return holidaysByYear.computeIfAbsent(year, FinnishCalendar::computeHolidays);
  }

  private static Map<LocalDate, String> computeHolidays(int year) {
    LocalDate easter = easterSunday(year);
    LocalDate midsummerEve = LocalDate.of(year, 6, 19).with(nextOrSame(FRIDAY));
    Map<LocalDate, String> days = new TreeMap<>();
    // May Day and Ascension Day fall on the same day in some years (1 May 2008): keep both names
    BiConsumer<LocalDate, String> add = (date, name) -> days.merge(date, name, (first, second) -> first + " ja " + second);
    add.accept(LocalDate.of(year, 1, 1), "uudenvuodenpäivä");
    add.accept(LocalDate.of(year, 1, 6), "loppiainen");
    add.accept(easter.minusDays(2), "pitkäperjantai");
    add.accept(easter, "pääsiäispäivä");
    add.accept(easter.plusDays(1), "2. pääsiäispäivä");
    add.accept(LocalDate.of(year, 5, 1), "vappu");
    add.accept(easter.plusDays(39), "helatorstai");
    add.accept(easter.plusDays(49), "helluntaipäivä");
    add.accept(midsummerEve, "juhannusaatto");
    add.accept(midsummerEve.plusDays(1), "juhannuspäivä");
    add.accept(LocalDate.of(year, 10, 31).with(nextOrSame(SATURDAY)), "pyhäinpäivä");
    add.accept(LocalDate.of(year, 12, 6), "itsenäisyyspäivä");
    add.accept(LocalDate.of(year, 12, 24), "jouluaatto");
    add.accept(LocalDate.of(year, 12, 25), "joulupäivä");
    add.accept(LocalDate.of(year, 12, 26), "tapaninpäivä");
    return Collections.unmodifiableMap(days);
  }
}
