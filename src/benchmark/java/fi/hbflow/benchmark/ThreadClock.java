package fi.hbflow.benchmark;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.joda.time.DateTimeUtils;

/**
 * An engine clock per worker thread. The engine reads its time from {@code ClockUtil}, i.e. Joda's
 * {@link DateTimeUtils}, which is one clock for the whole JVM; the model tests move it with
 * {@code ClockUtil.setCurrentTime}. The benchmark's worker threads each drive their own cases, whose timers come
 * due at different moments, so each thread gets its own clock: it runs on from the moment the thread set it (like
 * the real clock), and a thread that never set one sees the system clock.
 */
final class ThreadClock {

  private static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");

  /** {setAt (system millis), time set}, per thread. */
  private static final ThreadLocal<long[]> CLOCK = new ThreadLocal<>();

  private ThreadClock() {
  }

  /** Installs the per-thread clock for the whole JVM (instead of Joda's system or fixed clock). */
  static void install() {
    DateTimeUtils.setCurrentMillisProvider(() -> {
      long[] clock = CLOCK.get();
      long now = System.currentTimeMillis();
      return clock == null ? now : clock[1] + (now - clock[0]);
    });
  }

  /** Back to the system clock for every thread. */
  static void uninstall() {
    DateTimeUtils.setCurrentMillisSystem();
  }

  /** Sets this thread's engine clock to the Finnish local time. */
  static void set(LocalDateTime finnishTime) {
    set(finnishTime.atZone(FINLAND).toInstant().toEpochMilli());
  }

  static void set(long epochMillis) {
    CLOCK.set(new long[] {System.currentTimeMillis(), epochMillis});
  }

  static void clear() {
    CLOCK.remove();
  }
}
