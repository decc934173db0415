package fi.hbflow.benchmark;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts the SQL statements the engine sends: every {@code execute*} of a statement, and every
 * statement added to a JDBC batch (the engine flushes its inserts and updates in batches) — for "SQL statements per
 * completed task".
 */
final class CountingDataSource implements DataSource {

  private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
      "addBatch");

  private final DataSource target;
  private final LongAdder statements = new LongAdder();
  /** Statements by SQL text, when asked for (option sqlprofile). */
  private final java.util.concurrent.ConcurrentHashMap<String, LongAdder> bySql = new java.util.concurrent.ConcurrentHashMap<>();
  volatile boolean profile;

  CountingDataSource(DataSource target) {
    this.target = target;
  }

  long statements() {
    return statements.sum();
  }

  /** The statements counted by SQL text since the last call. */
  Map<String, Long> takeProfile() {
    Map<String, Long> taken = new java.util.HashMap<>();
    bySql.forEach((sql, n) -> taken.put(sql, n.sumThenReset()));
    taken.values().removeIf(n -> n == 0);
    return taken;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connection(target.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return connection(target.getConnection(username, password));
  }

  private Connection connection(Connection connection) {
    InvocationHandler handler = (proxy, method, args) -> {
      Object result = invoke(connection, method, args);
      if (result instanceof Statement statement && method.getName().matches("prepareStatement|prepareCall|createStatement")) {
        return statement(statement, args != null && args.length > 0 && args[0] instanceof String sql ? sql : null);
      }
      return result;
    };
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private Statement statement(Statement statement, String preparedSql) {
    Class<?> type = statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
        : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
    InvocationHandler handler = (proxy, method, args) -> {
      if (EXECUTIONS.contains(method.getName())) {
        statements.increment();
        if (profile) {
          String sql = preparedSql != null ? preparedSql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
          bySql.computeIfAbsent(sql.replaceAll("\\s+", " ").trim(), k -> new LongAdder()).increment();
        }
      }
      return invoke(statement, method, args);
    };
    return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return target.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return target.isWrapperFor(iface);
  }
}
