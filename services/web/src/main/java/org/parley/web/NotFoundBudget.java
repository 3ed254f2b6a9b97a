package org.parley.web;

import java.util.concurrent.ConcurrentHashMap;

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
        if (windows.size() > PRUNE_ABOVE) {
            windows.entrySet().removeIf(entry -> nowMillis - entry.getValue().startMillis() >= WINDOW_MILLIS);
        }
    }

    /** How many callers have a window (for the pruning test). */
    int callers() {
        return windows.size();
    }
}
