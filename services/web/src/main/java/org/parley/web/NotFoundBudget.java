package org.parley.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How many "not found" answers each caller may collect per minute. Someone probing for hidden records, by
 * id or by how long the answer takes, needs many of them; a person working does not. Counted per signed-in
 * caller in fixed one-minute windows, per service instance.
 */
@ApplicationScoped
public class NotFoundBudget {

    static final long WINDOW_MILLIS = 60_000;

    /** Above this many callers, windows that have ended are dropped at the next count. */
    static final int PRUNE_ABOVE = 10_000;

    /**
     * The least time between two prunes: each reads every window, and anonymous callers count by address, so a
     * prober with many addresses (an IPv6 /48 holds 65,536 /64s) must not make every "not found" answer a scan.
     */
    static final long PRUNE_EVERY_MILLIS = 1_000;

    private final AtomicLong nextPruneMillis = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong prunes = new AtomicLong();

    private final int perMinute;

    private record Window(long startMillis, int spent) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    public NotFoundBudget(NotFoundConfig config) {
        this.perMinute = config.perMinute();
    }

    /** Seconds until the caller may ask again, or 0 when their budget is not spent. */
    public long secondsUntilRefill(String caller, long nowMillis) {
        Window window = windows.get(caller);
        if (window == null || nowMillis - window.startMillis() >= WINDOW_MILLIS || window.spent() < perMinute) {
            return 0;
        }
        return Math.max(1, (window.startMillis() + WINDOW_MILLIS - nowMillis + 999) / 1000);
    }

    /** Counts one "not found" answer to the caller. */
    public void spend(String caller, long nowMillis) {
        windows.merge(
                caller,
                new Window(nowMillis, 1),
                (old, fresh) -> nowMillis - old.startMillis() >= WINDOW_MILLIS
                        ? fresh
                        : new Window(old.startMillis(), old.spent() + 1));
        long next = nextPruneMillis.get();
        if (windows.size() > PRUNE_ABOVE
                && nowMillis >= next
                && nextPruneMillis.compareAndSet(next, nowMillis + PRUNE_EVERY_MILLIS)) {
            prunes.incrementAndGet();
            windows.entrySet().removeIf(entry -> nowMillis - entry.getValue().startMillis() >= WINDOW_MILLIS);
        }
    }

    /** How many prunes ran (for the pruning test). */
    long prunes() {
        return prunes.get();
    }

    /** How many callers have a window (for the pruning test). */
    int callers() {
        return windows.size();
    }
}
