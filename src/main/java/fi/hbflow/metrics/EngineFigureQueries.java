package fi.hbflow.metrics;

import fi.hbflow.identity.Roles;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@link EngineFigures} with a few counting queries over the engine's runtime tables (ACT_RU_JOB, ACT_RU_INCIDENT,
 * ACT_RU_TASK, ACT_RU_IDENTITYLINK), without any engine authorization check. The job counts mean what the engine's
 * {@code JobQuery.executable()} and {@code noRetriesLeft()} mean.
 */
public class EngineFigureQueries {

  /** Incident types always reported (0 when none). */
  static final List<String> INCIDENT_TYPES = List.of("failedJob", "failedExternalTask");

  private final NamedParameterJdbcTemplate jdbc;

  public EngineFigureQueries(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  public EngineFigures compute(Date now) {
    MapSqlParameterSource params = new MapSqlParameterSource("now", new Timestamp(now.getTime()));
    long executable = count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0"
        + " AND (DUEDATE_ IS NULL OR DUEDATE_ <= :now)", params);
    long failed = count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ = 0", params);

    Map<String, Long> incidents = new TreeMap<>();
    INCIDENT_TYPES.forEach(type -> incidents.put(type, 0L));
    jdbc.query("SELECT INCIDENT_TYPE_ AS type_, COUNT(*) AS n FROM ACT_RU_INCIDENT GROUP BY INCIDENT_TYPE_", params,
        rs -> {
          incidents.put(rs.getString("type_"), rs.getLong("n"));
        });

    Map<String, Long> tasks = new TreeMap<>();
    Roles.ALL.stream().filter(Roles.Role::worksTasks).forEach(role -> tasks.put(role.groupId(), 0L));
    jdbc.query("SELECT il.GROUP_ID_ AS group_, COUNT(DISTINCT t.ID_) AS n FROM ACT_RU_TASK t"
        + " JOIN ACT_RU_IDENTITYLINK il ON il.TASK_ID_ = t.ID_"
        + " WHERE il.TYPE_ = 'candidate' AND il.GROUP_ID_ IS NOT NULL GROUP BY il.GROUP_ID_", params, rs -> {
          tasks.put(rs.getString("group_"), rs.getLong("n"));
        });
    return new EngineFigures(executable, failed, incidents, tasks);
  }

  private long count(String sql, MapSqlParameterSource params) {
    Long n = jdbc.queryForObject(sql, params, Long.class);
    return n == null ? 0 : n;
  }
}
