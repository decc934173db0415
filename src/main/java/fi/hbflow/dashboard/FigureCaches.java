package fi.hbflow.dashboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The short-lived caches of the dashboard and the Prometheus series (Caffeine), so that however often the dashboard
 * is opened or Prometheus scrapes, the heavy queries behind a key run at most once per time to live.
 */
public final class FigureCaches {

  private FigureCaches() {
  }

  /**
   * Each value kept for {@code ttl} after it was computed. Read with {@link Cache#get(Object, Function)}: concurrent
   * callers of the same key wait for one computation instead of each starting their own, and a failed computation
   * is not kept. At most {@code maxEntries} keys are kept.
   */
  public static <K, V> Cache<K, V> timed(Duration ttl, long maxEntries) {
    return timed(ttl, maxEntries, Ticker.systemTicker());
  }

  static <K, V> Cache<K, V> timed(Duration ttl, long maxEntries, Ticker ticker) {
    return Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).ticker(ticker).build();
  }

  /**
   * Values read with {@link #latest}: kept however old, and refreshed on {@code executor} when read after
   * {@code ttl}; a failed refresh is logged and keeps the old value.
   */
  public static <K, V> LoadingCache<K, V> refreshedInBackground(Duration ttl, Function<K, V> compute,
                                                                 Executor executor) {
    return refreshedInBackground(ttl, compute, executor, Ticker.systemTicker());
  }

  static <K, V> LoadingCache<K, V> refreshedInBackground(Duration ttl, Function<K, V> compute, Executor executor,
                                                          Ticker ticker) {
    return Caffeine.newBuilder().refreshAfterWrite(ttl).executor(executor).ticker(ticker).build(compute::apply);
  }

  /**
   * The latest value without waiting, however old (null before the first one): when it is older than the time to live
   * (or missing), one refresh of the key starts in the background. For a caller that must answer quickly whatever the
   * queries cost (a Prometheus scrape has a timeout).
   */
  public static <K, V> V latest(LoadingCache<K, V> cache, K key) {
    V value = cache.getIfPresent(key); // a stale value starts its refresh
    if (value == null) {
      cache.refresh(key); // the first computation, in the background; one already running is reused
    }
    return value;
  }
}
