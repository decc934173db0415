package fi.hbflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The caches HbDashboard and HbMetricsCollector are built with (what the hand-written TtlCache did before). */
class FigureCachesTest {

  static final Duration TTL = Duration.ofSeconds(60);

  final AtomicLong now = new AtomicLong();
  final AtomicInteger computed = new AtomicInteger();

  @Test
  void aValueIsComputedOncePerTimeToLive() {
    Cache<String, Integer> cache = FigureCaches.timed(TTL, 10, now::get);
    assertThat(cache.get("a", k -> computed.incrementAndGet())).isEqualTo(1);
    now.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(cache.get("a", k -> computed.incrementAndGet())).isEqualTo(1);
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(cache.get("a", k -> computed.incrementAndGet())).isEqualTo(2);
    assertThat(computed).hasValue(2);
  }

  @Test
  void keysAreSeparateAndAFailureIsNotKept() {
    Cache<String, Integer> cache = FigureCaches.timed(TTL, 10, now::get);
    assertThat(cache.get("a", k -> 1)).isEqualTo(1);
    assertThat(cache.get("b", k -> 2)).isEqualTo(2);
    assertThatThrownBy(() -> cache.get("c", k -> {
      throw new IllegalStateException("database down");
    })).hasMessage("database down");
    assertThat(cache.get("c", k -> 5)).isEqualTo(5);
    assertThat(cache.get("a", k -> 10)).isEqualTo(1);
  }

  @Test
  void concurrentCallersOfOneKeyWaitForASingleComputation() throws Exception {
    Cache<String, Integer> cache = FigureCaches.timed(TTL, 10);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return cache.get("scrape", k -> {
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

  @Test
  void latestRefreshesAStaleValueAndKeepsItWhenTheRefreshFails() {
    AtomicInteger failing = new AtomicInteger();
    LoadingCache<String, Integer> cache = FigureCaches.refreshedInBackground(TTL, k -> {
      if (failing.get() > 0) {
        throw new IllegalStateException("database down");
      }
      return computed.incrementAndGet();
    }, Runnable::run, now::get);
    assertThat(FigureCaches.latest(cache, "all")).isNull(); // nothing yet: the first computation starts
    assertThat(FigureCaches.latest(cache, "all")).isEqualTo(1);
    now.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(FigureCaches.latest(cache, "all")).isEqualTo(1);
    assertThat(computed).hasValue(1); // fresh: no refresh
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    // stale: refreshed (this executor runs the refresh at once, on the reading thread; see the next test)
    FigureCaches.latest(cache, "all");
    assertThat(FigureCaches.latest(cache, "all")).isEqualTo(2);
    now.addAndGet(Duration.ofSeconds(61).toNanos());
    failing.set(1);
    assertThat(FigureCaches.latest(cache, "all")).isEqualTo(2);
    assertThat(FigureCaches.latest(cache, "all")).isEqualTo(2); // the failed refresh kept the old value
    assertThat(computed).hasValue(2);
  }

  @Test
  void latestNeverWaitsAndRunsOneComputationAtATime() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService background = Executors.newSingleThreadExecutor();
    try {
      LoadingCache<String, Integer> cache = FigureCaches.refreshedInBackground(TTL, k -> {
        computed.incrementAndGet();
        try {
          release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return 7;
      }, background);
      for (int i = 0; i < 3; i++) {
        assertThat(FigureCaches.latest(cache, "all")).isNull(); // answered at once while the queries run
      }
      release.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (FigureCaches.latest(cache, "all") == null && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(FigureCaches.latest(cache, "all")).isEqualTo(7);
      assertThat(computed).hasValue(1);
    } finally {
      background.shutdownNow();
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
