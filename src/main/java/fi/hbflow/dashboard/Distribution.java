package fi.hbflow.dashboard;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A distribution of whole numbers (e.g. lead times in days) as counts per value, as an aggregate query returns it
 * ({@code GROUP BY days}): percentiles without the individual cases. Immutable.
 */
public final class Distribution {

  private final NavigableMap<Integer, Long> counts;
  private final long total;

  private Distribution(NavigableMap<Integer, Long> counts) {
    this.counts = Collections.unmodifiableNavigableMap(counts);
    this.total = counts.values().stream().mapToLong(Long::longValue).sum();
  }

  public static Distribution of(Map<Integer, Long> counts) {
    NavigableMap<Integer, Long> copy = new TreeMap<>();
    counts.forEach((value, count) -> {
      if (value != null && count != null && count > 0) {
        copy.merge(value, count, Long::sum);
      }
    });
    return new Distribution(copy);
  }

  public long count() {
    return total;
  }

  /**
   * The {@code p}-th percentile by the nearest-rank method: the smallest value that at least {@code p} of all values
   * are at or below (the median of 1, 2, 3, 4 is 2); null when there are no values.
   */
  public Integer percentile(double p) {
    if (p <= 0 || p > 1) {
      throw new IllegalArgumentException("percentile is in (0, 1]: " + p);
    }
    if (total == 0) {
      return null;
    }
    long rank = (long) Math.ceil(p * total - 1e-9);
    long seen = 0;
    for (Map.Entry<Integer, Long> e : counts.entrySet()) {
      seen += e.getValue();
      if (seen >= rank) {
        return e.getKey();
      }
    }
    return counts.lastKey();
  }

  public Integer median() {
    return percentile(0.5);
  }

  public NavigableMap<Integer, Long> counts() {
    return counts;
  }
}
