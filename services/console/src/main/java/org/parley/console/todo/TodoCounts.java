package org.parley.console.todo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The navigation's count per user, kept briefly so that a page costs the services at most one or two calls every
 * {@link #FRESH_FOR}, not on every click. Keyed by the token subject: one user's count is never shown to another.
 * The To-do page always asks the services and stores what it got, so it and its navigation agree.
 */
@ApplicationScoped
public class TodoCounts {

    static final Duration FRESH_FOR = Duration.ofSeconds(20);

    /** Past this many users, expired counts are dropped before another is kept. */
    private static final int PRUNE_ABOVE = 1_000;

    private record Kept(int count, Instant until) {}

    private final Map<String, Kept> counts = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public Optional<Integer> fresh(String subject) {
        Kept kept = counts.get(subject);
        return kept != null && kept.until().isAfter(clock.instant()) ? Optional.of(kept.count()) : Optional.empty();
    }

    public void keep(String subject, int count) {
        Instant now = clock.instant();
        if (counts.size() > PRUNE_ABOVE) {
            counts.values().removeIf(kept -> !kept.until().isAfter(now));
        }
        counts.put(subject, new Kept(count, now.plus(FRESH_FOR)));
    }

    /** After the user changed something the count may include (a decision, a visit). */
    public void forget(String subject) {
        counts.remove(subject);
    }
}
