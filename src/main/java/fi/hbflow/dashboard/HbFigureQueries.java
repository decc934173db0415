package fi.hbflow.dashboard;

import fi.hbflow.casefile.HbCaseFile;
import fi.hbflow.dashboard.HbFigures.Budget;
import fi.hbflow.dashboard.HbFigures.Cases;
import fi.hbflow.dashboard.HbFigures.Clock;
import fi.hbflow.dashboard.HbFigures.Count;
import fi.hbflow.dashboard.HbFigures.Options;
import fi.hbflow.dashboard.HbFigures.Rectification;
import fi.hbflow.dashboard.HbFigures.Satisfaction;
import fi.hbflow.dashboard.HbFigures.Transition;
import fi.hbflow.research.Feedbacks;
import fi.hbflow.research.ResearchExport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Computes {@link HbFigures} with aggregate SQL over the engine's history tables (ACT_HI_PROCINST, ACT_HI_VARINST,
 * ACT_HI_DETAIL, ACT_HI_ACTINST): the database counts and groups, and only grouped rows (a few per month, municipality,
 * step or day count) come back to Java, whatever the number of cases. Works on H2 and PostgreSQL ({@link SqlDialect}).
 *
 * <p>A case's variables are its own (process-instance scope, not task-local) and current ones (history state
 * CREATED); the event dates of the legal clocks are their <b>first</b> recorded value (ACT_HI_DETAIL), as in the
 * research export, so that a re-assessment or a new decision does not move the lead time. The month of a case is
 * that of its {@code vireilletulopaiva} (else of its start).
 *
 * <p>Runs without any engine authorization check: the caller decides who may see the figures.
 */
public class HbFigureQueries {

  public static final String PROCESS_KEY = ResearchExport.PROCESS_KEY;
  /** The task of a rectification request (Oikaisuvaatimuksen käsittely). */
  static final String RECTIFICATION_TASK = "Task_Oikaisuvaatimus";
  /** Activity types that a case waits in (its "current step"). */
  static final List<String> WAIT_STATES = List.of("userTask", "callActivity", "intermediateTimer",
      "intermediateMessageCatch", "intermediateSignalCatch", "receiveTask", "serviceTask", "businessRuleTask",
      "scriptTask", "sendTask", "subProcess");

  /**
   * A legal clock: its name in {@code hb-maaraajat}, the date it runs from, its event, its Finnish label.
   *
   * @param firstEvent  the event's first recorded value counts (a re-assessment does not move it); false: its current
   *                    value (a clock that runs anew, whose event the process removes when it starts again)
   * @param onlyWithDue only the cases the clock runs for (those with {@code erapaiva_<name>}) count: a clock of some
   *                    cases only (ARVIOINTI_VALMIS: children), or of a step not every case reaches
   */
  public record LegalClock(String name, String startVariable, String eventVariable, String label, boolean firstEvent,
                           boolean onlyWithDue) {
    /** A clock of every case, from the opening of the case to the first recorded date of its event. */
    public LegalClock(String name, String eventVariable, String label) {
      this(name, HbCaseFile.PENDING_SINCE, eventVariable, label, true, false);
    }
  }

  /** The clocks of brief §5 and the later ones of {@code hb-maaraajat} (event dates as in the research export). */
  public static final List<LegalClock> CLOCKS = List.of(
      new LegalClock("ARVIOINTI_ALKAA", ResearchExport.EVENT_DATES.get(0), "Vireilletulosta arvioinnin alkuun"),
      // a child's assessment finished within 3 months (SHL 1301/2014 36 § 3 mom): children's cases only
      new LegalClock("ARVIOINTI_VALMIS", HbCaseFile.PENDING_SINCE, ResearchExport.EVENT_DATES.get(3),
          "Vireilletulosta lapsen arvioinnin valmistumiseen", true, true),
      new LegalClock("PAATOS", ResearchExport.EVENT_DATES.get(1), "Vireilletulosta päätökseen"),
      new LegalClock("TOTEUTUS", ResearchExport.EVENT_DATES.get(2), "Vireilletulosta toteutukseen"),
      // the county's own target for the ruling (HL 434/2003 49 e §: urgent, no number of days): the latest request
      new LegalClock("OIKAISUVAATIMUKSEN_KASITTELY", HbCaseFile.RECTIFICATION_ARRIVED, HbCaseFile.RECTIFICATION_RULED,
          "Oikaisuvaatimuksen saapumisesta ratkaisuun", false, true));

  /** Open cases decided under the old law whose re-decision is due within this many days (or past). */
  public static final int TRANSITION_WARNING_DAYS = 90;

  /** The outcome codes of a case ({@code hbTulos}, as in the research export) and their Finnish names. */
  public static final Map<String, String> OUTCOMES;

  static {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("kesken", "Kesken");
    o.put("ei_oikeutta", "Ei oikeutta vammaispalveluihin");
    o.put("tavalliset_palvelut", "Tavalliset palvelut");
    o.put("ei_myonnetty", "HB:tä ei myönnetty");
    o.put("paattynyt", "HB päättyi");
    o.put("keskeytetty", "Keskeytetty");
    OUTCOMES = java.util.Collections.unmodifiableMap(o);
  }

  public static final String UNKNOWN_MUNICIPALITY_LABEL = "(ei kuntaa)";
  public static final String OTHER_SUPPORT_MODEL = "muu";

  private static final Pattern NAME = Pattern.compile("[A-Za-z_]+");
  private static final long DAY_MILLIS = 86_400_000L;

  private final NamedParameterJdbcTemplate jdbc;
  private final SqlDialect dialect;

  public HbFigureQueries(DataSource dataSource) {
    this(dataSource, SqlDialect.of(dataSource));
  }

  public HbFigureQueries(DataSource dataSource, SqlDialect dialect) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.dialect = dialect;
  }

  /**
   * The figures of the selection.
   *
   * @param steps         the steps of the process in its order: activity id → name (running cases at a step not
   *                      listed are added after them)
   * @param supportModels the support-model codes in the order of the form: code → Finnish name
   * @param today         decides whether a running case is past a clock's last day
   */
  public HbFigures compute(DashboardSelection filter, Map<String, String> steps, Map<String, String> supportModels,
                           LocalDate today) {
    Overview overview = overview(filter);
    return new HbFigures(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), filter, overview.options,
        overview.cases, overview.byMonth, overview.byMunicipality, openByStep(filter, steps),
        CLOCKS.stream().map(clock -> clock(filter, clock, today)).toList(), rectification(filter), budget(filter),
        supportModels(filter, supportModels), satisfaction(filter), transition(filter, today));
  }

  // --- the selection of cases ------------------------------------------------------------------------------------

  /** {@code WITH c(pid, ended)}: the HB cases of the selection. */
  private String selection(DashboardSelection filter, MapSqlParameterSource params) {
    params.addValue("processKey", PROCESS_KEY);
    if (filter.all()) {
      return "WITH c AS (SELECT p.ID_ AS pid, p.END_TIME_ AS ended FROM ACT_HI_PROCINST p"
          + " WHERE p.PROC_DEF_KEY_ = :processKey) ";
    }
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (filter.municipality() != null) {
      where.append(" AND f.kunta = :municipality");
      params.addValue("municipality", filter.municipality());
    }
    if (filter.fromMonth() != null) {
      where.append(" AND f.kk >= :fromMonth");
      params.addValue("fromMonth", filter.fromMonth());
    }
    if (filter.toMonth() != null) {
      where.append(" AND f.kk <= :toMonth");
      params.addValue("toMonth", filter.toMonth());
    }
    return "WITH c AS (SELECT f.pid, f.ended FROM (" + monthAndMunicipality("p.ID_ AS pid, p.END_TIME_ AS ended", "")
        + ") f" + where + ") ";
  }

  /** Each HB case with its month ({@code kk}) and municipality ({@code kunta}, "" when none). */
  private static String monthAndMunicipality(String columns, String joins) {
    return "SELECT " + columns + ", COALESCE(k.TEXT_, '') AS kunta,"
        + " COALESCE(SUBSTRING(o.TEXT_, 1, 7), TO_CHAR(p.START_TIME_, 'YYYY-MM')) AS kk"
        + " FROM ACT_HI_PROCINST p" + variable("k", HbCaseFile.MUNICIPALITY, "p.ID_") + variable("o", HbCaseFile.PENDING_SINCE, "p.ID_")
        + joins + " WHERE p.PROC_DEF_KEY_ = :processKey";
  }

  /** LEFT JOIN of the case's own current variable {@code name} as {@code alias}. */
  static String variable(String alias, String name, String caseId) {
    return " LEFT" + join(alias, name, caseId);
  }

  /** JOIN of the case's own current variable {@code name} as {@code alias} (cases without it drop out). */
  static String join(String alias, String name, String caseId) {
    if (!NAME.matcher(alias).matches() || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a variable name: " + name);
    }
    return " JOIN ACT_HI_VARINST " + alias + " ON " + alias + ".PROC_INST_ID_ = " + caseId + " AND " + alias
        + ".EXECUTION_ID_ = " + caseId + " AND " + alias + ".TASK_ID_ IS NULL AND " + alias + ".NAME_ = '" + name
        + "' AND " + alias + ".STATE_ = 'CREATED'";
  }

  // --- cases by month, municipality and outcome ------------------------------------------------------------------

  private record Overview(Options options, Cases cases, List<Count> byMonth, List<Count> byMunicipality) {
  }

  /** One grouped query over every case: the options of the selection lists come from the same rows. */
  private Overview overview(DashboardSelection filter) {
    MapSqlParameterSource params = new MapSqlParameterSource("processKey", PROCESS_KEY);
    String sql = "SELECT x.kk, x.kunta, x.open_, x.terminated_, x.tulos, COUNT(*) AS n FROM ("
        + monthAndMunicipality("CASE WHEN p.END_TIME_ IS NULL THEN 1 ELSE 0 END AS open_,"
            + " CASE WHEN p.STATE_ IN ('EXTERNALLY_TERMINATED', 'INTERNALLY_TERMINATED') THEN 1 ELSE 0 END AS terminated_,"
            + " t.TEXT_ AS tulos", variable("t", HbCaseFile.OUTCOME, "p.ID_"))
        + ") x GROUP BY x.kk, x.kunta, x.open_, x.terminated_, x.tulos";
    TreeSet<String> months = new TreeSet<>();
    TreeSet<String> municipalities = new TreeSet<>();
    Map<String, Long> outcomes = new LinkedHashMap<>();
    OUTCOMES.keySet().forEach(code -> outcomes.put(code, 0L));
    TreeMap<String, Long> byMonth = new TreeMap<>();
    TreeMap<String, Long> byMunicipality = new TreeMap<>();
    long[] totals = new long[2]; // open, ended
    jdbc.query(sql, params, rs -> {
      String month = rs.getString("kk");
      String municipality = rs.getString("kunta");
      boolean open = rs.getInt("open_") == 1;
      long n = rs.getLong("n");
      if (month != null) {
        months.add(month);
      }
      municipalities.add(municipality == null ? "" : municipality);
      if (!filter.includes(month, municipality == null ? "" : municipality)) {
        return;
      }
      totals[open ? 0 : 1] += n;
      outcomes.merge(outcome(open, rs.getInt("terminated_") == 1, rs.getString("tulos")), n, Long::sum);
      byMonth.merge(month == null ? "" : month, n, Long::sum);
      byMunicipality.merge(municipality == null ? "" : municipality, n, Long::sum);
    });
    List<Count> outcomeCounts = new ArrayList<>();
    outcomes.forEach((code, n) -> outcomeCounts.add(new Count(code, OUTCOMES.get(code), n)));
    List<Count> monthCounts = new ArrayList<>();
    byMonth.forEach((month, n) -> monthCounts.add(new Count(month, monthLabel(month), n)));
    List<Count> municipalityCounts = new ArrayList<>();
    byMunicipality.forEach((m, n) -> municipalityCounts.add(new Count(m, m.isEmpty() ? UNKNOWN_MUNICIPALITY_LABEL : m, n)));
    return new Overview(new Options(List.copyOf(months), List.copyOf(municipalities)),
        new Cases(totals[0] + totals[1], totals[0], totals[1], outcomeCounts), monthCounts, municipalityCounts);
  }

  /** As the research export: running, its recorded outcome, or "keskeytetty" (cancelled, or ended without one). */
  static String outcome(boolean open, boolean terminated, String recorded) {
    if (open) {
      return "kesken";
    }
    if (terminated || recorded == null || !OUTCOMES.containsKey(recorded) || "kesken".equals(recorded)) {
      return "keskeytetty";
    }
    return recorded;
  }

  /** "2026-06" → "6/2026". */
  static String monthLabel(String month) {
    if (month == null || !DashboardSelection.MONTH.matcher(month).matches()) {
      return "(ei tiedossa)";
    }
    return Integer.parseInt(month.substring(5)) + "/" + month.substring(0, 4);
  }

  // --- current steps ---------------------------------------------------------------------------------------------

  private List<Count> openByStep(DashboardSelection filter, Map<String, String> steps) {
    MapSqlParameterSource params = new MapSqlParameterSource("waitStates", WAIT_STATES);
    String sql = selection(filter, params)
        + "SELECT a.ACT_ID_ AS step, MAX(a.ACT_NAME_) AS name, COUNT(DISTINCT a.PROC_INST_ID_) AS n"
        + " FROM ACT_HI_ACTINST a JOIN c ON c.pid = a.PROC_INST_ID_"
        + " WHERE a.END_TIME_ IS NULL AND c.ended IS NULL AND a.ACT_TYPE_ IN (:waitStates)"
        + " GROUP BY a.ACT_ID_";
    Map<String, Count> found = new LinkedHashMap<>();
    jdbc.query(sql, params, rs -> {
      String step = rs.getString("step");
      String name = rs.getString("name");
      found.put(step, new Count(step, name == null ? step : name, rs.getLong("n")));
    });
    List<Count> result = new ArrayList<>();
    steps.forEach((id, name) -> {
      Count count = found.remove(id);
      result.add(new Count(id, name, count == null ? 0 : count.count()));
    });
    found.values().stream().sorted((a, b) -> a.label().compareTo(b.label())).forEach(result::add);
    return result;
  }

  // --- legal clocks ----------------------------------------------------------------------------------------------

  Clock clock(DashboardSelection filter, LegalClock clock, LocalDate today) {
    MapSqlParameterSource params = new MapSqlParameterSource("today", today.toEpochDay())
        .addValue("eventName", clock.eventVariable());
    // a clock that runs anew: a current event before the current start is an earlier round's (as the research export)
    String event = clock.firstEvent() ? "COALESCE(" + day("fe") + ", " + day("ev") + ")"
        : "CASE WHEN " + day("ev") + " >= " + day("op") + " THEN " + day("ev") + " END";
    String inner = "SELECT " + day("op") + " AS opened, " + event + " AS event_,"
        + " CASE WHEN due.VAR_TYPE_ = 'date' THEN (due.LONG_ + " + (DAY_MILLIS / 2) + ") / " + DAY_MILLIS
        + " END AS due_,"
        + " CASE WHEN br.LONG_ = 1 THEN 1 ELSE 0 END AS breach_, CASE WHEN c.ended IS NULL THEN 1 ELSE 0 END AS open_"
        + " FROM c" + variable("op", clock.startVariable(), "c.pid") + variable("ev", clock.eventVariable(), "c.pid")
        + (clock.onlyWithDue() ? join("due", "erapaiva_" + clock.name(), "c.pid")
            : variable("due", "erapaiva_" + clock.name(), "c.pid"))
        + variable("br", "ylitetty_" + clock.name(), "c.pid")
        // the first recorded value of the event date: DISTINCT ON (H2 and PostgreSQL), whose row count the planner
        // estimates as the number of cases; with ROW_NUMBER() ... rn = 1 PostgreSQL guessed 90 rows for 65 000 and
        // could join them to the cases by a nested loop (28 s instead of 0.7 s at 70 000 cases)
        // (H2 wants the ORDER BY columns selected too)
        + (!clock.firstEvent() ? "" : " LEFT JOIN (SELECT DISTINCT ON (d.PROC_INST_ID_) d.PROC_INST_ID_ AS dpid,"
        + " d.VAR_TYPE_, d.TEXT_, d.LONG_, d.TIME_, d.SEQUENCE_COUNTER_ FROM ACT_HI_DETAIL d"
        + " WHERE d.TYPE_ = 'VariableUpdate' AND d.NAME_ = :eventName"
        + " AND d.PROC_DEF_KEY_ = :processKey AND (d.LONG_ IS NOT NULL OR d.TEXT_ LIKE '____-__-__%')"
        + " ORDER BY d.PROC_INST_ID_, d.TIME_, d.SEQUENCE_COUNTER_) fe ON fe.dpid = c.pid");
    String classified = "SELECT CASE WHEN y.event_ IS NOT NULL AND y.opened IS NOT NULL THEN y.event_ - y.opened END"
        + " AS days, CASE"
        + " WHEN y.breach_ = 1 THEN 'overdue'"
        + " WHEN y.event_ IS NOT NULL AND y.due_ IS NOT NULL AND y.event_ > y.due_ THEN 'overdue'"
        + " WHEN y.event_ IS NOT NULL AND y.due_ IS NOT NULL THEN 'onTime'"
        + " WHEN y.event_ IS NOT NULL THEN 'done'"
        + " WHEN y.open_ = 1 AND y.due_ IS NOT NULL AND :today > y.due_ THEN 'overdue'"
        + " WHEN y.open_ = 1 AND y.due_ IS NOT NULL THEN 'pending'"
        + " ELSE 'none' END AS status FROM (" + inner + ") y";
    String sql = selection(filter, params) + "SELECT z.days, z.status, COUNT(*) AS n FROM (" + classified
        + ") z GROUP BY z.days, z.status";
    Map<Integer, Long> days = new HashMap<>();
    Map<String, Long> status = new HashMap<>();
    jdbc.query(sql, params, rs -> {
      long n = rs.getLong("n");
      Object d = rs.getObject("days");
      if (d != null) {
        days.merge(((Number) d).intValue(), n, Long::sum);
      }
      status.merge(rs.getString("status"), n, Long::sum);
    });
    Distribution distribution = Distribution.of(days);
    long onTime = status.getOrDefault("onTime", 0L);
    long overdue = status.getOrDefault("overdue", 0L);
    return new Clock(clock.name(), clock.label(), distribution.count(), distribution.median(),
        distribution.percentile(0.9), onTime, overdue, status.getOrDefault("pending", 0L), share(overdue, onTime + overdue));
  }

  /** The day number of a date variable joined as {@code alias}: a {@code yyyy-MM-dd} text or a Date (midnight, Finland). */
  private String day(String alias) {
    return "CASE WHEN " + alias + ".VAR_TYPE_ = 'date' THEN (" + alias + ".LONG_ + " + (DAY_MILLIS / 2) + ") / "
        + DAY_MILLIS + " WHEN " + alias + ".TEXT_ LIKE '____-__-__%' THEN "
        + dialect.epochDay("SUBSTRING(" + alias + ".TEXT_, 1, 10)") + " END";
  }

  // --- decisions of the old law awaiting a re-decision ------------------------------------------------------------

  /**
   * Open cases with {@code siirtymaajanPaatos} = true (a decision under 380/1987 or 519/1977 still to be made anew),
   * and those of them whose {@code erapaiva_SIIRTYMA} is within {@value #TRANSITION_WARNING_DAYS} days or past. No
   * case with the variable: zeros.
   */
  Transition transition(DashboardSelection filter, LocalDate today) {
    MapSqlParameterSource params = new MapSqlParameterSource("today", today.toEpochDay())
        .addValue("warnUntil", today.plusDays(TRANSITION_WARNING_DAYS).toEpochDay());
    String due = day("e");
    Map<String, Object> row = jdbc.queryForMap(selection(filter, params)
        + "SELECT COUNT(*) AS open_, SUM(CASE WHEN " + due + " <= :warnUntil THEN 1 ELSE 0 END) AS soon,"
        + " SUM(CASE WHEN " + due + " < :today THEN 1 ELSE 0 END) AS past FROM c"
        + join("s", HbCaseFile.TRANSITION_DECISION, "c.pid") + variable("e", "erapaiva_SIIRTYMA", "c.pid")
        + " WHERE c.ended IS NULL AND s.VAR_TYPE_ = 'boolean' AND s.LONG_ = 1", params);
    return new Transition(number(row.get("open_")), number(row.get("soon")), number(row.get("past")));
  }

  // --- rectification, budget, support, satisfaction ---------------------------------------------------------------

  private Rectification rectification(DashboardSelection filter) {
    MapSqlParameterSource params = new MapSqlParameterSource("task", RECTIFICATION_TASK);
    Map<String, Object> requests = jdbc.queryForMap(selection(filter, params)
        + "SELECT COUNT(*) AS requests, SUM(CASE WHEN a.END_TIME_ IS NULL THEN 1 ELSE 0 END) AS pending,"
        + " COUNT(DISTINCT a.PROC_INST_ID_) AS cases_ FROM ACT_HI_ACTINST a JOIN c ON c.pid = a.PROC_INST_ID_"
        + " WHERE a.ACT_ID_ = :task", params);
    Map<String, Long> rulings = grouped(filter, join("r", HbCaseFile.RECTIFICATION_RULING, "c.pid"), "r.TEXT_");
    return new Rectification(number(requests.get("requests")), number(requests.get("pending")),
        number(requests.get("cases_")), rulings.getOrDefault("hyvaksytty", 0L), rulings.getOrDefault("hylatty", 0L));
  }

  private Budget budget(DashboardSelection filter) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    Map<String, Object> row = jdbc.queryForMap(selection(filter, params)
        + "SELECT COUNT(*) AS cases_, SUM(b.LONG_) AS granted, SUM(y.LONG_) AS annual, SUM(u.LONG_) AS used"
        + " FROM c" + join("d", HbCaseFile.DECISION, "c.pid") + variable("b", HbCaseFile.BUDGET_PERIOD_CENTS, "c.pid")
        + variable("y", HbCaseFile.ANNUAL_BUDGET_CENTS, "c.pid") + variable("u", HbCaseFile.USED_CENTS, "c.pid")
        + " WHERE d.TEXT_ = 'myonnetty'", params);
    long granted = number(row.get("granted"));
    long used = number(row.get("used"));
    return new Budget(number(row.get("cases_")), granted, number(row.get("annual")), used, share(used, granted));
  }

  private List<Count> supportModels(DashboardSelection filter, Map<String, String> labels) {
    Map<String, Long> found = grouped(filter, join("t", HbCaseFile.SUPPORT_MODEL, "c.pid"), "t.TEXT_");
    List<Count> result = new ArrayList<>();
    labels.forEach((code, label) -> result.add(new Count(code, label, found.getOrDefault(code, 0L))));
    long other = found.entrySet().stream().filter(e -> !labels.containsKey(e.getKey())).mapToLong(Map.Entry::getValue)
        .sum();
    if (other > 0) {
      result.add(new Count(OTHER_SUPPORT_MODEL, "Muu", other));
    }
    return result;
  }

  private Satisfaction satisfaction(DashboardSelection filter) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    Map<Integer, Long> distribution = new TreeMap<>();
    for (int i = Feedbacks.MIN; i <= Feedbacks.MAX; i++) {
      distribution.put(i, 0L);
    }
    long[] responses = new long[1];
    double[] sum = new double[1];
    jdbc.query(selection(filter, params) + "SELECT s.DOUBLE_ AS value_, COUNT(*) AS n FROM c"
        + join("s", Feedbacks.SATISFACTION_VARIABLE, "c.pid") + " WHERE s.DOUBLE_ IS NOT NULL GROUP BY s.DOUBLE_",
        params, rs -> {
          double value = rs.getDouble("value_");
          long n = rs.getLong("n");
          if (value < Feedbacks.MIN || value > Feedbacks.MAX) {
            return; // not an average of 1–5 answers
          }
          responses[0] += n;
          sum[0] += value * n;
          distribution.merge((int) Math.floor(value), n, Long::sum);
        });
    Double mean = responses[0] == 0 ? null : Math.round(sum[0] / responses[0] * 100) / 100.0;
    return new Satisfaction(responses[0], mean, distribution);
  }

  /** Cases per value of one column of a joined variable. */
  private Map<String, Long> grouped(DashboardSelection filter, String joins, String column) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    Map<String, Long> counts = new HashMap<>();
    jdbc.query(selection(filter, params) + "SELECT " + column + " AS value_, COUNT(*) AS n FROM c" + joins
        + " GROUP BY " + column, params, rs -> {
          String value = rs.getString("value_");
          if (value != null) {
            counts.merge(value, rs.getLong("n"), Long::sum);
          }
        });
    return counts;
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0L;
  }

  static Double share(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
  }
}
