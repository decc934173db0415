package fi.hbflow.research;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The log of research exports: table {@code hb_export_log} (schema.sql), one row per export with who ran it, when,
 * and how many cases it held. The export itself is not stored.
 */
public class ExportLog {

  private final JdbcTemplate jdbc;

  public ExportLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(OffsetDateTime exportedAt, String userId, int rowCount) {
    jdbc.update("INSERT INTO hb_export_log (exported_at, user_id, row_count) VALUES (?, ?, ?)",
        exportedAt.withOffsetSameInstant(ZoneOffset.UTC), userId, rowCount);
  }

  public int count() {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM hb_export_log", Integer.class);
    return n == null ? 0 : n;
  }
}
