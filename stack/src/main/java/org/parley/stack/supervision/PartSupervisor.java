package org.parley.stack.supervision;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Watches one part on a thread of its own and starts it again, with {@link Backoff}, whenever its process is
 * gone without anyone having stopped it on purpose. Every exit and every return is one line in the log.
 *
 * <p>A part stopped on purpose ({@link #stopOnPurpose}: a deliberate outage through the stack's control API) stays
 * down until {@link #startOnPurpose}; {@link #close} ends the watch before a shutdown stops the parts.
 */
public final class PartSupervisor {

    /** Runs a stop or start of the part; may throw. */
    public interface Action {
        void run() throws Exception;
    }

    private final SupervisedPart part;
    private final Backoff backoff;
    private final Duration pollInterval;
    private final Consumer<String> log;
    private final Runnable changed;
    // Held by a restart and by stops and starts on purpose, so that the two never interleave.
    private final ReentrantLock startStop = new ReentrantLock();
    private final Thread watcher;
    private volatile boolean held;
    private volatile boolean closed;
    private volatile PartState state = PartState.UP;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile long lastPid = -1;

    /**
     * @param log gets one line per exit, restart and failed restart
     * @param changed runs after every change of state or restart count (e.g. to write a state file)
     */
    public PartSupervisor(
            SupervisedPart part, Backoff backoff, Duration pollInterval, Consumer<String> log, Runnable changed) {
        this.part = part;
        this.backoff = backoff;
        this.pollInterval = pollInterval;
        this.log = log;
        this.changed = changed;
        this.watcher = new Thread(this::watchLoop, "supervise-" + part.name());
        watcher.setDaemon(true);
    }

    /** Starts watching a part that has been started. */
    public void watch() {
        part.pid().ifPresent(pid -> lastPid = pid);
        watcher.start();
    }

    /** Up only if the part is serving now; restarting while the supervisor is bringing it back. */
    public PartState state() {
        PartState current = state;
        if (current == PartState.UP && !part.isServing()) {
            return PartState.DOWN;
        }
        return current;
    }

    public int restarts() {
        return restarts.get();
    }

    public SupervisedPart part() {
        return part;
    }

    /** Stops the part and keeps it down (not restarted) until {@link #startOnPurpose}. */
    public void stopOnPurpose(Action stop) throws Exception {
        startStop.lock();
        try {
            held = true;
            state = PartState.DOWN;
            stop.run();
        } finally {
            startStop.unlock();
            changed.run();
        }
    }

    /** Starts a part stopped on purpose; from then on it is supervised again (also if this start fails). */
    public void startOnPurpose(Action start) throws Exception {
        startStop.lock();
        try {
            start.run();
            state = PartState.UP;
            part.pid().ifPresent(pid -> lastPid = pid);
        } finally {
            held = false;
            startStop.unlock();
            changed.run();
        }
    }

    /**
     * Ends the watch before a shutdown stops the parts. A restart under way is interrupted (or fails once the
     * shutdown ends its process); it is not waited for, which could take minutes.
     */
    public void close() {
        closed = true;
        watcher.interrupt();
    }

    private void watchLoop() {
        int failures = 0; // restarts since the part was last up for backoff.stableAfter()
        long upSince = System.nanoTime();
        boolean failedBefore = false;
        long downSince = System.nanoTime();
        try {
            while (!closed) {
                Thread.sleep(pollInterval.toMillis());
                if (held || closed) {
                    continue;
                }
                if (part.isAlive()) {
                    if (state == PartState.RESTARTING) {
                        // a failed start (e.g. not ready in time) whose process came up after all
                        state = PartState.UP;
                        changed.run();
                    }
                    if (failures > 0
                            && System.nanoTime() - upSince
                                    > backoff.stableAfter().toNanos()) {
                        failures = 0;
                    }
                    continue;
                }
                failures++;
                restarts.incrementAndGet();
                state = PartState.RESTARTING;
                Duration delay = backoff.delay(failures);
                if (!failedBefore) {
                    downSince = System.nanoTime();
                    log.accept(String.format(
                            Locale.ROOT,
                            "%s exited (pid %d); restarting in %s (restart %d)",
                            part.name(),
                            lastPid,
                            seconds(delay),
                            restarts.get()));
                }
                changed.run();
                Thread.sleep(delay.toMillis());
                failedBefore = !restart(downSince, failures);
                if (!failedBefore) {
                    upSince = System.nanoTime();
                }
            }
        } catch (InterruptedException closing) {
            // close(): the stack or the platform is shutting down
        }
    }

    /** One restart attempt; false if it failed (the next one follows after the next delay). */
    private boolean restart(long downSince, int failures) {
        startStop.lock();
        try {
            if (held || closed) {
                return true;
            }
            part.start();
            part.pid().ifPresent(pid -> lastPid = pid);
            state = PartState.UP;
            log.accept(String.format(
                    Locale.ROOT,
                    "%s is back (pid %d), %.1f s after it was found down (restart %d)",
                    part.name(),
                    lastPid,
                    (System.nanoTime() - downSince) / 1e9,
                    restarts.get()));
            return true;
        } catch (Exception e) {
            if (closed) {
                return true;
            }
            log.accept(String.format(
                    Locale.ROOT,
                    "restart %d of %s failed (%s); next try in %s",
                    restarts.get(),
                    part.name(),
                    e.getMessage(),
                    seconds(backoff.delay(failures + 1))));
            return false;
        } finally {
            startStop.unlock();
            changed.run();
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0
                ? duration.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
