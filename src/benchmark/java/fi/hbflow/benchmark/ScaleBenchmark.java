package fi.hbflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import fi.hbflow.HbFlowApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scale benchmark (issue 7, part 2): HB Flow on PostgreSQL with a national caseload — by default 50 000 open and
 * 200 000 closed HB cases — and the latency (p50/p95 after warm-up) of what workers and managers wait for: the task
 * list of a group's Tasklist filter, opening a task's form, and Cockpit's process statistics. Not a unit test: a main
 * program that prints figures (see docs/performance.md).
 *
 * <pre>
 * mvn -Pbenchmark test-compile exec:java -Dexec.mainClass=fi.hbflow.benchmark.ScaleBenchmark -Dexec.args="--smoke"
 * mvn -Pbenchmark test-compile exec:java -Dexec.mainClass=fi.hbflow.benchmark.ScaleBenchmark \
 *     -Dexec.args="--open=50000 --closed=200000 --data-dir=/tmp/hbflow-scale-pg"
 * # measure again on the same data (after a change to schema.sql, say): add --reuse
 * # each county's own teams (area groups, routing-table rows by municipality; see ScaleAreas): add --areas=22
 * # PostgreSQL's random_page_cost other than the production profile's: --random-page-cost=4
 * </pre>
 *
 * <p>The data: a few hundred real cases run through the engine ({@link ScaleSeeder}: open ones stopped at every user
 * task of the process, routed to several groups; closed ones run to the end), then copied inside PostgreSQL
 * ({@link ScaleCloner}) up to the wanted sizes, checked through the engine's API (counts; a copied task opens and
 * completes) and ANALYZEd. The application runs in this JVM (the job executor off, so that nothing but the measured
 * requests runs), on an embedded PostgreSQL 15 (zonky) with pg_stat_statements; requests go over HTTP to localhost.
 */
public final class ScaleBenchmark {

  static final String DB = "hbflow_scale";

  public static void main(String[] args) throws Exception {
    Map<String, String> a = parse(args);
    boolean smoke = a.containsKey("smoke");
    int open = Integer.parseInt(a.getOrDefault("open", smoke ? "1000" : "50000"));
    int closed = Integer.parseInt(a.getOrDefault("closed", smoke ? "2000" : "200000"));
    int seedOpen = Integer.parseInt(a.getOrDefault("seed-open", smoke ? "22" : "165"));
    int seedClosed = Integer.parseInt(a.getOrDefault("seed-closed", smoke ? "6" : "35"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", smoke ? "10" : "30"));
    int samples = Integer.parseInt(a.getOrDefault("samples", smoke ? "30" : "200"));
    boolean reuse = a.containsKey("reuse");
    boolean explain = a.containsKey("explain");
    budgetSeconds = Double.parseDouble(a.getOrDefault("budget-seconds", "120"));
    skipFilter = a.containsKey("skip-filter");
    ScaleAreas areas = new ScaleAreas(Integer.parseInt(a.getOrDefault("areas", "0")));
    List<String> groups = a.containsKey("groups") || !a.containsKey("areas")
        ? Arrays.asList(a.getOrDefault("groups", "sosiaalityo,palveluohjaus").split(","))
        : null; // with areas: the largest area groups, once the data is there
    Path dataDir = Path.of(a.getOrDefault("data-dir", "target/scale-pg")).toAbsolutePath();
    if (!reuse && Files.exists(dataDir)) {
      try (var files = Files.walk(dataDir)) { // a fresh cluster: initdb wants an empty directory
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    Files.createDirectories(dataDir);

    System.out.println("== HB Flow scale benchmark ==");
    System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
        + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
    System.out.println("load before: " + loadAverage());

    EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
        .setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
        .setServerConfig("shared_buffers", "512MB").setServerConfig("work_mem", "16MB")
        .setServerConfig("maintenance_work_mem", "256MB").setServerConfig("max_wal_size", "4GB")
        .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off")
        .setServerConfig("logging_collector", "on").setServerConfig("log_directory", dataDir.resolve("log").toString())
        .setServerConfig("log_filename", "postgresql.log")
        .setServerConfig("pg_stat_statements.track", "all")
        .setRegisterShutdownHook(true).start();
    String url = pg.getJdbcUrl("postgres", DB);
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      boolean exists;
      try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DB + "'")) {
        exists = r.next();
      }
      if (exists && !reuse) {
        s.execute("DROP DATABASE " + DB + " WITH (FORCE)");
      }
      if (!exists || !reuse) {
        s.execute("CREATE DATABASE " + DB);
      }
      try (ResultSet r = s.executeQuery("SHOW server_version")) {
        r.next();
        System.out.println("PostgreSQL " + r.getString(1) + " (embedded, zonky), data in " + dataDir);
      }
    }

    long appStart = System.nanoTime();
    // command-line arguments: they win over application.yaml
    ConfigurableApplicationContext app = new SpringApplicationBuilder(HbFlowApplication.class).run(
        "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
        "--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--hbflow.demo-users.enabled=true",
        "--spring.main.banner-mode=off",
        // the production profile's per-connection PostgreSQL settings (the rest of that profile is for real servers)
        "--spring.datasource.hikari.connection-init-sql=" + (a.containsKey("random-page-cost")
            ? "SET random_page_cost = " + Double.parseDouble(a.get("random-page-cost")) // to compare with another value
            : productionProperty("spring.datasource.hikari.connection-init-sql")));
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    System.out.printf("application started in %.1f s on port %d%n", (System.nanoTime() - appStart) / 1e9, port);
    ProcessEngine engine = app.getBean(ProcessEngine.class);

    try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
      try (Statement s = db.createStatement()) {
        s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      }
      if (!reuse) {
        if (areas.on()) {
          areas.setUp(engine, "demo");
          System.out.println("areas: " + areas.groups().size() + " area groups, users and filters; routing table "
              + "with their rows deployed");
        }
        generate(engine, db, areas, open, closed, seedOpen, seedClosed);
      } else {
        System.out.println("reusing the data in " + dataDir);
      }
      printSizes(db);
      verify(port, db, reuse);
      if (explain) {
        try (Statement s = db.createStatement()) {
          s.execute("ALTER SYSTEM SET auto_explain.log_min_duration = '20ms'");
          s.execute("ALTER SYSTEM SET auto_explain.log_analyze = on");
          s.execute("ALTER SYSTEM SET auto_explain.log_buffers = on");
          s.execute("SELECT pg_reload_conf()");
        }
      }
      measure(port, db, groups != null ? groups : ScaleAreas.largestGroups(db), warmup, samples);
      if (explain) {
        try (Statement s = db.createStatement()) {
          s.execute("ALTER SYSTEM RESET ALL");
          s.execute("SELECT pg_reload_conf()");
        }
        System.out.println("plans of statements over 20 ms: " + dataDir.resolve("log/postgresql.log"));
      }
    } finally {
      System.out.println("load after: " + loadAverage());
      app.close();
      pg.close();
    }
    System.exit(0);
  }

  /** A setting of the production profile, {@code application-postgres.yaml}. */
  static String productionProperty(String name) {
    org.springframework.beans.factory.config.YamlPropertiesFactoryBean yaml =
        new org.springframework.beans.factory.config.YamlPropertiesFactoryBean();
    yaml.setResources(new org.springframework.core.io.ClassPathResource("application-postgres.yaml"));
    return java.util.Objects.requireNonNull(yaml.getObject()).getProperty(name);
  }

  // --- data --------------------------------------------------------------------------------------------------------

  static void generate(ProcessEngine engine, Connection db, ScaleAreas areas, int open, int closed, int seedOpen,
      int seedClosed) throws SQLException {
    long t0 = System.nanoTime();
    ScaleSeeder seeder = new ScaleSeeder(engine, areas);
    Map<String, Integer> copies = new LinkedHashMap<>();
    int stages = ScaleSeeder.STEPS.size();
    int openClones = Math.max(0, open - seedOpen);
    int closedClones = Math.max(0, closed - seedClosed);
    for (int i = 0; i < seedOpen; i++) {
      String key = seeder.seed(i, i % stages);
      copies.put(key, openClones / seedOpen + (i < openClones % seedOpen ? 1 : 0));
    }
    for (int i = 0; i < seedClosed; i++) {
      String key = seeder.seed(seedOpen + i, stages);
      copies.put(key, closedClones / seedClosed + (i < closedClones % seedClosed ? 1 : 0));
    }
    long t1 = System.nanoTime();
    System.out.printf("seeded %d open and %d closed cases through the engine in %.1f s%n", seedOpen, seedClosed,
        (t1 - t0) / 1e9);
    ScaleCloner cloner = new ScaleCloner(db);
    Map<String, Long> rows = cloner.cloneAll(copies, 500);
    cloner.cleanUp();
    long t2 = System.nanoTime();
    System.out.printf("copied in PostgreSQL in %.1f s: %s%n", (t2 - t1) / 1e9, rows);
    try (Statement s = db.createStatement()) {
      s.execute("VACUUM ANALYZE");
    }
    long t3 = System.nanoTime();
    System.out.printf("VACUUM ANALYZE %.1f s; generation in all %.1f s%n", (t3 - t2) / 1e9, (t3 - t0) / 1e9);
  }

  static void printSizes(Connection db) throws SQLException {
    System.out.println("data:");
    try (Statement s = db.createStatement()) {
      print(s, "  open HB cases (service process instances)", "SELECT count(*) FROM act_hi_procinst "
          + "WHERE proc_def_key_ = 'hb-palveluprosessi' AND end_time_ IS NULL");
      print(s, "  closed HB cases", "SELECT count(*) FROM act_hi_procinst "
          + "WHERE proc_def_key_ = 'hb-palveluprosessi' AND end_time_ IS NOT NULL");
      print(s, "  all running process instances", "SELECT count(*) FROM act_ru_execution WHERE id_ = proc_inst_id_");
      try (ResultSet r = s.executeQuery("SELECT relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid)) "
          + "FROM pg_stat_user_tables WHERE relname LIKE 'act_%' AND n_live_tup > 0 ORDER BY n_live_tup DESC")) {
        StringBuilder b = new StringBuilder("  rows:");
        while (r.next()) {
          b.append(String.format(" %s=%d (%s)", r.getString(1), r.getLong(2), r.getString(3)));
        }
        System.out.println(b);
      }
      print(s, "  database size", "SELECT pg_size_pretty(pg_database_size(current_database()))");
      print(s, "  open tasks", "SELECT count(*) FROM act_ru_task");
      try (ResultSet r = s.executeQuery("SELECT i.group_id_, count(*) FROM act_ru_identitylink i "
          + "WHERE i.type_ = 'candidate' AND i.group_id_ IS NOT NULL GROUP BY 1 ORDER BY 2 DESC")) {
        StringBuilder b = new StringBuilder("  open tasks per candidate group:");
        while (r.next()) {
          b.append(" ").append(r.getString(1)).append("=").append(r.getLong(2));
        }
        System.out.println(b);
      }
    }
  }

  private static void print(Statement s, String label, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      System.out.println(label + ": " + r.getString(1));
    }
  }

  /** The engine sees the copies: counts through the REST API, and a copied task opens and completes. */
  static void verify(int port, Connection db, boolean reuse) throws Exception {
    ScaleHttp admin = new ScaleHttp(port, "demo", "demo");
    System.out.println("check through the engine's REST API:");
    System.out.println("  running hb-palveluprosessi instances: " + admin.restGet(
        "/process-instance/count?processDefinitionKey=hb-palveluprosessi").ok().json().get("count"));
    System.out.println("  finished hb-palveluprosessi instances (history): " + admin.restGet(
        "/history/process-instance/count?processDefinitionKey=hb-palveluprosessi&finished=true").ok().json().get("count"));
    System.out.println("  open tasks: " + admin.restGet("/task/count").ok().json().get("count"));
    String taskId;
    String key;
    String user;
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT t.id_, e.business_key_, i.group_id_ "
        + "FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ JOIN act_ru_identitylink i ON "
        + "i.task_id_ = t.id_ AND i.type_ = 'candidate' WHERE t.task_def_key_ = 'Task_Arviointi' "
        + "AND e.business_key_ LIKE 'HB-%-%-%' AND t.assignee_ IS NULL ORDER BY t.id_ DESC LIMIT 1")) {
      if (!r.next()) {
        System.out.println("  (no copied assessment task left to complete)");
        return;
      }
      taskId = r.getString(1);
      key = r.getString(2);
      user = ScaleAreas.userOf(r.getString(3));
    }
    ScaleHttp worker = new ScaleHttp(port, user, "demo");
    worker.restGet("/task/" + taskId + "/form-variables").ok();
    worker.restGet("/task/" + taskId + "/deployed-form").ok();
    Map<String, Object> form = ScaleSeeder.form("Task_Arviointi", 40);
    Map<String, Object> vars = new HashMap<>();
    form.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    worker.restPost("/task/" + taskId + "/submit-form", ScaleHttp.JSON.writeValueAsString(Map.of("variables", vars)))
        .ok();
    JsonNode next = worker.restGet("/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey=Task_Soveltuvuus")
        .ok().json();
    if (next.path("count").asInt(next.path("_embedded").path("task").size()) != 1) {
      throw new IllegalStateException("the copied case " + key + " did not move on: " + next);
    }
    System.out.println("  copied case " + key + ": its assessment task " + taskId
        + " opened and completed by " + user + "; the suitability task followed");
  }

  // --- measurement -------------------------------------------------------------------------------------------------

  static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],"
      + "\"active\":true}";

  interface Call {
    ScaleHttp.Response run() throws Exception;
  }

  static void measure(int port, Connection db, List<String> groups, int warmup, int samples) throws Exception {
    System.out.printf("measure: %d warm-up calls, then %d samples each (ms)%n", warmup, samples);
    System.out.println("| request | p50 ms | p95 ms | max ms | result |");
    System.out.println("|---|---:|---:|---:|---|");
    Map<String, String> roleNames = Map.of("sosiaalityo", "Sosiaalityö", "palveluohjaus", "Palveluohjaus",
        "johtavat-sosiaalityontekijat", "Johtavat sosiaalityöntekijät", "yksilojaosto", "Yksilöasioiden jaosto",
        "palvelupaallikot", "Palvelupäälliköt", "hb-vastuuhenkilot", "HB-vastuuhenkilöt");
    List<String[]> slow = new ArrayList<>();
    for (String group : groups) {
      String user = ScaleAreas.userOf(group);
      ScaleHttp worker = new ScaleHttp(port, user, "demo");
      String filterId = null;
      for (JsonNode f : worker.restGet("/filter?resourceType=Task").ok().json()) {
        if (f.get("name").asText().equals(ScaleAreas.filterOf(group, roleNames))) {
          filterId = f.get("id").asText();
        }
      }
      String fid = filterId;
      if (skipFilter) {
        System.out.println("| filter list and count (" + group + ") | skipped (--skip-filter) | | | |");
      } else {
      JsonNode page = worker.restPost("/filter/" + fid + "/list?firstResult=0&maxResults=15", TASKLIST_BODY).ok().json();
      String total = page.has("count") ? page.get("count").asText() : "?";
      resetStatements(db);
      run("filter list (" + group + " as " + user + ", " + total + " tasks)", warmup, samples,
          () -> worker.restPost("/filter/" + fid + "/list?firstResult=0&maxResults=15", TASKLIST_BODY),
          r -> r.json().path("_embedded").path("task").size() + " tasks, count " + r.json().path("count").asText());
      slow.addAll(topStatements(db, "filter list " + group, samples));
      resetStatements(db);
      run("filter count (" + group + ")", warmup, samples, () -> worker.restGet("/filter/" + fid + "/count"),
          r -> "count " + r.json().path("count").asText());
      slow.addAll(topStatements(db, "filter count " + group, samples));
      }

      // opening a task's form: a different task of the group each time, as workers pick them from the list
      List<String> tasks = new ArrayList<>();
      try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT t.id_ FROM act_ru_task t "
          + "JOIN act_ru_identitylink i ON i.task_id_ = t.id_ AND i.type_ = 'candidate' AND i.group_id_ = '" + group
          + "' WHERE t.task_def_key_ LIKE 'Task_%' ORDER BY random() LIMIT " + (warmup + samples))) {
        while (r.next()) {
          tasks.add(r.getString(1));
        }
      }
      resetStatements(db);
      String[] parts = {"", "/form", "/deployed-form", "/form-variables"};
      long[][] times = new long[parts.length + 1][];
      for (int p = 0; p <= parts.length; p++) {
        times[p] = new long[Math.max(0, tasks.size() - warmup)];
      }
      long formStarted = System.nanoTime();
      int done = tasks.size();
      for (int i = 0; i < tasks.size(); i++) {
        if (i >= warmup + 5 && (System.nanoTime() - formStarted) / 1e9 > budgetSeconds) {
          done = i;
          break;
        }
        long total1 = 0;
        for (int p = 0; p < parts.length; p++) {
          long t = System.nanoTime();
          worker.restGet("/task/" + tasks.get(i) + parts[p]).ok();
          long d = System.nanoTime() - t;
          total1 += d;
          if (i >= warmup) {
            times[p][i - warmup] = d;
          }
        }
        if (i >= warmup) {
          times[parts.length][i - warmup] = total1;
        }
      }
      int measured = Math.max(0, done - warmup);
      for (int p = 0; p < parts.length; p++) {
        row("GET /task/{id}" + parts[p] + " (" + group + ")", Arrays.copyOf(times[p], measured), "");
      }
      row("open a task's form: all four (" + group + ")", Arrays.copyOf(times[parts.length], measured),
          measured + " different tasks");
      slow.addAll(topStatements(db, "form open " + group, samples));
    }

    ScaleHttp manager = new ScaleHttp(port, "prosessinomistaja", "demo");
    manager.loginToCockpit("demo");
    String plugin = "/camunda/api/cockpit/plugin/base/default/process-definition";
    resetStatements(db);
    run("Cockpit processes page: " + plugin + "/statistics-count", warmup, samples,
        () -> manager.webGet(plugin + "/statistics-count"), r -> "count " + r.json().path("count").asText());
    run("Cockpit processes page: " + plugin + "/statistics?firstResult=0&maxResults=50&sortBy=name&sortOrder=asc",
        warmup, samples, () -> manager.webGet(plugin + "/statistics?firstResult=0&maxResults=50&sortBy=name&sortOrder=asc"),
        r -> r.json().size() + " definitions");
    run("Cockpit dashboard: " + plugin + "/statistics?rootIncidents=true", warmup, samples,
        () -> manager.webGet(plugin + "/statistics?rootIncidents=true"), r -> r.json().size() + " definitions");
    slow.addAll(topStatements(db, "cockpit webapp", samples));
    resetStatements(db);
    run("engine-rest: /process-definition/statistics?rootIncidents=true", warmup, samples,
        () -> manager.restGet("/process-definition/statistics?rootIncidents=true"),
        r -> "instances " + sumInstances(r.json()));
    slow.addAll(topStatements(db, "engine-rest statistics", samples));

    // the HB dashboard (HB-mittaristo): its figures are kept 60 s per selection, so every call asks a new selection
    // (a municipality of the data, or a month range) to measure the computation, not the cache
    List<String> selections = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT DISTINCT v.text_ FROM act_hi_varinst v "
        + "WHERE v.name_ = 'kotikunta' AND v.proc_def_key_ = 'hb-palveluprosessi' AND v.text_ IS NOT NULL")) {
      while (r.next()) {
        selections.add("kunta=" + java.net.URLEncoder.encode(r.getString(1), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    java.time.YearMonth month = java.time.YearMonth.now();
    for (int m = 0; selections.size() < 2 + Math.min(samples, 20); m++) {
      selections.add("kuukausiAlkaen=" + month.minusMonths(m + 1) + "&kuukausiAsti=" + month.plusMonths(m % 3));
    }
    String dashboard = "/camunda/api/cockpit/plugin/hb-dashboard/default/figures";
    java.util.Iterator<String> next = selections.iterator();
    resetStatements(db);
    run("HB-mittaristo: " + dashboard + " (a new selection each call)", 2, Math.min(samples, 20),
        () -> manager.webGet(dashboard + "?" + next.next()),
        r -> "cases " + r.json().path("cases").path("total").asText(r.json().path("casesTotal").asText("?")));
    slow.addAll(topStatements(db, "HB-mittaristo", samples));

    System.out.println();
    System.out.println("slowest SQL per block (pg_stat_statements, mean ms, calls):");
    for (String[] s : slow) {
      System.out.println("  [" + s[0] + "] " + s[1] + " ms x" + s[2] + ": " + s[3]);
    }
  }

  static long sumInstances(JsonNode stats) {
    long n = 0;
    for (JsonNode s : stats) {
      n += s.path("instances").asLong();
    }
    return n;
  }

  interface Describe {
    String of(ScaleHttp.Response r) throws Exception;
  }

  /** Seconds one table row may take: a request of many seconds (before a fix) gets fewer samples, at least 5. */
  static double budgetSeconds = 120;
  /** The filter's list and count: at 50 000 cases they outlast the HTTP timeout (120 s) before a fix. */
  static boolean skipFilter;

  static void run(String label, int warmup, int samples, Call call, Describe describe) throws Exception {
    ScaleHttp.Response last = null;
    long started = System.nanoTime();
    for (int i = 0; i < warmup; i++) {
      long s = System.nanoTime();
      last = call.run().ok();
      if (System.nanoTime() - s > 1_000_000_000L && i >= 1) {
        break; // a slow request is warm after two calls
      }
    }
    long[] t = new long[samples];
    int n = 0;
    started = System.nanoTime();
    for (int i = 0; i < samples; i++) {
      long s = System.nanoTime();
      last = call.run().ok();
      t[n++] = System.nanoTime() - s;
      if (n >= 5 && (System.nanoTime() - started) / 1e9 > budgetSeconds) {
        break;
      }
    }
    String note = n < samples ? " (" + n + " samples: time budget)" : "";
    row(label, Arrays.copyOf(t, n), (last == null ? "" : describe.of(last)) + note);
  }

  static void row(String label, long[] nanos, String result) {
    if (nanos.length == 0) {
      System.out.println("| " + label + " | - | - | - | no samples |");
      return;
    }
    long[] s = nanos.clone();
    Arrays.sort(s);
    System.out.printf("| %s | %.1f | %.1f | %.1f | %s |%n", label, pct(s, 50), pct(s, 95), s[s.length - 1] / 1e6,
        result);
  }

  static double pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  static void resetStatements(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("SELECT pg_stat_statements_reset()");
    }
  }

  /** The three statements of the block with the highest mean time among those run at least samples/2 times. */
  static List<String[]> topStatements(Connection db, String block, int samples) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT round(mean_exec_time::numeric, 2), "
        + "calls, regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements WHERE calls >= " + Math.max(1, samples / 2)
        + " AND query NOT LIKE '%pg_stat_statements%' ORDER BY mean_exec_time DESC LIMIT 3")) {
      while (r.next()) {
        String q = r.getString(3);
        out.add(new String[] {block, r.getString(1), r.getString(2), q.length() > 400 ? q.substring(0, 400) + "…" : q});
      }
    }
    return out;
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "?";
    }
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (String arg : args) {
      for (String a : arg.trim().split("\\s+")) {
        if (a.startsWith("--")) {
          int eq = a.indexOf('=');
          m.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "" : a.substring(eq + 1));
        }
      }
    }
    return m;
  }

  private ScaleBenchmark() {
  }
}
