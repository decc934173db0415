package fi.hbflow.research;

import fi.hbflow.casefile.HbCaseFile;
import com.fasterxml.jackson.databind.JsonNode;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.support.SupportModels;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The research export as CSV: one row per HB case, only pseudonymised, grouped and coded values. UTF-8 with a byte
 * order mark (Excel then reads ä and ö right; R: {@code read.csv2(f, fileEncoding = "UTF-8-BOM")}, pandas:
 * {@code encoding="utf-8-sig", sep=";", decimal=","}), {@code ;} between columns, decimal comma, CRLF line ends, a
 * header row. An empty cell means "not known / not yet / not applicable". Rows are sorted by pseudonym, so that their
 * order does not reveal the order of the cases.
 *
 * <p>Every categorical value is checked against its list of codes: a value outside it (e.g. written through the REST
 * API) is left out rather than exported, so no free text can leak through a code column.
 */
public final class ResearchCsv {

  public static final char SEPARATOR = ';';
  public static final String BOM = "\uFEFF";
  public static final String RUNNING = "kesken";
  public static final String TERMINATED = "keskeytetty";

  static final Set<String> AGE_GROUPS = Set.of("lapsi", "aikuinen", "ikaantynyt");
  static final Set<String> YES_NO = Set.of("kylla", "ei");
  static final Set<String> OUTCOMES = Set.of("ei_oikeutta", "tavalliset_palvelut", "ei_myonnetty", "paattynyt");
  static final Set<String> RECTIFICATION = Set.of("hyvaksytty", "hylatty");

  /**
   * A legal clock: the date it runs from, the event that meets it, and the column names.
   *
   * @param firstEvent  the event's first recorded value counts; false: its current value (a clock that runs anew)
   * @param onlyWithDue the lead time is given only for a case the clock runs for (one with {@code erapaiva_<name>})
   */
  record Clock(String name, String startVariable, String eventVariable, boolean firstEvent, boolean onlyWithDue,
               String daysColumn, String metColumn) {
    Clock(String name, String eventVariable, String daysColumn, String metColumn) {
      this(name, HbCaseFile.PENDING_SINCE, eventVariable, true, false, daysColumn, metColumn);
    }
  }

  static final List<Clock> CLOCKS = List.of(
      new Clock("ARVIOINTI_ALKAA", HbCaseFile.ASSESSMENT_START, "paivatArvioinninAlkuun", "arviointiAlkoiMaaraajassa"),
      new Clock("PAATOS", HbCaseFile.DECISION_DATE, "paivatPaatokseen", "paatosMaaraajassa"),
      new Clock("TOTEUTUS", HbCaseFile.IMPLEMENTATION_START, "paivatToteutukseen", "toteutusMaaraajassa"));

  /** Clocks added later: their columns come after all others, so that the earlier columns keep their places. */
  static final List<Clock> LATER_CLOCKS = List.of(
      // a child's assessment finished (SHL 1301/2014 36 § 3 mom): children's cases only
      new Clock("ARVIOINTI_VALMIS", HbCaseFile.PENDING_SINCE, HbCaseFile.ASSESSMENT_COMPLETED, true, true,
          "paivatArvioinninValmistumiseen", "arviointiValmistuiMaaraajassa"),
      // the ruling on the latest rectification request (the county's target; HL 434/2003 49 e §)
      new Clock("OIKAISUVAATIMUKSEN_KASITTELY", HbCaseFile.RECTIFICATION_ARRIVED, HbCaseFile.RECTIFICATION_RULED,
          false, true, "paivatOikaisuvaatimuksenRatkaisuun", "oikaisuvaatimusRatkaistiinMaaraajassa"));

  public static final List<String> COLUMNS;

  static {
    List<String> c = new ArrayList<>(List.of("pseudonyymi", HbCaseFile.AGE_GROUP, "kuntaryhma", HbCaseFile.HB_SUITS, HbCaseFile.SUPPORT_MODEL,
        HbCaseFile.OUTCOME, HbCaseFile.RECTIFICATION_RULING));
    CLOCKS.forEach(clock -> c.addAll(List.of(clock.daysColumn(), clock.metColumn())));
    c.addAll(List.of("vuosibudjettiEur", "kausibudjettiEur", "kaytettyEur", "arviointeja", "viimeisinArviointiVaihe"));
    Evaluations.LIMITATIONS.keySet().forEach(code -> c.add("toimintarajoite_" + code));
    Evaluations.BENEFITS.keySet().forEach(code -> c.add("hyoty_" + code));
    Evaluations.PREREQUISITES.keySet().forEach(code -> c.add("edellytys_" + code));
    c.addAll(List.of("palautteita", "palautteestaKieltaytyi"));
    Feedbacks.QUESTIONS.keySet().forEach(code -> c.add("palauteKa_" + code));
    c.add("tyytyvaisyysViimeisin");
    LATER_CLOCKS.forEach(clock -> c.addAll(List.of(clock.daysColumn(), clock.metColumn())));
    COLUMNS = Collections.unmodifiableList(c);
  }

  private ResearchCsv() {
  }

  /** One case as a row of {@link #COLUMNS}. {@code today} decides whether an open clock is already overdue. */
  public static List<String> row(CaseData hbCase, Pseudonyms pseudonyms, LocalDate today) {
    Map<String, Object> v = hbCase.values();
    List<String> row = new ArrayList<>();
    row.add(pseudonyms.of(hbCase.businessKey()));
    row.add(code(v.get(HbCaseFile.AGE_GROUP), AGE_GROUPS));
    row.add(MunicipalityGroups.of(v.get(HbCaseFile.MUNICIPALITY)));
    row.add(code(v.get(HbCaseFile.HB_SUITS), YES_NO));
    row.add(code(v.get(HbCaseFile.SUPPORT_MODEL), SupportModels.CODES));
    row.add(outcome(hbCase));
    row.add(code(v.get(HbCaseFile.RECTIFICATION_RULING), RECTIFICATION));

    CLOCKS.forEach(clock -> clock(row, clock, hbCase, today));

    row.add(euros(v.get(HbCaseFile.ANNUAL_BUDGET_CENTS)));
    row.add(euros(v.get(HbCaseFile.BUDGET_PERIOD_CENTS)));
    row.add(euros(v.get(HbCaseFile.USED_CENTS)));

    Evaluations evaluations = readOrEmpty(v.get(Evaluations.VARIABLE), Evaluations::of, Evaluations.of(null));
    JsonNode latest = evaluations.latest().orElse(null);
    row.add(evaluations.size() == 0 ? "" : String.valueOf(evaluations.size()));
    row.add(latest == null ? "" : code(latest.path("vaihe").asText(), Set.of(Evaluations.SUITABILITY, Evaluations.REVIEW)));
    flags(row, latest, "toimintarajoitteet", Evaluations.LIMITATIONS.keySet());
    flags(row, latest, "hyodyt", Evaluations.BENEFITS.keySet());
    flags(row, latest, "edellytykset", Evaluations.PREREQUISITES.keySet());

    Feedbacks feedbacks = readOrEmpty(v.get(Feedbacks.VARIABLE), Feedbacks::of, Feedbacks.of(null));
    row.add(feedbacks.size() == 0 ? "" : String.valueOf(feedbacks.given().size()));
    row.add(feedbacks.size() == 0 ? "" : String.valueOf(feedbacks.declinedCount()));
    Feedbacks.QUESTIONS.keySet().forEach(q -> row.add(decimal(feedbacks.mean(q))));
    row.add(feedbacks.latestAverage().map(a -> decimal(OptionalDouble.of(a))).orElse(""));
    LATER_CLOCKS.forEach(clock -> clock(row, clock, hbCase, today));
    return row;
  }

  /** A clock's two cells: the days from its start to its event, and whether the event was in time. */
  private static void clock(List<String> row, Clock clock, CaseData hbCase, LocalDate today) {
    Map<String, Object> v = hbCase.values();
    LocalDate start = date(v.get(clock.startVariable()));
    LocalDate event = date(clock.firstEvent() ? hbCase.first(clock.eventVariable()) : v.get(clock.eventVariable()));
    LocalDate due = date(v.get("erapaiva_" + clock.name()));
    boolean runs = !clock.onlyWithDue() || due != null;
    if (!clock.firstEvent() && event != null && start != null && event.isBefore(start)) {
      event = null; // a current event before the current start is an earlier round's, not this one's
    }
    row.add(runs && start != null && event != null
        ? String.valueOf(ChronoUnit.DAYS.between(start, event)) : "");
    row.add(met(event, due, hbCase.ended(), today));
  }

  /** The whole file: BOM, header, the rows sorted by pseudonym. */
  public static byte[] write(Collection<List<String>> rows) {
    List<List<String>> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(r -> r.get(0)));
    StringBuilder csv = new StringBuilder(BOM);
    line(csv, COLUMNS);
    sorted.forEach(r -> line(csv, r));
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(SEPARATOR);
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  static String cell(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(SEPARATOR) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  private static String outcome(CaseData hbCase) {
    if (!hbCase.ended()) {
      return RUNNING;
    }
    String outcome = code(hbCase.values().get(HbCaseFile.OUTCOME), OUTCOMES);
    return outcome.isEmpty() || hbCase.terminated() ? TERMINATED : outcome;
  }

  /** "kylla" met in time, "ei" late (or still open past its last day), "" not due / not applicable. */
  static String met(LocalDate event, LocalDate due, boolean ended, LocalDate today) {
    if (due == null) {
      return "";
    }
    if (event != null) {
      return event.isAfter(due) ? "ei" : "kylla";
    }
    return !ended && today != null && today.isAfter(due) ? "ei" : "";
  }

  private static void flags(List<String> row, JsonNode entry, String field, Collection<String> codes) {
    List<String> chosen = entry == null ? List.of() : Evaluations.codes(entry, field);
    codes.forEach(code -> row.add(entry == null ? "" : chosen.contains(code) ? "1" : "0"));
  }

  private static String code(Object value, Set<String> allowed) {
    return value != null && allowed.contains(value.toString()) ? value.toString() : "";
  }

  static LocalDate date(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), EngineContext.FINLAND);
    }
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String s = value.toString().trim();
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Cents to whole euros (half up); "" when missing. */
  static String euros(Object cents) {
    if (!(cents instanceof Number n)) {
      return "";
    }
    return BigDecimal.valueOf(n.longValue(), 2).setScale(0, RoundingMode.HALF_UP).toPlainString();
  }

  /** Two decimals with a decimal comma ("4,25"); "" when empty. */
  static String decimal(OptionalDouble value) {
    if (value.isEmpty()) {
      return "";
    }
    return BigDecimal.valueOf(value.getAsDouble()).setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
  }

  private interface Reader<T> {
    T read(Object raw);
  }

  private static <T> T readOrEmpty(Object raw, Reader<T> reader, T empty) {
    try {
      return reader.read(raw);
    } catch (IllegalArgumentException e) {
      return empty; // an unreadable list exports as "no data", never as its text
    }
  }
}
