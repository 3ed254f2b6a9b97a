package org.parley.stack.supervision;

import java.time.Duration;

/**
 * How long to wait before the n-th consecutive restart of a part: the first delay, doubled each time, up to a cap.
 * A part that stayed up for {@link #stableAfter()} counts as recovered, and its next failure starts again at the
 * first delay; one that keeps crashing at once is not restarted in a tight loop.
 */
public record Backoff(Duration first, Duration cap, Duration stableAfter) {

    /** 1 s, 2 s, 4 s … 30 s; reset after a minute up. */
    public static final Backoff DEFAULT =
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));

    /** The delay before restart number {@code attempt} (1-based) of a run of failures. */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + attempt);
        }
        // Shifting more than ~30 bits overflows; by then the cap has long been reached.
        long factor = 1L << Math.min(attempt - 1, 30);
        Duration delay = first.multipliedBy(factor);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
