package fi.hbflow.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * HB Flow as production runs it: {@code java -jar target/hb-flow-*.jar} (the jar {@code mvn package} built, the one the
 * Dockerfile copies) in a JVM of its own, with the {@code postgres} profile and its settings from environment variables.
 * Its console output goes to {@code target/nodes/<name>.log}.
 */
final class AppNode implements AutoCloseable {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "Pääkäyttäjän-testisalasana-1";

  final String name;
  final int port;
  final Path log;
  private final Process process;

  private AppNode(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /** The application jar of this build, or null when it has not been packaged (run the ITs with mvn verify). */
  static Path jar() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("hb-flow-.*\\.jar")).findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The production environment of a node on database {@code dbUrl} (the embedded server: user postgres, no password). */
  static Map<String, String> productionEnvironment(String dbUrl) {
    return Map.of("SPRING_PROFILES_ACTIVE", "postgres", "HBFLOW_DB_URL", dbUrl, "HBFLOW_DB_USER", "postgres",
        "HBFLOW_DB_PASSWORD", "", "HBFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
  }

  /** Starts the jar with the environment and extra arguments; does not wait for it to be ready. */
  static AppNode start(String name, Map<String, String> environment, String... arguments) throws IOException {
    Path jar = jar();
    if (jar == null) {
      throw new IllegalStateException("target/hb-flow-*.jar missing: run mvn verify (package comes before the ITs)");
    }
    int port = freePort();
    Path log = Path.of("target", "nodes", name + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Europe/Helsinki", "-jar", jar.toString(),
        "--server.port=" + port));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // a clean environment for the node's settings: nothing of this JVM's SPRING_/HBFLOW_ variables leaks in
    builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("HBFLOW_"));
    builder.environment().putAll(environment);
    Files.writeString(log, "=== " + String.join(" ", command) + "\n");
    return new AppNode(name, port, log, builder.start());
  }

  Rest admin() {
    return Rest.node(port, ADMIN, ADMIN_PASSWORD);
  }

  Rest as(String user, String password) {
    return Rest.node(port, user, password);
  }

  /**
   * Waits until the node answers REST calls and has seeded its groups (done when the application is ready), or fails
   * with the end of its log.
   */
  AppNode awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        if (admin().get("/group/kehittajat").status() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError(name + " was not ready in " + timeout + ":\n" + tail());
  }

  /** SIGKILL: the JVM ends at once, nothing of it shuts down (Process.destroyForcibly on Linux). */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the JVM to exit by itself; its exit status. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " still running after " + timeout);
    }
    return process.exitValue();
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** SIGTERM and a graceful shutdown, SIGKILL if it takes too long. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
