package fi.hbflow.dashboard;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
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

  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final int maxEntries;
  private final Map<K, Object> locks = new ConcurrentHashMap<>();
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

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

  private Entry<V> fresh(K key) {
    Entry<V> entry = entries.get(key);
    return entry != null && nanoTime.getAsLong() - entry.computedAt() < ttlNanos ? entry : null;
  }
}
