package org.parley.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** PostgreSQL 17 from zonky's embedded binaries, with its data kept under the state directory. */
final class PostgresServer {

    /** The service databases; each service owns one. */
    static final List<String> DATABASES = List.of("cases", "interviews", "access", "events");

    private final Path baseDir;
    private final Path logFile;
    private final int port;
    private EmbeddedPostgres postgres;
    private boolean stopped;

    PostgresServer(StackOptions options) {
        this.baseDir = options.stateDir().resolve("postgres");
        this.logFile = options.logsDir().resolve("postgres.log");
        this.port = options.postgresPort();
    }

    synchronized void start() throws IOException, SQLException, InterruptedException {
        if (stopped) {
            return;
        }
        Path dataDir = baseDir.resolve("data");
        // zonky deletes "stale" data directories it finds in its scratch folder; keep ours outside of it.
        Path scratchDir = baseDir.resolve("scratch");
        Files.createDirectories(scratchDir);
        System.setProperty("ot.epg.working-dir", scratchDir.toString());
        stopLeftoverPostmaster(dataDir);
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(baseDir.toFile())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // LocalStack's own hook stops everything in order
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setLocaleConfig("locale", "C")
                .setPGStartupWait(Duration.ofSeconds(180))
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start();
        createMissingDatabases();
    }

    private void createMissingDatabases() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String database : DATABASES) {
                boolean exists;
                try (PreparedStatement query =
                        connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    query.setString(1, database);
                    try (ResultSet rows = query.executeQuery()) {
                        exists = rows.next();
                    }
                }
                if (!exists) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + database);
                    }
                }
            }
        }
    }

    /** A postmaster outlives a killed stack JVM; it would hold the port and the data directory. */
    private void stopLeftoverPostmaster(Path dataDir) throws IOException, InterruptedException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException e) {
            return;
        }
        var leftover = ProcessHandle.of(pid)
                .filter(p -> p.info()
                        .command()
                        .map(c -> c.startsWith(baseDir.toString()))
                        .orElse(false));
        if (leftover.isPresent()) {
            System.out.println("stopping PostgreSQL " + pid + " left behind by an earlier stack");
            Processes.signal(pid, "INT"); // fast shutdown: ends client connections, checkpoints, exits
            if (!Processes.awaitExit(leftover.get(), Duration.ofSeconds(30))) {
                leftover.get().destroyForcibly();
            }
        }
    }

    /**
     * Stops the server as an outage would (fast shutdown: clients lose their connections), keeping its data; a
     * later {@link #start()} brings it back. Only tests of surviving a database outage use it.
     */
    synchronized void interrupt() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("stopping PostgreSQL for an outage failed: " + e);
            }
            postgres = null;
        }
    }

    synchronized boolean isRunning() {
        return postgres != null;
    }

    synchronized void stop() {
        stopped = true;
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("closing PostgreSQL failed: " + e);
            }
            postgres = null;
        }
    }

    int port() {
        return port;
    }
}
