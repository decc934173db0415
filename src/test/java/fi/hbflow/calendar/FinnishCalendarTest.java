package fi.hbflow.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FinnishCalendarTest {

  private final FinnishCalendar calendar = new FinnishCalendar();

  private static LocalDate date(int day, int month, int year) {
    return LocalDate.of(year, month, day);
  }

  // Easter Sundays from published calendars, 2008 an early one, 2038 a late one
  @ParameterizedTest
  @CsvSource({"2024, 31.3", "2025, 20.4", "2026, 5.4", "2027, 28.3", "2028, 16.4", "2038, 25.4", "2008, 23.3"})
  void easterSunday(int year, String dayAndMonth) {
    String[] dm = dayAndMonth.split("\\.");
    assertThat(FinnishCalendar.easterSunday(year))
        .isEqualTo(date(Integer.parseInt(dm[0]), Integer.parseInt(dm[1]), year));
  }

  @Test
  void easterIsAlwaysASundayBetween22MarchAnd25April() {
    IntStream.rangeClosed(1900, 2200).forEach(year -> {
      LocalDate easter = FinnishCalendar.easterSunday(year);
      assertThat(easter.getDayOfWeek()).as("%s", year).isEqualTo(SUNDAY);
      assertThat(easter).as("%s", year).isBetween(date(22, 3, year), date(25, 4, year));
    });
  }

  @ParameterizedTest
  @ValueSource(ints = {2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030})
  void midsummerEveIsTheFridayBetween19And25June(int year) {
    LocalDate eve = calendar.holidays(year).stream()
        .filter(day -> calendar.holidayName(day).orElseThrow().equals("juhannusaatto"))
        .findFirst().orElseThrow();
    assertThat(eve.getDayOfWeek()).isEqualTo(FRIDAY);
    assertThat(eve).isBetween(date(19, 6, year), date(25, 6, year));
    assertThat(calendar.holidayName(eve.plusDays(1))).contains("juhannuspäivä");
  }

  @Test
  void midsummerEve2026IsThe19thAndAscensionDayThe14thOfMay() {
    assertThat(calendar.holidayName(date(19, 6, 2026))).contains("juhannusaatto");
    assertThat(calendar.holidayName(date(20, 6, 2026))).contains("juhannuspäivä");
    assertThat(calendar.holidayName(date(14, 5, 2026))).contains("helatorstai");
    assertThat(calendar.isWorkingDay(date(14, 5, 2026))).isFalse();
  }

  // The 2026 calendar: Easter 5.4, so Ascension 5.4 + 39 = 14.5 and Whit Sunday 5.4 + 49 = 24.5;
  // 31.10.2026 is a Saturday, so it is All Saints' Day itself
  @Test
  void allHolidaysOf2026() {
    assertThat(calendar.holidays(2026)).containsExactlyInAnyOrder(
        date(1, 1, 2026), date(6, 1, 2026), date(3, 4, 2026), date(5, 4, 2026), date(6, 4, 2026),
        date(1, 5, 2026), date(14, 5, 2026), date(24, 5, 2026), date(19, 6, 2026), date(20, 6, 2026),
        date(31, 10, 2026), date(6, 12, 2026), date(24, 12, 2026), date(25, 12, 2026), date(26, 12, 2026));
    assertThat(calendar.holidayName(date(3, 4, 2026))).contains("pitkäperjantai");
    assertThat(calendar.holidayName(date(6, 4, 2026))).contains("2. pääsiäispäivä");
    assertThat(calendar.holidayName(date(24, 5, 2026))).contains("helluntaipäivä");
    assertThat(calendar.holidayName(date(31, 10, 2026))).contains("pyhäinpäivä");
    assertThat(calendar.holidayName(date(7, 4, 2026))).isEmpty();
  }

  @Test
  void mayDayAndAscensionDayOnTheSameDayKeepBothNames() {
    // Easter 23.3.2008 + 39 days = 1.5.2008
    assertThat(calendar.holidayName(date(1, 5, 2008))).contains("vappu ja helatorstai");
    assertThat(calendar.holidays(2008)).hasSize(14);
  }

  @Test
  void workingDays() {
    assertThat(calendar.isWorkingDay(date(2, 4, 2026))).as("Thursday").isTrue();
    assertThat(calendar.isWorkingDay(date(3, 4, 2026))).as("Good Friday").isFalse();
    assertThat(calendar.isWorkingDay(date(11, 4, 2026))).as("Saturday").isFalse();
    assertThat(calendar.isWorkingDay(date(12, 4, 2026))).as("Sunday").isFalse();
    assertThat(calendar.isWorkingDay(date(30, 4, 2026))).as("May Day Eve is a working day").isTrue();
  }

  /*
   * Case opened on Thursday 2.4.2026 (Easter Sunday 5.4.2026). Not counted: Fri 3.4 Good Friday, Sat 4.4,
   * Sun 5.4 Easter Sunday, Mon 6.4 Easter Monday. Counted: Tue 7.4 (1), Wed 8.4 (2), Thu 9.4 (3), Fri 10.4 (4),
   * [Sat 11.4, Sun 12.4], Mon 13.4 (5), Tue 14.4 (6), Wed 15.4 (7).
   *
   * Across New Year and Epiphany: from Tue 30.12.2025: Wed 31.12 (1), [Thu 1.1.2026 New Year's Day], Fri 2.1 (2),
   * [Sat 3.1, Sun 4.1], Mon 5.1 (3), [Tue 6.1 Epiphany], Wed 7.1 (4).
   *
   * Across Christmas: from Mon 22.12.2025: Tue 23.12 (1), [Wed 24.12 Christmas Eve, Thu 25.12 Christmas Day,
   * Fri 26.12 Boxing Day, Sat 27.12, Sun 28.12], Mon 29.12 (2).
   *
   * Independence Day on a Monday (6.12.2027): from Fri 3.12.2027: [Sat 4.12, Sun 5.12, Mon 6.12], Tue 7.12 (1).
   *
   * All Saints' Day on a Saturday takes no weekday: from Fri 30.10.2026: [Sat 31.10 All Saints', Sun 1.11], Mon 2.11 (1).
   */
  @ParameterizedTest
  @CsvSource({
      "2026-04-02, 1, 2026-04-07",
      "2026-04-02, 6, 2026-04-14",
      "2026-04-02, 7, 2026-04-15",
      "2025-12-30, 3, 2026-01-05",
      "2025-12-30, 4, 2026-01-07",
      "2025-12-22, 2, 2025-12-29",
      "2027-12-03, 1, 2027-12-07",
      "2026-10-30, 1, 2026-11-02"})
  void addWorkingDays(LocalDate event, int n, LocalDate expected) {
    assertThat(calendar.addWorkingDays(event, n)).isEqualTo(expected);
    assertThat(calendar.deadline(event, DeadlineUnit.ARKIPAIVA, n)).isEqualTo(expected);
  }

  // The same walks backwards: a working day n working days after x has x as its n-th working day before
  @ParameterizedTest
  @CsvSource({
      "2026-04-07, 1, 2026-04-02",
      "2026-04-15, 7, 2026-04-02",
      "2026-01-07, 4, 2025-12-30",
      "2026-01-07, 1, 2026-01-05",
      "2025-12-29, 2, 2025-12-22",
      "2027-12-07, 1, 2027-12-03"})
  void minusWorkingDays(LocalDate day, int n, LocalDate expected) {
    assertThat(calendar.minusWorkingDays(day, n)).isEqualTo(expected);
  }

  @Test
  void workingDayCountMustBePositive() {
    assertThatThrownBy(() -> calendar.addWorkingDays(date(2, 4, 2026), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.minusWorkingDays(date(2, 4, 2026), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onOrNextWorkingDay() {
    assertThat(calendar.onOrNextWorkingDay(date(2, 4, 2026))).as("a working day stays").isEqualTo(date(2, 4, 2026));
    // Good Friday 3.4, Sat, Easter Sunday, Easter Monday 6.4 -> Tue 7.4
    assertThat(calendar.onOrNextWorkingDay(date(3, 4, 2026))).isEqualTo(date(7, 4, 2026));
  }

  @ParameterizedTest(name = "{0} + {1} kk = {2}")
  @CsvSource({
      // Wed 14.1.2026 + 1 kk = Sat 14.2.2026 -> Mon 16.2.2026
      "2026-01-14, 1, 2026-02-16",
      // Tue 19.5.2026 + 1 kk = Fri 19.6.2026 juhannusaatto, Sat 20.6 juhannuspäivä, Sun 21.6 -> Mon 22.6.2026
      "2026-05-19, 1, 2026-06-22",
      // 31.1.2028 + 1 kk: no 31.2, so the month's last day, Tue 29.2.2028 (a leap year), a working day
      "2028-01-31, 1, 2028-02-29",
      // 31.1.2026 + 1 kk = Sat 28.2.2026 (no 29.2 in 2026) -> Mon 2.3.2026
      "2026-01-31, 1, 2026-03-02",
      // Fri 2.10.2026 + 2 kk = Wed 2.12.2026, a working day
      "2026-10-02, 2, 2026-12-02"})
  void monthDeadline(LocalDate event, int months, LocalDate expected) {
    assertThat(calendar.deadline(event, DeadlineUnit.KUUKAUSI, months)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} + {1} pv = {2}")
  @CsvSource({
      // 4.3.2026 + 30 = Fri 3.4.2026 Good Friday; Sat 4.4, Easter Sunday 5.4, Easter Monday 6.4 -> Tue 7.4.2026
      "2026-03-04, 30, 2026-04-07",
      // 24.11.2025 + 30 = Wed 24.12.2025 Christmas Eve; 25.12, 26.12, weekend -> Mon 29.12.2025
      "2025-11-24, 30, 2025-12-29",
      // 6.11.2027 + 30 = Mon 6.12.2027 Independence Day -> Tue 7.12.2027
      "2027-11-06, 30, 2027-12-07",
      // Mon 2.3.2026 + 14 = Mon 16.3.2026, a working day
      "2026-03-02, 14, 2026-03-16"})
  void dayDeadline(LocalDate event, int days, LocalDate expected) {
    assertThat(calendar.deadline(event, DeadlineUnit.PAIVA, days)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "arkipäivä, ARKIPAIVA", "arkipaiva, ARKIPAIVA", "ARKIPÄIVÄ, ARKIPAIVA", "Arkipaiva, ARKIPAIVA",
      "päivä, PAIVA", "paiva, PAIVA", "PÄIVÄ, PAIVA",
      "kuukausi, KUUKAUSI", "Kuukausi, KUUKAUSI", "' kuukausi ', KUUKAUSI"})
  void parseDeadlineUnit(String word, DeadlineUnit expected) {
    assertThat(DeadlineUnit.parse(word)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"viikko", "days", "", "kuukaudet"})
  void parseRejectsOtherWordsInFinnish(String word) {
    assertThatThrownBy(() -> DeadlineUnit.parse(word))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Tuntematon määräajan yksikkö")
        .hasMessageContaining("arkipäivä, päivä tai kuukausi");
  }

  @Test
  void parseRejectsNull() {
    assertThatThrownBy(() -> DeadlineUnit.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
