package org.parley.stack.supervision;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Supervision of a real child process (sleep), killed with SIGKILL; short delays so that it runs in seconds. */
class PartSupervisorTest {

    private static final Backoff FAST =
            new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(1));

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final SleepingChild child = new SleepingChild();
    private final AtomicInteger changes = new AtomicInteger();
    private final PartSupervisor supervisor =
            new PartSupervisor(child, FAST, Duration.ofMillis(100), log::add, changes::incrementAndGet);

    @AfterEach
    void stop() {
        supervisor.close();
        child.kill();
    }

    @Test
    void aKilledProcessIsStartedAgainAndTheLogSaysSo() throws Exception {
        child.start();
        long first = child.pid().getAsLong();
        supervisor.watch();

        child.kill();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> child.isAlive() && child.pid().getAsLong() != first);
        await().atMost(Duration.ofSeconds(5)).until(() -> supervisor.state() == PartState.UP);
        assertThat(supervisor.restarts()).isEqualTo(1);
        assertThat(changes.get()).isPositive();
        assertThat(log.get(0)).isEqualTo("sleeper exited (pid " + first + "); restarting in 0.1 s (restart 1)");
        await().atMost(Duration.ofSeconds(5)).until(() -> log.size() == 2);
        assertThat(log.get(1)).startsWith("sleeper is back (pid " + child.pid().getAsLong() + "), ");
    }

    @Test
    void failedStartsAreRetriedWithGrowingDelays() throws Exception {
        child.start();
        supervisor.watch();
        child.failNextStarts(2);

        child.kill();

        await().atMost(Duration.ofSeconds(30)).until(child::isAlive);
        await().atMost(Duration.ofSeconds(5)).until(() -> supervisor.state() == PartState.UP);
        assertThat(supervisor.restarts()).isEqualTo(3);
        assertThat(log.get(0)).endsWith("restarting in 0.1 s (restart 1)");
        assertThat(log.get(1)).isEqualTo("restart 1 of sleeper failed (refused on purpose); next try in 0.2 s");
        assertThat(log.get(2)).isEqualTo("restart 2 of sleeper failed (refused on purpose); next try in 0.4 s");
        assertThat(log.get(3)).contains("is back", "(restart 3)");
    }

    @Test
    void aPartStoppedOnPurposeStaysDownUntilStartedOnPurpose() throws Exception {
        child.start();
        supervisor.watch();

        supervisor.stopOnPurpose(child::kill);
        Thread.sleep(1000); // ten polls

        assertThat(child.isAlive()).isFalse();
        assertThat(supervisor.state()).isEqualTo(PartState.DOWN);
        assertThat(supervisor.restarts()).isZero();
        assertThat(log).isEmpty();

        supervisor.startOnPurpose(child::start);
        assertThat(supervisor.state()).isEqualTo(PartState.UP);
        child.kill();
        await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.restarts() == 1 && child.isAlive());
    }

    /** A `sleep 600` that the supervisor restarts; can be told to refuse starts. */
    private static final class SleepingChild implements SupervisedPart {
        private volatile Process process;
        private final AtomicInteger refusals = new AtomicInteger();

        @Override
        public String name() {
            return "sleeper";
        }

        @Override
        public void start() throws Exception {
            if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("refused on purpose");
            }
            process = new ProcessBuilder("sleep", "600").start();
        }

        void failNextStarts(int count) {
            refusals.set(count);
        }

        void kill() {
            Process current = process;
            if (current != null) {
                current.destroyForcibly(); // SIGKILL
                try {
                    current.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public boolean isAlive() {
            Process current = process;
            return current != null && current.isAlive();
        }

        @Override
        public OptionalLong pid() {
            Process current = process;
            return current == null ? OptionalLong.empty() : OptionalLong.of(current.pid());
        }
    }
}
