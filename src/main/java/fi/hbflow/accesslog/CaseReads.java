package fi.hbflow.accesslog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The variables one request read, grouped by case: a list of 40 variables of 3 cases becomes 3 log rows, each with
 * its case's variable names (sorted, each once). Variables that belong to no process instance (a standalone task's)
 * are no client's case and are left out.
 */
public final class CaseReads {

  private final Map<String, Set<String>> namesByCase = new LinkedHashMap<>();

  /** The variable {@code name} of process instance {@code processInstanceId} was read. */
  public CaseReads add(String processInstanceId, String name) {
    if (processInstanceId != null && name != null) {
      namesByCase.computeIfAbsent(processInstanceId, id -> new TreeSet<>()).add(name);
    }
    return this;
  }

  public CaseReads addAll(String processInstanceId, Collection<String> names) {
    if (names != null) {
      names.forEach(name -> add(processInstanceId, name));
    }
    return this;
  }

  public boolean isEmpty() {
    return namesByCase.isEmpty();
  }

  /** The process instances read, in the order first seen. */
  public Set<String> processInstanceIds() {
    return namesByCase.keySet();
  }

  /**
   * One row per case read.
   *
   * @param businessKeys the business key of each process instance (the one it carries, or its root case's); a
   *                     missing key is logged as null
   */
  public List<ReadAccess> toRows(Instant at, String userId, String userName, ReadKind kind, String purpose,
                                 Map<String, String> businessKeys) {
    return toRows(at, userId, userName, List.of(), kind, purpose, businessKeys);
  }

  /** One row per case read, with the reader's groups (their role in the client's log extract). */
  public List<ReadAccess> toRows(Instant at, String userId, String userName, Collection<String> userGroups,
                                 ReadKind kind, String purpose, Map<String, String> businessKeys) {
    List<String> groups = userGroups == null ? List.of() : List.copyOf(userGroups);
    List<ReadAccess> rows = new ArrayList<>(namesByCase.size());
    namesByCase.forEach((processInstanceId, names) -> rows.add(new ReadAccess(at, userId, userName, processInstanceId,
        businessKeys.get(processInstanceId), kind.label(), List.copyOf(names), purpose, groups, null, null)));
    return rows;
  }
}
