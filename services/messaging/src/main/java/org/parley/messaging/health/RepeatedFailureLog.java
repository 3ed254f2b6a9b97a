package org.parley.messaging.health;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Logs a dependency that keeps failing once per interval with a count, instead of once per attempt: a database
 * outage used to write tens of thousands of identical lines. The first failure after a success is logged at once,
 * then at most one summary per interval, and the recovery once. Descriptions must name no content (kinds only).
 */
public final class RepeatedFailureLog {

    private final String subject;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Consumer<String> warn;
    private final Consumer<String> info;

    private boolean failing;
    private long failingSinceNanos;
    private long lastLoggedNanos;
    private long failures;
    private long unloggedFailures;

    public RepeatedFailureLog(String subject, Duration interval, Consumer<String> warn, Consumer<String> info) {
        this(subject, interval, System::nanoTime, warn, info);
    }

    RepeatedFailureLog(
            String subject, Duration interval, LongSupplier nanoClock, Consumer<String> warn, Consumer<String> info) {
        this.subject = subject;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.warn = warn;
        this.info = info;
    }

    /** One more failed attempt; {@code description} says what failed, never with what data. */
    public synchronized void failed(String description) {
        long now = nanoClock.getAsLong();
        failures++;
        if (!failing) {
            failing = true;
            failingSinceNanos = now;
            lastLoggedNanos = now;
            unloggedFailures = 0;
            warn.accept(subject + ": " + description + "; retrying (repeats are summarised every "
                    + seconds(intervalNanos) + ")");
            return;
        }
        unloggedFailures++;
        if (now - lastLoggedNanos >= intervalNanos) {
            warn.accept(String.format(
                    Locale.ROOT,
                    "%s: still failing after %s, %d more failures since the last report (latest: %s)",
                    subject,
                    seconds(now - failingSinceNanos),
                    unloggedFailures,
                    description));
            lastLoggedNanos = now;
            unloggedFailures = 0;
        }
    }

    /** A successful attempt: ends a failing period, logging its length once. */
    public synchronized void succeeded() {
        if (!failing) {
            return;
        }
        info.accept(String.format(
                Locale.ROOT,
                "%s: recovered after %s and %d failed attempts",
                subject,
                seconds(nanoClock.getAsLong() - failingSinceNanos),
                failures));
        failing = false;
        failures = 0;
        unloggedFailures = 0;
    }

    public synchronized boolean isFailing() {
        return failing;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.0f s", nanos / 1e9);
    }
}
