package org.parley.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Polls a readiness check until it passes, the watched process dies, or time runs out. */
final class Readiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private Readiness() {}

    static void await(String what, Duration timeout, Process process, BooleanSupplier check)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (check.getAsBoolean()) {
                return;
            }
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(
                        what + " exited with code " + process.exitValue() + " before it was ready");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not ready after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
