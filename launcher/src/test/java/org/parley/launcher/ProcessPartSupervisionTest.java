package org.parley.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.stack.supervision.Backoff;
import org.parley.stack.supervision.PartState;
import org.parley.stack.supervision.PartSupervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The supervisor's way of keeping a child running, on a real child (sh), killed with SIGKILL. */
class ProcessPartSupervisionTest {

    @TempDir
    Path dir;

    @Test
    void aKilledChildIsStartedAgainWithTheSameCommand() throws Exception {
        Path starts = dir.resolve("starts");
        ProcessPart part = new ProcessPart("sleeper", 0, () -> child(starts), Duration.ofSeconds(5));
        List<String> log = new CopyOnWriteArrayList<>();
        PartSupervisor supervision = new PartSupervisor(
                part,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(1)),
                Duration.ofMillis(100),
                log::add,
                () -> {});
        try {
            part.start();
            long first = part.pid().getAsLong();
            supervision.watch();

            ProcessHandle.of(first).orElseThrow().destroyForcibly();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> part.isAlive() && part.pid().getAsLong() != first);
            await().atMost(Duration.ofSeconds(5)).until(() -> supervision.state() == PartState.UP);
            assertThat(Files.readAllLines(starts)).containsExactly("started", "started");
            assertThat(supervision.restarts()).isEqualTo(1);
            assertThat(log.get(0)).isEqualTo("sleeper exited (pid " + first + "); restarting in 0.1 s (restart 1)");
        } finally {
            supervision.close();
            part.stop();
        }
        assertThat(part.isAlive()).isFalse();
    }

    @Test
    void theLogIsFollowedUntilTheReadyLineOrUntilTheWriterExits() throws Exception {
        Path log = dir.resolve("supervisor.log");
        Files.writeString(log, "an earlier run\n");
        long offset = Files.size(log);
        Process ready = new ProcessBuilder(
                        "sh", "-c", "echo starting; sleep 0.3; echo 'Parley is up in 1.0 s.'; sleep 30")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            assertThat(new LogFollower(log, offset).printUntil("Parley is up in ", ready))
                    .isTrue();
        } finally {
            ready.destroyForcibly();
        }
        Process failing = new ProcessBuilder("sh", "-c", "echo 'it broke'; exit 1")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        assertThat(new LogFollower(log, Files.size(log)).printUntil("Parley is up in ", failing))
                .isFalse();
    }

    /** A child like a service: a process that records its start and runs until stopped. */
    private static ProcessPart.Child child(Path starts) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", "echo started >> '" + starts + "'; exec sleep 600").start();
        return new ProcessPart.Child() {
            @Override
            public ProcessHandle handle() {
                return process.toHandle();
            }

            @Override
            public Duration awaitReady() throws Exception {
                await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(starts));
                return Duration.ZERO;
            }
        };
    }
}
