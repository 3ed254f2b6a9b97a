package org.parley.stack;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The processes (Maven runs) a test stack serves. Started with --watch-pid, the stack stops once all of them have
 * exited; later Maven runs that reuse the stack join through {@code POST /watch?pid=N}. A stack started without
 * --watch-pid (a developer's, or PARLEY_TEST_STACK_KEEP=1) never stops by itself, so joining it changes nothing.
 */
final class BuildWatch {

    private final Set<Long> watched = new HashSet<>();
    private final Runnable whenAllGone;
    private boolean enabled;
    private boolean allGone;

    BuildWatch(Runnable whenAllGone) {
        this.whenAllGone = whenAllGone;
    }

    /**
     * Starts watching the process (a pid that is already gone is ignored). False only when the stack is already
     * stopping because every watched process has exited: the caller must not count on it.
     */
    boolean join(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        synchronized (this) {
            if (allGone) {
                return false;
            }
            if (process.isEmpty() || !watched.add(pid)) {
                return true;
            }
            enabled = true;
        }
        // nothing waits for this future: the exit itself is the event
        var unused = process.get().onExit().thenRun(() -> exited(pid));
        return true;
    }

    /** Only a stack started with --watch-pid lets others join. */
    synchronized boolean joinable() {
        return enabled;
    }

    private void exited(long pid) {
        synchronized (this) {
            watched.remove(pid);
            if (!watched.isEmpty() || allGone) {
                return;
            }
            allGone = true;
        }
        System.out.println("process " + pid + " exited, and no other watched process is left: stopping the stack");
        whenAllGone.run();
    }
}
