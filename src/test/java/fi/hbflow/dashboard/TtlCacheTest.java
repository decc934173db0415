package fi.hbflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TtlCacheTest {

  final AtomicLong now = new AtomicLong();
  final AtomicInteger computed = new AtomicInteger();
  final TtlCache<String, Integer> cache = new TtlCache<>(Duration.ofSeconds(60), 2, now::get);

  @Test
  void aValueIsComputedOncePerTimeToLive() {
    assertThat(cache.get("a", computed::incrementAndGet)).isEqualTo(1);
    now.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(cache.get("a", computed::incrementAndGet)).isEqualTo(1);
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(cache.get("a", computed::incrementAndGet)).isEqualTo(2);
    assertThat(computed).hasValue(2);
  }

  @Test
  void keysAreSeparateAndTheOldestIsDroppedBeyondTheLimit() {
    cache.get("a", () -> 1);
    now.incrementAndGet();
    cache.get("b", () -> 2);
    now.incrementAndGet();
    cache.get("c", () -> 3); // drops "a"
    assertThat(cache.get("b", () -> 20)).isEqualTo(2);
    assertThat(cache.get("a", () -> 10)).isEqualTo(10);
  }

  @Test
  void aFailureIsNotKept() {
    assertThatThrownBy(() -> cache.get("a", () -> {
      throw new IllegalStateException("database down");
    })).hasMessage("database down");
    assertThat(cache.get("a", () -> 5)).isEqualTo(5);
  }

  @Test
  void latestNeverWaitsAndRefreshesAStaleValueInTheBackgroundOnce() {
    java.util.List<Runnable> background = new java.util.ArrayList<>();
    assertThat(cache.latest("a", computed::incrementAndGet, background::add)).isNull(); // nothing yet: refresh queued
    assertThat(cache.latest("a", computed::incrementAndGet, background::add)).isNull(); // one refresh at a time
    assertThat(background).hasSize(1);
    background.remove(0).run();
    assertThat(cache.latest("a", computed::incrementAndGet, background::add)).isEqualTo(1);
    assertThat(background).isEmpty(); // fresh
    now.addAndGet(Duration.ofSeconds(61).toNanos());
    assertThat(cache.latest("a", computed::incrementAndGet, background::add)).isEqualTo(1); // stale, answered at once
    assertThat(background).hasSize(1);
    background.remove(0).run();
    assertThat(cache.latest("a", computed::incrementAndGet, background::add)).isEqualTo(2);
    // a failed refresh keeps the previous value
    now.addAndGet(Duration.ofSeconds(61).toNanos());
    cache.latest("a", () -> {
      throw new IllegalStateException("database down");
    }, Runnable::run);
    assertThat(cache.latest("a", computed::incrementAndGet, background::add)).isEqualTo(2);
    assertThat(computed).hasValue(2);
  }

  @Test
  void concurrentCallersOfOneKeyWaitForASingleComputation() throws Exception {
    TtlCache<String, Integer> real = new TtlCache<>(Duration.ofSeconds(60), 10);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      java.util.List<Future<Integer>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return real.get("scrape", () -> {
            sleep(200);
            return computed.incrementAndGet();
          });
        }));
      }
      start.countDown();
      for (Future<Integer> result : results) {
        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(1);
      }
      assertThat(computed).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
