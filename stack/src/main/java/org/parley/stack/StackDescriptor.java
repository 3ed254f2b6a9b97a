package org.parley.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The content of DIR/stack.json: where a running stack's services listen, and the file that holds PostgreSQL's
 * password (the password itself stays in that owner-only file). Written only once all are ready.
 */
public record StackDescriptor(
        long pid,
        int postgresPort,
        int kafkaPort,
        int keycloakPort,
        int controlPort,
        String jdbcBase,
        String kafkaBootstrap,
        String keycloakUrl,
        String postgresUser,
        String postgresPasswordFile) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The superuser every stack's PostgreSQL has. */
    static final String POSTGRES_USER = "postgres";

    /** The JDBC URL of the stack's PostgreSQL on {@code postgresPort}, to which a database's name is appended. */
    static String jdbcBase(int postgresPort) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/";
    }

    static StackDescriptor of(
            long pid, int postgresPort, int kafkaPort, int keycloakPort, int controlPort, Path postgresPasswordFile) {
        return new StackDescriptor(
                pid,
                postgresPort,
                kafkaPort,
                keycloakPort,
                controlPort,
                jdbcBase(postgresPort),
                "127.0.0.1:" + kafkaPort,
                "http://127.0.0.1:" + keycloakPort,
                POSTGRES_USER,
                postgresPasswordFile.toString());
    }

    /** Writes to a temporary file first so that readers never see half a file. */
    void writeTo(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static StackDescriptor readFrom(Path file) throws IOException {
        return JSON.readValue(file.toFile(), StackDescriptor.class);
    }
}
