package fi.hbflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DistributionTest {

  @Test
  void percentilesByNearestRankFromCountsPerValue() {
    // 1, 3, 3, 15 (two cases of 3 days)
    Distribution d = Distribution.of(Map.of(15, 1L, 1, 1L, 3, 2L));
    assertThat(d.count()).isEqualTo(4);
    assertThat(d.median()).isEqualTo(3);          // rank ceil(0.5 * 4) = 2 → 3
    assertThat(d.percentile(0.9)).isEqualTo(15);  // rank ceil(3.6) = 4 → 15
    assertThat(d.percentile(0.25)).isEqualTo(1);  // rank 1
    assertThat(d.percentile(1.0)).isEqualTo(15);
  }

  @Test
  void theMedianOfAnEvenCountIsTheLowerMiddleValue() {
    Distribution d = Distribution.of(Map.of(1, 1L, 2, 1L, 3, 1L, 4, 1L));
    assertThat(d.median()).isEqualTo(2);
    assertThat(d.percentile(0.9)).isEqualTo(4);
    assertThat(Distribution.of(Map.of(7, 1L)).percentile(0.9)).isEqualTo(7);
  }

  @Test
  void aLargeDistributionGivesTheSameAsSortingEveryValue() {
    Map<Integer, Long> counts = new HashMap<>();
    int[] values = new int[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i * 37) % 101; // 0..100, unevenly
      counts.merge(values[i], 1L, Long::sum);
    }
    java.util.Arrays.sort(values);
    Distribution d = Distribution.of(counts);
    assertThat(d.median()).isEqualTo(values[499]);   // rank 500
    assertThat(d.percentile(0.9)).isEqualTo(values[899]); // rank 900
  }

  @Test
  void emptyHasNoPercentileAndZeroOrNullCountsAreIgnored() {
    Map<Integer, Long> counts = new HashMap<>();
    counts.put(5, 0L);
    counts.put(null, 3L);
    Distribution d = Distribution.of(counts);
    assertThat(d.count()).isZero();
    assertThat(d.median()).isNull();
    assertThatThrownBy(() -> d.percentile(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
