package org.parley.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * .parley/platform.json: the supervisor's pid and, for each part it runs, its pid, state and restarts. The
 * supervisor rewrites it at every change; {@code down}, {@code start} and {@code status} read it.
 */
record PlatformState(long supervisorPid, List<Part> parts) {

    /** One part as the supervisor last saw it; pid 0 while it has no process. */
    record Part(String name, long pid, String state, int restarts, int port, int managementPort) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path file(Path state) {
        return state.resolve("platform.json");
    }

    /** Written to a temporary file first, then moved: a reader never sees half a file. */
    void writeTo(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The file's content, if there is one. A file of a launcher from before supervision ({@code stackPid},
     * {@code services}) reads as parts without a supervisor, so that its processes can still be stopped.
     */
    static Optional<PlatformState> readFrom(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root = JSON.readTree(file.toFile());
        if (root.has("parts")) {
            return Optional.of(JSON.treeToValue(root, PlatformState.class));
        }
        List<Part> parts = new ArrayList<>();
        for (JsonNode service : root.path("services")) {
            parts.add(new Part(
                    service.path("name").asText(),
                    service.path("pid").asLong(),
                    "unknown",
                    0,
                    service.path("port").asInt(),
                    service.path("managementPort").asInt()));
        }
        parts.add(new Part("stack", root.path("stackPid").asLong(), "unknown", 0, 0, 0));
        return Optional.of(new PlatformState(0, parts));
    }

    Optional<ProcessHandle> supervisor() {
        return alive(supervisorPid);
    }

    /** The live process of that pid, unless the pid now belongs to something that is plainly not Parley's. */
    static Optional<ProcessHandle> alive(long pid) {
        return pid <= 0
                ? Optional.empty()
                : ProcessHandle.of(pid)
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> p.info()
                                .commandLine()
                                .map(line -> line.contains("parley"))
                                .orElse(true));
    }
}
