package fi.hbflow.caseflow;

import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Case numbers from the table {@code hb_case_number}, in the transaction that starts the case: the row lock taken by
 * the update orders concurrent starts (also across nodes), and a start that rolls back gives its number back.
 */
public class JdbcCaseNumbers implements CaseNumbers {

  private final JdbcTemplate jdbc;

  public JdbcCaseNumbers(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  public long next(int year) {
    for (int attempt = 0; attempt < 3; attempt++) {
      if (jdbc.update("UPDATE hb_case_number SET last_number = last_number + 1 WHERE case_year = ?", year) == 1) {
        return jdbc.queryForObject("SELECT last_number FROM hb_case_number WHERE case_year = ?", Long.class, year);
      }
      try {
        jdbc.update("INSERT INTO hb_case_number (case_year, last_number) VALUES (?, 1)", year);
        return 1;
      } catch (DuplicateKeyException concurrentFirstCaseOfYear) {
        // another node inserted the year's row first: update it on the next round
      }
    }
    throw new IllegalStateException("No case number for year " + year);
  }
}
