package fi.hbflow.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Copies seeded cases inside PostgreSQL with {@code INSERT ... SELECT ... CROSS JOIN generate_series}: every row of a
 * seed case (all its process instances: the service process, the support choice it calls, its deadline watches and
 * budget ledger — they share the business key) in the runtime tables, the byte arrays its variables and history point
 * to, the task authorizations the engine granted to candidate groups and assignees, and the whole history (activities,
 * tasks, variables and their details, identity links, decisions with inputs and outputs, job log, operation log).
 *
 * <p>Copy {@code n} of a row gets a new id made from the old one and {@code n} (the node part of the time-based UUID,
 * its last 12 hex digits, replaced by {@code n}) for every id that names a row of the case (its own id, process
 * instance, execution, parent, super execution, task, activity instance, byte array, job, decision instance, ...),
 * so references stay consistent and every primary key is new; ids of shared things (process definitions, deployments,
 * job definitions, users, groups) are kept. The business key (and the {@code hbAsia} variable that repeats it) becomes
 * {@code <key>-<n>}, unique. Start, create and end times move back {@code n} × 37 s so that copies do not all share
 * one creation time (the task list sorts by it); due dates are kept.
 */
final class ScaleCloner {

  /** Columns holding the id of a row that belongs to the case: suffixed in each copy. */
  static final Set<String> CASE_IDS = Set.of("id_", "proc_inst_id_", "process_instance_id_", "execution_id_",
      "parent_id_", "super_exec_", "super_proc_inst_id_", "root_proc_inst_id_", "task_id_", "parent_task_id_",
      "act_inst_id_", "parent_act_inst_id_", "call_proc_inst_id_", "bytearray_id_", "exception_stack_id_",
      "job_exception_stack_id_", "var_inst_id_", "var_scope_", "job_id_", "cause_incident_id_",
      "root_cause_incident_id_", "dec_inst_id_", "root_dec_inst_id_", "operation_id_", "content_id_",
      "error_details_id_", "ext_task_id_", "resource_id_");
  static final Set<String> SHIFTED_TIMES = Set.of("create_time_", "start_time_", "end_time_", "last_updated_",
      "time_", "timestamp_", "eval_time_");
  static final Set<String> KEYS = Set.of("business_key_", "proc_inst_business_key_");

  /** Table → how its rows are found: "column → temp table of seed ids". In insert order (foreign keys). */
  static final Map<String, String[]> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("act_ge_bytearray", new String[] {"id_", "scale_ba"});
    TABLES.put("act_ru_execution", new String[] {"proc_inst_id_", "scale_pi"});
    TABLES.put("act_ru_task", new String[] {"proc_inst_id_", "scale_pi"});
    TABLES.put("act_ru_identitylink", new String[] {"task_id_", "scale_task"});
    TABLES.put("act_ru_variable", new String[] {"proc_inst_id_", "scale_pi"});
    TABLES.put("act_ru_job", new String[] {"process_instance_id_", "scale_pi"});
    TABLES.put("act_ru_event_subscr", new String[] {"proc_inst_id_", "scale_pi"});
    TABLES.put("act_ru_incident", new String[] {"proc_inst_id_", "scale_pi"});
    TABLES.put("act_ru_ext_task", new String[] {"proc_inst_id_", "scale_pi"});
    TABLES.put("act_ru_authorization", new String[] {"resource_id_", "scale_task"});
    TABLES.put("act_hi_procinst", new String[] {"proc_inst_id_", "scale_pi"});
    TABLES.put("act_hi_actinst", new String[] {"proc_inst_id_", "scale_pi"});
    TABLES.put("act_hi_taskinst", new String[] {"proc_inst_id_", "scale_pi"});
    TABLES.put("act_hi_varinst", new String[] {"proc_inst_id_", "scale_pi"});
    TABLES.put("act_hi_detail", new String[] {"proc_inst_id_", "scale_pi"});
    TABLES.put("act_hi_identitylink", new String[] {"root_proc_inst_id_", "scale_pi"});
    TABLES.put("act_hi_decinst", new String[] {"root_proc_inst_id_", "scale_pi"});
    TABLES.put("act_hi_dec_in", new String[] {"dec_inst_id_", "scale_dec"});
    TABLES.put("act_hi_dec_out", new String[] {"dec_inst_id_", "scale_dec"});
    TABLES.put("act_hi_job_log", new String[] {"process_instance_id_", "scale_pi"});
    TABLES.put("act_hi_op_log", new String[] {"proc_inst_id_", "scale_pi"});
    TABLES.put("act_hi_incident", new String[] {"proc_inst_id_", "scale_pi"});
    TABLES.put("act_hi_ext_task_log", new String[] {"proc_inst_id_", "scale_pi"});
    TABLES.put("act_hi_comment", new String[] {"proc_inst_id_", "scale_pi"});
    TABLES.put("act_hi_attachment", new String[] {"proc_inst_id_", "scale_pi"});
  }

  /** Byte arrays a case's rows point to: table, column. */
  static final String[][] BYTEARRAY_REFS = {{"act_ru_variable", "bytearray_id_"}, {"act_ru_job", "exception_stack_id_"},
      {"act_ru_ext_task", "error_details_id_"}, {"act_hi_varinst", "bytearray_id_"}, {"act_hi_detail", "bytearray_id_"},
      {"act_hi_job_log", "job_exception_stack_id_"}, {"act_hi_dec_in", "bytearray_id_"},
      {"act_hi_dec_out", "bytearray_id_"}, {"act_hi_ext_task_log", "error_details_id_"},
      {"act_hi_attachment", "content_id_"}};

  private final Connection db;
  private final Set<String> keptIdColumns = new TreeSet<>();

  ScaleCloner(Connection db) {
    this.db = db;
  }

  /**
   * Makes {@code copies.get(key)} copies of each seed case (by business key). Returns rows inserted per table.
   * Copies are made in chunks of {@code chunk} copy numbers (one transaction each).
   */
  Map<String, Long> cloneAll(Map<String, Integer> copies, int chunk) throws SQLException {
    db.setAutoCommit(true);
    try (Statement s = db.createStatement()) {
      s.execute("DROP TABLE IF EXISTS scale_seed, scale_pi, scale_task, scale_dec, scale_ba");
      s.execute("CREATE TABLE scale_seed (key_ varchar(255) PRIMARY KEY, copies int NOT NULL)");
    }
    try (PreparedStatement p = db.prepareStatement("INSERT INTO scale_seed VALUES (?, ?)")) {
      for (Map.Entry<String, Integer> e : copies.entrySet()) {
        p.setString(1, e.getKey());
        p.setInt(2, e.getValue());
        p.addBatch();
      }
      p.executeBatch();
    }
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE scale_pi AS SELECT DISTINCT p.id_ AS id, s.copies FROM act_hi_procinst p "
          + "JOIN scale_seed s ON s.key_ = p.business_key_");
      s.execute("INSERT INTO scale_pi SELECT DISTINCT p.id_, r.copies FROM act_hi_procinst p JOIN scale_pi r "
          + "ON p.root_proc_inst_id_ = r.id WHERE p.id_ NOT IN (SELECT id FROM scale_pi)");
      s.execute("CREATE TABLE scale_task AS SELECT t.id_ AS id, p.copies FROM act_hi_taskinst t "
          + "JOIN scale_pi p ON p.id = t.proc_inst_id_");
      s.execute("CREATE TABLE scale_dec AS SELECT d.id_ AS id, p.copies FROM act_hi_decinst d "
          + "JOIN scale_pi p ON p.id = d.root_proc_inst_id_");
      s.execute("CREATE TABLE scale_ba (id varchar(64) PRIMARY KEY, copies int NOT NULL)");
      for (String[] ref : BYTEARRAY_REFS) {
        String table = ref[0];
        String[] how = TABLES.get(table);
        s.execute("INSERT INTO scale_ba SELECT DISTINCT t." + ref[1] + ", k.copies FROM " + table + " t JOIN "
            + how[1] + " k ON k.id = t." + how[0] + " WHERE t." + ref[1] + " IS NOT NULL ON CONFLICT DO NOTHING");
      }
      for (String t : List.of("scale_pi", "scale_task", "scale_dec")) {
        s.execute("CREATE INDEX ON " + t + " (id)");
      }
      s.execute("ANALYZE scale_seed, scale_pi, scale_task, scale_dec, scale_ba");
    }
    // bulk load: the tables' secondary indexes are dropped and built again afterwards (much faster than updating
    // them row by row), and foreign-key triggers are off for this session (the copies are consistent by construction)
    List<String[]> indexes = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT i.indexname, i.indexdef "
        + "FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename IN ('"
        + String.join("', '", TABLES.keySet()) + "') AND i.indexname NOT IN (SELECT conname FROM pg_constraint)")) {
      while (r.next()) {
        indexes.add(new String[] {r.getString(1), r.getString(2)});
      }
    }
        try (Statement s = db.createStatement()) {
      for (String[] index : indexes) {
        s.execute("DROP INDEX " + index[0]);
      }
      s.execute("SET session_replication_role = replica");
    }
    System.out.printf("  dropped %d secondary indexes for the load%n", indexes.size());
    int maxCopies = copies.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    Map<String, Long> inserted = new LinkedHashMap<>();
    Map<String, Long> tableTimes = new LinkedHashMap<>();
    for (int lo = 1; lo <= maxCopies; lo += chunk) {
      int hi = Math.min(maxCopies, lo + chunk - 1);
      long started = System.nanoTime();
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        for (Map.Entry<String, String[]> e : TABLES.entrySet()) {
          String sql = insertSql(e.getKey(), e.getValue()[0], e.getValue()[1], lo, hi);
          if (sql != null) {
            long t = System.nanoTime();
            inserted.merge(e.getKey(), (long) s.executeUpdate(sql), Long::sum);
            tableTimes.merge(e.getKey(), System.nanoTime() - t, Long::sum);
          }
        }
        db.commit();
      } catch (SQLException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
      System.out.printf("  copies %d..%d: %.1f s%n", lo, hi, (System.nanoTime() - started) / 1e9);
    }
    long rebuild = System.nanoTime();
    try (Statement s = db.createStatement()) {
      s.execute("SET session_replication_role = origin");
      for (String[] index : indexes) {
        s.execute(index[1]);
      }
    }
    System.out.printf("  rebuilt %d indexes in %.1f s%n", indexes.size(), (System.nanoTime() - rebuild) / 1e9);
    StringBuilder times = new StringBuilder("  seconds per table:");
    tableTimes.forEach((t, n) -> times.append(String.format(" %s=%.1f", t, n / 1e9)));
    System.out.println(times);
    if (!keptIdColumns.isEmpty()) {
      System.out.println("  id-like columns kept as they are (shared things): " + keptIdColumns);
    }
    return inserted;
  }

  private String insertSql(String table, String keyColumn, String seedTable, int lo, int hi) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (PreparedStatement p = db.prepareStatement("SELECT column_name, data_type FROM information_schema.columns "
        + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
      p.setString(1, table);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          columns.add(new String[] {r.getString(1), r.getString(2)});
        }
      }
    }
    if (columns.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (String[] c : columns) {
      String name = c[0];
      names.add(name);
      String col = "t." + name;
      if (CASE_IDS.contains(name)) {
        // ids are the engine's time-based UUIDs (36 characters), some with a prefix ("Task_Arviointi:<uuid>"): their
        // last 12 hex digits (the generator's node, the same in every id) become the copy number, so that the id
        // keeps its length (the columns hold 64) and stays unique: the time part differs between the seed's ids
        values.add("CASE WHEN length(" + col + ") >= 36 THEN left(" + col + ", length(" + col
            + ") - 12) || lpad(to_hex(n), 12, '0') ELSE " + col + " || '-c' || n END");
      } else if (KEYS.contains(name)) {
        values.add(col + " || '-' || n");
      } else if (name.equals("text_") && hasColumn(columns, "name_") && !table.equals("act_ge_bytearray")) {
        values.add("CASE WHEN t.name_ = 'hbAsia' THEN t.text_ || '-' || n ELSE t.text_ END");
      } else if (SHIFTED_TIMES.contains(name) && c[1].startsWith("timestamp")) {
        values.add(col + " - n * interval '37 seconds'");
      } else {
        if (name.endsWith("id_") || name.endsWith("_exec_") || name.endsWith("scope_")) {
          keptIdColumns.add(table + "." + name);
        }
        values.add(col);
      }
    }
    return "INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT " + String.join(", ", values)
        + " FROM " + table + " t JOIN " + seedTable + " k ON k.id = t." + keyColumn
        + " CROSS JOIN generate_series(" + lo + ", " + hi + ") n WHERE n <= k.copies";
  }

  private static boolean hasColumn(List<String[]> columns, String name) {
    return columns.stream().anyMatch(c -> c[0].equals(name));
  }

  /** Drops the helper tables. */
  void cleanUp() throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("DROP TABLE IF EXISTS scale_seed, scale_pi, scale_task, scale_dec, scale_ba");
    }
  }
}
