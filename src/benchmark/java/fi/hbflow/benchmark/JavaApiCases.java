package fi.hbflow.benchmark;

import fi.hbflow.ProcessBeans;
import fi.hbflow.TestDatabase;
import fi.hbflow.benchmark.CaseSteps.After;
import fi.hbflow.benchmark.CaseSteps.Step;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.engine.FormRejectionPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Java API runs: one process engine with the settings of the model tests ({@code fi.hbflow.TestEngine}: full
 * history, Spin and the form-refusal plugin, JSON serialization, history time to live enforced, no job executor — the
 * driver runs the due jobs itself, as {@code HbCaseDriver} does), on a file H2 database (as the application keeps
 * its data) or the embedded PostgreSQL of the tests. HB and the vanilla process run on this same engine. Its data
 * source counts SQL statements.
 */
final class JavaApiCases implements ThroughputBenchmark.Cases {

  static final LocalDateTime CASE_OPENS = LocalDateTime.of(2026, 6, 15, 10, 0);

  private final ProcessEngine engine;
  private final CountingDataSource dataSource;
  private final PooledDataSource pool;
  private final String hbDefinition;
  private final String vanillaDefinition;
  private final List<Step> steps = CaseSteps.steps(false);
  private final AtomicLong vanillaKeys = new AtomicLong();
  final String database;

  JavaApiCases(String db, Path workDir) {
    String url;
    String driver;
    String user;
    if ("postgres".equals(db)) {
      url = TestDatabase.freshPostgresUrl("hb_benchmark_java");
      driver = "org.postgresql.Driver";
      user = TestDatabase.USER;
    } else {
      url = "jdbc:h2:file:" + workDir.resolve("java-h2").toAbsolutePath() + "/hbflow;DB_CLOSE_ON_EXIT=FALSE";
      driver = "org.h2.Driver";
      user = "sa";
    }
    pool = new PooledDataSource(driver, url, user, "");
    pool.setPoolMaximumActiveConnections(10); // the engine's own default (jdbcMaxActiveConnections)
    pool.setPoolMaximumIdleConnections(10);
    dataSource = new CountingDataSource(pool);

    Map<Object, Object> beans = new HashMap<>();
    StandaloneInMemProcessEngineConfiguration c = new StandaloneInMemProcessEngineConfiguration();
    c.setProcessEngineName("hb-benchmark-" + db);
    c.setDataSource(dataSource);
    c.setDatabaseSchemaUpdate("true");
    c.setJobExecutorActivate(false);
    c.setHistory("full");
    c.setEnforceHistoryTimeToLive(true);
    c.setDefaultSerializationFormat("application/json");
    c.setGeneralResourceWhitelistPattern("[a-zA-Z0-9-]+|camunda-admin");
    c.setProcessEnginePlugins(new ArrayList<>(List.of(new SpinProcessEnginePlugin(), new FormRejectionPlugin())));
    c.setBeans(beans);
    engine = c.buildProcessEngine();
    AtomicLong numbers = new AtomicLong();
    beans.putAll(ProcessBeans.processBeans(engine, year -> numbers.incrementAndGet()));
    database = describe(db);

    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("hb-benchmark");
    try {
      for (String pattern : List.of("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form",
          "classpath*:benchmark/*.bpmn")) {
        for (Resource r : new PathMatchingResourcePatternResolver().getResources(pattern)) {
          try (InputStream in = r.getInputStream()) {
            String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
            deployment.addInputStream(folder + r.getFilename(), new java.io.ByteArrayInputStream(in.readAllBytes()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    deployment.deploy();
    hbDefinition = latest("hb-palveluprosessi");
    vanillaDefinition = latest(ThroughputBenchmark.VANILLA);
  }

  private String describe(String db) {
    return "postgres".equals(db) ? TestDatabase.describe() : "H2 " + org.h2.engine.Constants.VERSION + " (file)";
  }

  private String latest(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getId();
  }

  @Override
  public String name() {
    return "Java API";
  }

  @Override
  public long statements() {
    return dataSource.statements();
  }

  @Override
  public long requests() {
    return 0;
  }

  @Override
  public Map<String, Long> takeProfile(boolean enable) {
    dataSource.profile = enable;
    return dataSource.takeProfile();
  }

  @Override
  public int runCase(boolean hb, ThroughputBenchmark.StepTimes times) {
    ThreadClock.set(CASE_OPENS);
    var identity = engine.getIdentityService();
    identity.setAuthenticatedUserId(CaseSteps.SOCIAL_WORKER);
    ProcessInstance pi;
    try {
      Map<String, Object> start = CaseSteps.startForm(today(), false);
      pi = hb ? engine.getFormService().submitStartForm(hbDefinition, start)
          : engine.getFormService().submitStartForm(vanillaDefinition, "V-" + vanillaKeys.incrementAndGet(), start);
      int completed = 0;
      for (int i = 0; i < steps.size(); i++) {
        long t0 = System.nanoTime();
        long s0 = dataSource.statements();
        Step step = steps.get(i);
        identity.setAuthenticatedUserId(step.user());
        Task task = task(pi, hb ? step.hbTask() : CaseSteps.vanillaTask(i));
        engine.getFormService().submitTaskForm(task.getId(), step.form().apply(today()));
        runJobs(Set.of(pi.getId()));
        if (hb && step.after() == After.TIMER) {
          nextTimer(pi);
        }
        completed++;
        times.add(i, System.nanoTime() - t0, dataSource.statements() - s0);
      }
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count() != 0) {
        throw new IllegalStateException("case " + pi.getId() + " did not end");
      }
      return completed;
    } finally {
      identity.clearAuthentication();
      ThreadClock.clear();
    }
  }

  private static LocalDate today() {
    return EngineContext.today();
  }

  /** The one open task of the case, in the case or the process it calls (as HbCaseDriver finds it). */
  private Task task(ProcessInstance pi, String key) {
    List<String> ids = new ArrayList<>(List.of(pi.getId()));
    engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list()
        .forEach(sub -> ids.add(sub.getId()));
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new)).list();
    if (tasks.size() != 1 || !key.equals(tasks.get(0).getTaskDefinitionKey())) {
      throw new IllegalStateException("expected the one task " + key + " of " + pi.getId() + ", found "
          + tasks.stream().map(Task::getTaskDefinitionKey).toList());
    }
    return tasks.get(0);
  }

  /** Runs the jobs that are due now (async continuations, timers whose time has come), as the job executor would. */
  private void runJobs(Set<String> processInstanceIds) {
    var management = engine.getManagementService();
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceIds(processInstanceIds).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /**
   * The case waits for a timer: this thread's engine clock moves to it, and every job of the case and its watches
   * ({@code hb-maaraikavalvonta}, same business key) that is due by then runs (reminders, checks, the timer itself).
   */
  private void nextTimer(ProcessInstance pi) {
    Date due = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().list().stream()
        .map(Job::getDuedate).min(Date::compareTo).orElseThrow(() -> new IllegalStateException("no timer in " + pi.getId()));
    ThreadClock.set(due.getTime() + 60_000);
    Set<String> ids = new HashSet<>();
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(pi.getBusinessKey()).list()
        .forEach(p -> ids.add(p.getId()));
    runJobs(ids);
  }

  /**
   * What the cases left in the database, per process definition and per case of the process that started them (HB:
   * the case, its support-model choice, its deadline watches and its budget-use ledger): rows of the history tables.
   */
  String rowsPerCase() {
    StringBuilder s = new StringBuilder();
    String[] tables = {"ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
        "ACT_HI_JOB_LOG", "ACT_HI_IDENTITYLINK", "ACT_HI_DECINST"};
    try (java.sql.Connection c = pool.getConnection(); java.sql.Statement st = c.createStatement()) {
      Map<String, Long> cases = new java.util.TreeMap<>();
      try (java.sql.ResultSet r = st.executeQuery("select PROC_DEF_KEY_, count(*) from ACT_HI_PROCINST where "
          + "PROC_DEF_KEY_ in ('hb-palveluprosessi', '" + ThroughputBenchmark.VANILLA + "') group by PROC_DEF_KEY_")) {
        while (r.next()) {
          cases.put(r.getString(1), r.getLong(2));
        }
      }
      long hbCases = cases.getOrDefault("hb-palveluprosessi", 1L);
      long vanillaCases = cases.getOrDefault(ThroughputBenchmark.VANILLA, 1L);
      Map<String, Map<String, Long>> rows = new java.util.TreeMap<>();
      for (String table : tables) {
        String key = table.equals("ACT_HI_JOB_LOG") ? "PROCESS_DEF_KEY_" : "PROC_DEF_KEY_";
        try (java.sql.ResultSet r = st.executeQuery("select " + key + ", count(*) from " + table + " group by " + key)) {
          while (r.next()) {
            rows.computeIfAbsent(String.valueOf(r.getString(1)), k -> new java.util.TreeMap<>()).put(table, r.getLong(2));
          }
        }
      }
      s.append(String.format("%n== History rows per case, by process (%d HB cases, %d vanilla cases so far) ==%n",
          hbCases, vanillaCases));
      s.append("| process | ").append(String.join(" | ", tables)).append(" |\n|---|");
      s.append("---:|".repeat(tables.length)).append('\n');
      rows.forEach((process, counts) -> {
        double per = process.equals(ThroughputBenchmark.VANILLA) ? vanillaCases : hbCases;
        s.append("| ").append(process).append(" |");
        for (String table : tables) {
          s.append(String.format(java.util.Locale.ROOT, " %.1f |", counts.getOrDefault(table, 0L) / per));
        }
        s.append('\n');
      });
    } catch (java.sql.SQLException e) {
      s.append("history rows: ").append(e.getMessage()).append('\n');
    }
    return s.toString();
  }

  @Override
  public void close() {
    engine.close();
    pool.forceCloseAll();
  }
}
