package fi.hbflow.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The little SQL that differs between the databases HB Flow runs on: turning a date into a day number. */
public enum SqlDialect {

  H2 {
    @Override
    String epochDay(String isoDate) {
      return "DATEDIFF(DAY, DATE '1970-01-01', CAST(" + isoDate + " AS DATE))";
    }
  },
  POSTGRES {
    @Override
    String epochDay(String isoDate) {
      return "(CAST(" + isoDate + " AS DATE) - DATE '1970-01-01')";
    }
  };

  /** Days since 1970-01-01 of a {@code yyyy-MM-dd} text expression, as an integer expression. */
  abstract String epochDay(String isoDate);

  public static SqlDialect of(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return of(c.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database product name", e);
    }
  }

  static SqlDialect of(String productName) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.contains("postgres")) {
      return POSTGRES;
    }
    if (name.contains("h2")) {
      return H2;
    }
    throw new IllegalStateException("HB dashboard: unsupported database " + productName + " (H2 or PostgreSQL)");
  }
}
