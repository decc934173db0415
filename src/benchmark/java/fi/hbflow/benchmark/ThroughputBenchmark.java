package fi.hbflow.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Throughput of HB cases against a vanilla BPMN with the same number of user tasks, on the same engine, in the same
 * run (a program that prints figures, not a test):
 *
 * <pre>
 * mvn -Pbenchmark test-compile exec:java -Dexec.args="cases=16 rounds=3 warmup=1 threads=1,8 db=h2,postgres paths=java,rest"
 * mvn -Pbenchmark test-compile exec:java -Dexec.args="smoke"
 * </pre>
 *
 * <p>For each database, path (Java API, REST) and thread count, each round drives {@code cases} cases of each process
 * (split over the threads; each thread drives its own cases one after another) and measures the wall time; HB and
 * vanilla rounds alternate (HB first in every other round). Warm-up rounds are not measured. Printed per scenario:
 * the median over the measured rounds of cases/s and ms per completed user task (wall time / tasks completed), SQL
 * statements (Java API) or HTTP requests (REST) per task, and the ratio HB / vanilla of the ms per task. With one
 * thread it also prints where an HB case spends its time, step by step, beside the vanilla task in the same place.
 *
 * <p>See docs/performance.md.
 */
public final class ThroughputBenchmark {

  static final String VANILLA = "hb-benchmark-vanilla";

  /** One way of driving cases (Java API engine, or the REST application). */
  interface Cases extends AutoCloseable {
    String name();

    /** Drives one case from start to end; returns the number of user tasks completed. */
    int runCase(boolean hb, StepTimes times) throws Exception;

    /** SQL statements so far, or -1 when not counted. */
    long statements();

    /** HTTP requests so far (0 for the Java API). */
    long requests();

    /** SQL statements by text since the last call (Java API), counted from now on when {@code enable}. */
    Map<String, Long> takeProfile(boolean enable);
  }

  /** Time and SQL statements (Java API) or HTTP requests (REST) per step, summed over the cases of a run. */
  static final class StepTimes {
    final LongAdder[] nanos = adders();
    final LongAdder[] counts = adders();
    final LongAdder cases = new LongAdder();
    final Map<String, Long> sql = new java.util.concurrent.ConcurrentHashMap<>();

    private static LongAdder[] adders() {
      LongAdder[] a = new LongAdder[9];
      Arrays.setAll(a, i -> new LongAdder());
      return a;
    }

    void add(int step, long ns, long count) {
      nanos[step].add(ns);
      counts[step].add(count);
    }
  }

  record Round(double seconds, int cases, int tasks, long statements, long requests) {
    double casesPerSecond() {
      return cases / seconds;
    }

    double msPerTask() {
      return seconds * 1000 / tasks;
    }
  }

  record Result(String db, String path, int threads, String process, List<Round> rounds) {
    double median(java.util.function.ToDoubleFunction<Round> f) {
      double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
      return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
  }

  private ThroughputBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    int cases = Integer.parseInt(o.get("cases"));
    int rounds = Integer.parseInt(o.get("rounds"));
    int warmup = Integer.parseInt(o.get("warmup"));
    List<Integer> threadCounts = Arrays.stream(o.get("threads").split(",")).map(String::trim).map(Integer::parseInt).toList();
    List<String> dbs = Arrays.stream(o.get("db").split(",")).map(String::trim).toList();
    List<String> paths = Arrays.stream(o.get("paths").split(",")).map(String::trim).toList();
    System.out.printf("%nHB Flow throughput benchmark: %s%n", o);
    System.out.printf("machine: %d CPUs, max heap %d MB, Java %s (%s)%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), System.getProperty("java.vm.name"));

    Path work = Files.createTempDirectory("hb-benchmark");
    List<Result> results = new ArrayList<>();
    List<String> breakdowns = new ArrayList<>();
    boolean sqlProfile = Boolean.parseBoolean(o.get("sqlprofile"));
    for (String db : dbs) {
      for (String path : paths) {
        ThreadClock.install();
        // TestDatabase names the PostgreSQL server it runs when the JVM is told so (as the tests' JVMs are)
        System.setProperty(fi.hbflow.TestDatabase.PROPERTY, db);
        try (Cases driver = "rest".equals(path) ? new RestCases(db, work) : new JavaApiCases(db, work)) {
          String dbName = driver instanceof JavaApiCases j ? j.database : ((RestCases) driver).database;
          System.out.printf("%n== %s, %s ==%n", dbName, driver.name());
          for (int threads : threadCounts) {
            int perRound = Math.max(threads, (cases + threads - 1) / threads * threads);
            StepTimes hbSteps = new StepTimes();
            StepTimes vanillaSteps = new StepTimes();
            List<Round> hb = new ArrayList<>();
            List<Round> vanilla = new ArrayList<>();
            for (int r = 0; r < warmup + rounds; r++) {
              boolean measured = r >= warmup;
              boolean hbFirst = r % 2 == 1;
              for (boolean isHb : hbFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                StepTimes times = measured ? (isHb ? hbSteps : vanillaSteps) : new StepTimes();
                boolean profiled = sqlProfile && measured && threads == 1;
                driver.takeProfile(profiled);
                Round round = round(driver, isHb, threads, perRound, times);
                if (profiled) {
                  driver.takeProfile(false).forEach((sql, n) -> times.sql.merge(sql, n, Long::sum));
                }
                System.out.printf("  %s %d thread(s) %-7s %s: %d cases in %.2f s, %.1f cases/s, %.2f ms/task%n",
                    measured ? "round" : "warm-up", threads, isHb ? "HB" : "vanilla", measured ? "#" + (r - warmup + 1) : "",
                    round.cases(), round.seconds(), round.casesPerSecond(), round.msPerTask());
                if (measured) {
                  (isHb ? hb : vanilla).add(round);
                }
              }
            }
            results.add(new Result(dbName, driver.name(), threads, "vanilla", vanilla));
            results.add(new Result(dbName, driver.name(), threads, "HB", hb));
            if (threads == 1) {
              breakdowns.add(breakdown(dbName + ", " + driver.name() + ", 1 thread", driver, hbSteps, vanillaSteps));
            }
          }
          if (driver instanceof JavaApiCases java) {
            breakdowns.add(java.rowsPerCase() + "(" + dbName + ")");
          }
        } finally {
          ThreadClock.uninstall();
        }
      }
    }
    printTable(results);
    breakdowns.forEach(System.out::println);
    System.exit(0); // the embedded PostgreSQL's and the engines' threads
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("cases", "16");
    o.put("rounds", "3");
    o.put("warmup", "1");
    o.put("threads", "1,8");
    o.put("db", "h2,postgres");
    o.put("paths", "java,rest");
    o.put("sqlprofile", "false");
    for (String arg : String.join(" ", args).trim().split("\\s+")) {
      if (arg.isEmpty()) {
        continue;
      }
      if (arg.equals("smoke")) {
        o.putAll(Map.of("cases", "2", "rounds", "1", "warmup", "0", "threads", "1,2", "db", "h2"));
      } else if (arg.contains("=") && o.containsKey(arg.substring(0, arg.indexOf('=')))) {
        o.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      } else {
        throw new IllegalArgumentException("unknown argument " + arg + "; known: smoke, " + o.keySet().stream()
            .map(k -> k + "=").toList());
      }
    }
    return o;
  }

  /** {@code count} cases of one process, split over {@code threads} threads; wall time from start to the last end. */
  private static Round round(Cases driver, boolean hb, int threads, int count, StepTimes times) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger tasks = new AtomicInteger();
    long s0 = driver.statements();
    long r0 = driver.requests();
    long t0 = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int mine = count / threads;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < mine; i++) {
            tasks.addAndGet(driver.runCase(hb, times));
            times.cases.increment();
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Round(seconds, count, tasks.get(), driver.statements() - s0, driver.requests() - r0);
  }

  private static void printTable(List<Result> results) {
    System.out.printf("%n== Results (median of the measured rounds) ==%n");
    System.out.println("| database | path | threads | process | cases/s | ms per task | SQL or HTTP per task | HB / vanilla (ms per task) |");
    System.out.println("|---|---|---:|---|---:|---:|---:|---:|");
    for (int i = 0; i + 1 < results.size(); i += 2) {
      Result vanilla = results.get(i);
      Result hb = results.get(i + 1);
      double ratio = hb.median(Round::msPerTask) / vanilla.median(Round::msPerTask);
      for (Result r : List.of(vanilla, hb)) {
        boolean java = r.path().equals("Java API");
        String per = java ? String.format(Locale.ROOT, "%.1f SQL", r.median(x -> (double) x.statements() / x.tasks()))
            : String.format(Locale.ROOT, "%.1f HTTP", r.median(x -> (double) x.requests() / x.tasks()));
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %.2f | %.2f | %s | %s |%n", r.db(), r.path(), r.threads(),
            r.process(), r.median(Round::casesPerSecond), r.median(Round::msPerTask), per,
            r == hb ? String.format(Locale.ROOT, "**%.2f**", ratio) : "");
      }
    }
  }

  private static String breakdown(String title, Cases driver, StepTimes hb, StepTimes vanilla) {
    StringBuilder s = new StringBuilder(String.format("%n== Per step, %s (mean per case; a step = finding the task, "
        + "completing it, the jobs and timers that follow) ==%n", title));
    String unit = driver.name().equals("REST") ? "HTTP" : "SQL";
    s.append(String.format("| step | HB ms | HB %s | vanilla ms | vanilla %s |%n|---|---:|---:|---:|---:|%n", unit, unit));
    List<CaseSteps.Step> steps = CaseSteps.steps(false);
    double hbCases = Math.max(1, hb.cases.sum());
    double vCases = Math.max(1, vanilla.cases.sum());
    for (int i = 0; i < steps.size(); i++) {
      s.append(String.format(Locale.ROOT, "| %d %s%s | %.2f | %.1f | %.2f | %.1f |%n", i + 1, steps.get(i).hbTask(),
          steps.get(i).after() == CaseSteps.After.TIMER ? " + timer" : "",
          hb.nanos[i].sum() / 1e6 / hbCases, hb.counts[i].sum() / hbCases,
          vanilla.nanos[i].sum() / 1e6 / vCases, vanilla.counts[i].sum() / vCases));
    }
    for (var process : List.of(Map.entry("HB", hb), Map.entry("vanilla", vanilla))) {
      if (process.getValue().sql.isEmpty()) {
        continue;
      }
      double n = Math.max(1, process.getValue().cases.sum());
      s.append(String.format("%nSQL statements per %s case, most frequent first:%n", process.getKey()));
      process.getValue().sql.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(60)
          .forEach(e -> s.append(String.format(Locale.ROOT, "%7.1f  %s%n", e.getValue() / n,
              e.getKey().length() > 160 ? e.getKey().substring(0, 160) + "..." : e.getKey())));
    }
    return s.toString();
  }
}
