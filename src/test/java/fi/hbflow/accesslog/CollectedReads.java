package fi.hbflow.accesslog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The read-access log of the model tests' engine ({@code TestEngine}): kept in memory, so a test sees what a request
 * logged without a database table. Keeps the latest rows only.
 */
public final class CollectedReads implements ReadAccessLog {

  /** The log the model tests' engine writes to. */
  public static final CollectedReads MODEL_TESTS = new CollectedReads();
  private static final int MAX_ROWS = 10_000;

  private final List<ReadAccess> rows = new ArrayList<>();

  @Override
  public synchronized void record(List<ReadAccess> reads) {
    if (rows.size() + reads.size() > MAX_ROWS) {
      rows.clear();
    }
    rows.addAll(reads);
  }

  @Override
  public synchronized List<ReadAccess> ofCase(String businessKey) {
    return rows.stream().filter(r -> businessKey.equals(r.businessKey()))
        .sorted(Comparator.comparing(ReadAccess::at).reversed()).toList();
  }

  /** Every row, oldest first. */
  public synchronized List<ReadAccess> all() {
    return List.copyOf(rows);
  }

  public synchronized void clear() {
    rows.clear();
  }
}
