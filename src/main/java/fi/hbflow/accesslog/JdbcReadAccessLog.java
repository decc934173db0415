package fi.hbflow.accesslog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read-access log in the table {@code hb_lukuloki} (schema.sql) of the application's database. In the application
 * a row is written in the transaction of the engine command that read the data (Spring's transaction, which this
 * template joins): the read and its log row are committed together, and a read whose row cannot be written fails.
 */
public class JdbcReadAccessLog implements ReadAccessLog {

  /** The length of the column {@code variable_names}; a longer list is cut at a name and ends with "…". */
  static final int MAX_NAMES_LENGTH = 100_000;
  static final int MAX_TEXT = 255;
  static final int MAX_GROUPS_LENGTH = 1000;
  static final String SEPARATOR = ", ";
  private static final int BATCH = 500;
  private static final String INSERT = "INSERT INTO hb_lukuloki (read_at, user_id, user_name, process_instance_id, "
      + "business_key, access_kind, variable_names, purpose, user_groups, recipient, legal_basis) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;

  public JdbcReadAccessLog(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  public void record(List<ReadAccess> reads) {
    for (int from = 0; from < reads.size(); from += BATCH) {
      List<Object[]> batch = reads.subList(from, Math.min(from + BATCH, reads.size())).stream().map(r -> new Object[] {
          OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC), cut(r.userId()), cut(r.userName()),
          cut(r.processInstanceId()), cut(r.businessKey()), cut(r.kind()), names(r.variableNames()), cut(r.purpose()),
          groups(r.userGroups()), cut(r.recipient()), cut(r.legalBasis())})
          .toList();
      jdbc.batchUpdate(INSERT, batch);
    }
  }

  @Override
  public List<ReadAccess> ofCase(String businessKey) {
    return jdbc.query("SELECT read_at, user_id, user_name, process_instance_id, business_key, access_kind, "
        + "variable_names, purpose, user_groups, recipient, legal_basis FROM hb_lukuloki WHERE business_key = ? ORDER BY read_at DESC, id DESC",
        JdbcReadAccessLog::row, businessKey);
  }

  private static ReadAccess row(ResultSet rs, int n) throws SQLException {
    String names = rs.getString("variable_names");
    String groups = rs.getString("user_groups");
    return new ReadAccess(rs.getObject("read_at", OffsetDateTime.class).toInstant(), rs.getString("user_id"),
        rs.getString("user_name"), rs.getString("process_instance_id"), rs.getString("business_key"),
        rs.getString("access_kind"), names == null || names.isEmpty() ? List.of() : Arrays.asList(names.split(SEPARATOR)),
        rs.getString("purpose"), groups == null || groups.isEmpty() ? List.of() : Arrays.asList(groups.split(SEPARATOR)),
        rs.getString("recipient"), rs.getString("legal_basis"));
  }

  /** The reader's groups, "sosiaalityo, johto"; a list too long for the column keeps the groups that fit. */
  static String groups(List<String> groups) {
    StringBuilder joined = new StringBuilder();
    for (String group : groups) {
      if (joined.length() + SEPARATOR.length() + group.length() > MAX_GROUPS_LENGTH) {
        break;
      }
      joined.append(joined.length() == 0 ? "" : SEPARATOR).append(group);
    }
    return joined.length() == 0 ? null : joined.toString();
  }

  /** "a, b, c" (as people read it), cut at a whole name when it would not fit the column. */
  static String names(List<String> names) {
    String joined = String.join(SEPARATOR, names);
    if (joined.length() <= MAX_NAMES_LENGTH) {
      return joined;
    }
    int end = joined.lastIndexOf(SEPARATOR, MAX_NAMES_LENGTH - SEPARATOR.length() - 1);
    return joined.substring(0, Math.max(end, 0)) + SEPARATOR + "…";
  }

  private static String cut(String text) {
    return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
  }
}
