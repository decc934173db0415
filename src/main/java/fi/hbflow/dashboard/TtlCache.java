package fi.hbflow.dashboard;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.function.Supplier;

/**
 * Keeps each computed value for a short time, so that however often the dashboard is opened or Prometheus scrapes,
 * the heavy queries behind a key run at most once per {@code ttl}. Concurrent callers of the same key wait for one
 * computation instead of each starting their own. A failed computation is not kept. At most {@code maxEntries} keys
 * are kept (the oldest is dropped).
 */
public final class TtlCache<K, V> {

  private record Entry<V>(V value, long computedAt) {
  }

  private static final Logger LOG = Logger.getLogger(TtlCache.class.getName());

  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final int maxEntries;
  private final Map<K, Object> locks = new ConcurrentHashMap<>();
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final Set<K> refreshing = ConcurrentHashMap.newKeySet();

  public TtlCache(Duration ttl, int maxEntries) {
    this(ttl, maxEntries, System::nanoTime);
  }

  TtlCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
    this.nanoTime = nanoTime;
  }

  public V get(K key, Supplier<V> compute) {
    Entry<V> entry = fresh(key);
    if (entry != null) {
      return entry.value();
    }
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      entry = fresh(key);
      if (entry != null) {
        return entry.value();
      }
      V value = compute.get();
      if (entries.size() >= maxEntries && !entries.containsKey(key)) {
        entries.entrySet().stream().min((a, b) -> Long.compare(a.getValue().computedAt(), b.getValue().computedAt()))
            .ifPresent(oldest -> entries.remove(oldest.getKey()));
      }
      entries.put(key, new Entry<>(value, nanoTime.getAsLong()));
      return value;
    }
  }

  /**
   * The latest value without waiting, however old (null before the first one): when it is older than the time to live
   * (or missing), one refresh of the key starts on {@code executor}. For a caller that must answer quickly whatever
   * the queries cost (a Prometheus scrape has a timeout); a failed refresh is logged and keeps the old value.
   */
  public V latest(K key, Supplier<V> compute, Executor executor) {
    Entry<V> entry = entries.get(key);
    if ((entry == null || fresh(key) == null) && refreshing.add(key)) {
      try {
        executor.execute(() -> {
          try {
            synchronized (locks.computeIfAbsent(key, k -> new Object())) {
              if (fresh(key) == null) {
                entries.put(key, new Entry<>(compute.get(), nanoTime.getAsLong()));
              }
            }
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Refreshing " + key + " failed; the previous value is kept", e);
          } finally {
            refreshing.remove(key);
          }
        });
      } catch (RuntimeException e) {
        refreshing.remove(key);
        throw e;
      }
    }
    return entry == null ? null : entry.value();
  }

  private Entry<V> fresh(K key) {
    Entry<V> entry = entries.get(key);
    return entry != null && nanoTime.getAsLong() - entry.computedAt() < ttlNanos ? entry : null;
  }
}
