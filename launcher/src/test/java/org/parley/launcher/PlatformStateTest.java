package org.parley.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformStateTest {

    @TempDir
    Path state;

    @Test
    void roundTrip() throws Exception {
        PlatformState written = new PlatformState(
                ProcessHandle.current().pid(),
                List.of(
                        new PlatformState.Part("stack", 11, "up", 0, 0, 0),
                        new PlatformState.Part("cases", 12, "restarting", 3, 8081, 9081)));

        written.writeTo(PlatformState.file(state));

        assertThat(PlatformState.readFrom(PlatformState.file(state))).contains(written);
        assertThat(Files.list(state)).containsExactly(PlatformState.file(state)); // no temporary file left
        assertThat(PlatformState.readFrom(state.resolve("none.json"))).isEmpty();
    }

    @Test
    void aFileFromBeforeSupervisionReadsAsPartsWithoutSupervisor() throws Exception {
        Files.writeString(PlatformState.file(state), """
                {"stackPid": 21, "services": [{"name": "cases", "pid": 22, "port": 8081, "managementPort": 9081}]}
                """);

        PlatformState read = PlatformState.readFrom(PlatformState.file(state)).orElseThrow();

        assertThat(read.supervisor()).isEmpty();
        assertThat(read.parts())
                .containsExactly(
                        new PlatformState.Part("cases", 22, "unknown", 0, 8081, 9081),
                        new PlatformState.Part("stack", 21, "unknown", 0, 0, 0));
    }
}
