package org.parley.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Starting and ending child processes so that none outlives the stack. */
final class Processes {

    /**
     * Every child JVM gets this system property with the state directory as value, so a later start can find and
     * end children that a killed stack (SIGKILL, OOM) left behind.
     */
    static final String STATE_MARKER = "-Dparley.stack.state=";

    private Processes() {}

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String marker(Path stateDir) {
        return STATE_MARKER + stateDir;
    }

    /**
     * SIGTERM to the process, then SIGKILL to it and to whatever it started if it is still there after the grace
     * period. The descendants are collected first: once the parent is gone they are re-parented and lost to us.
     */
    static void terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList());
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit(process, grace)) {
                process.destroyForcibly();
                awaitExit(process, Duration.ofSeconds(10));
            }
        }
        for (ProcessHandle descendant : descendants) {
            if (descendant.isAlive()) {
                descendant.destroy();
                if (!awaitExit(descendant, grace)) {
                    descendant.destroyForcibly();
                    awaitExit(descendant, Duration.ofSeconds(10));
                }
            }
        }
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }

    /** Ends children that an earlier, killed run of a stack on the same state directory left running. */
    static void endLeftovers(Path stateDir) {
        endLeftovers(stateDir, commandLine -> true);
    }

    /** {@link #endLeftovers(Path)}, limited to the processes whose command line passes the filter. */
    static void endLeftovers(Path stateDir, Predicate<String> commandLineFilter) {
        String marker = marker(stateDir);
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                // Whole argument only: the marker of /tmp/stack must not match a process of /tmp/stack2.
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> (c.contains(marker + " ") || c.endsWith(marker)) && commandLineFilter.test(c))
                        .orElse(false))
                .forEach(p -> {
                    System.out.println("ending process " + p.pid() + " left behind by an earlier stack on " + stateDir);
                    terminate(p, Duration.ofSeconds(30));
                });
    }

    /** Sends a signal by name (e.g. INT, which PostgreSQL takes as "fast shutdown") through kill(1). */
    static void signal(long pid, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
    }
}
