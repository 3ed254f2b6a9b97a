package org.parley.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL 17 from zonky's embedded binaries, with its data kept under the state directory. Every connection,
 * local socket or TCP, must prove the superuser's password (scram-sha-256; the password is in
 * {@link StackOptions#postgresPasswordFile()}); durability follows {@link StackOptions#durable()}.
 */
final class PostgresServer {

    /** Our pg_hba.conf: no trust, no peer; only the password, for every database, user and address. */
    static final String PG_HBA = String.join(
            "\n",
            "# Written by Parley's local stack (PostgresServer) at every start: every connection proves the password.",
            "# TYPE  DATABASE     USER  ADDRESS       METHOD",
            "local   all          all                 scram-sha-256",
            "host    all          all   127.0.0.1/32  scram-sha-256",
            "host    all          all   ::1/128       scram-sha-256",
            "local   replication  all                 scram-sha-256",
            "host    replication  all   127.0.0.1/32  scram-sha-256",
            "host    replication  all   ::1/128       scram-sha-256",
            "");

    /** The service databases; each service owns one. */
    static final List<String> DATABASES = List.of("cases", "interviews", "access", "events");

    private final Path baseDir;
    private final Path logFile;
    private final int port;
    private final Path passwordFile;
    private final Map<String, String> durability;
    private EmbeddedPostgres postgres;
    // The postmaster that start() launched: pg_ctl starts it, so it is no child of ours to watch. Volatile, not
    // guarded: health reads it while a start holds the lock for minutes.
    private volatile ProcessHandle postmaster;
    private boolean stopped;

    PostgresServer(StackOptions options) {
        this.baseDir = options.stateDir().resolve("postgres");
        this.logFile = options.logsDir().resolve("postgres.log");
        this.port = options.postgresPort();
        this.passwordFile = options.postgresPasswordFile();
        this.durability = options.postgresDurabilitySettings();
    }

    synchronized void start() throws IOException, SQLException, InterruptedException {
        if (stopped || isAlive()) {
            return;
        }
        Path dataDir = baseDir.resolve("data");
        forgetDeadServer();
        // zonky deletes "stale" data directories it finds in its scratch folder; keep ours outside of it.
        Path scratchDir = baseDir.resolve("scratch");
        Files.createDirectories(scratchDir);
        System.setProperty("ot.epg.working-dir", scratchDir.toString());
        stopLeftoverPostmaster(dataDir);
        endOrphanedBackends();
        String password = PostgresPassword.readOrCreate(passwordFile);
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        // zonky starts the postmaster with -F (fsync off) and synchronous_commit=off; -c options given later win.
        durability.forEach(builder::setServerConfig);
        postgres = builder.setOverrideWorkingDirectory(baseDir.toFile())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // LocalStack's own hook stops everything in order
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setLocaleConfig("locale", "C")
                // zonky's initdb runs with "-A trust"; these come after it and win: a new data directory asks for
                // the password from its first start on. (setLocaleConfig passes any initdb option as --key=value.)
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", passwordFile.toString())
                // zonky's own readiness check and getPostgresDatabase() connect with it
                .setConnectConfig("password", password)
                .setPGStartupWait(Duration.ofSeconds(180))
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start();
        postmaster = postmaster(dataDir).orElse(null);
        requirePassword(dataDir, password);
        createMissingDatabases();
    }

    /**
     * After the postmaster was killed (kill -9, OOM killer), zonky's handle still holds its lock on the data
     * directory; closing it releases that lock (its pg_ctl stop fails harmlessly: nothing left to stop).
     */
    private void forgetDeadServer() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // the server is gone already; only the lock mattered
        }
        postgres = null;
        postmaster = null;
    }

    /**
     * Backends of a killed postmaster end by themselves once they notice, but until then they hold its shared
     * memory, and a new postmaster refuses to start ("pre-existing shared memory block is still in use"). Only
     * processes of this stack's own PostgreSQL binaries are ended; a live postmaster has been stopped before.
     */
    private void endOrphanedBackends() {
        ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .command()
                        .map(c -> c.startsWith(baseDir.toString()))
                        .orElse(false))
                .forEach(orphan -> {
                    System.out.println("ending PostgreSQL process " + orphan.pid() + " left by a killed postmaster");
                    Processes.terminate(orphan, Duration.ofSeconds(10));
                });
    }

    /**
     * A data directory made before the stack asked for a password (initdb -A trust, no password) is migrated:
     * the superuser gets the password, then pg_hba.conf is rewritten and reloaded. Until that reload, which follows
     * within the same start, that one old directory still trusts local connections as it always did.
     */
    private void requirePassword(Path dataDir, String password) throws IOException, SQLException {
        Path hba = dataDir.resolve("pg_hba.conf");
        if (Files.exists(hba) && Files.readString(hba).equals(PG_HBA)) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            // The password is base64url (PostgresPassword), so quoting it is safe; ALTER ROLE takes no parameters.
            statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Path temporary = hba.resolveSibling("pg_hba.conf.tmp");
            Files.writeString(temporary, PG_HBA);
            Files.setPosixFilePermissions(temporary, PostgresPassword.OWNER_ONLY);
            Files.move(temporary, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (ResultSet reloaded = statement.executeQuery("SELECT pg_reload_conf()")) {
                if (!reloaded.next() || !reloaded.getBoolean(1)) {
                    throw new IllegalStateException("PostgreSQL did not reload pg_hba.conf");
                }
            }
        }
        System.out.println("PostgreSQL now asks for the password in " + passwordFile);
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
            postmaster = null;
        }
    }

    /** Whether the postmaster process is there (a killed one is not, whatever zonky's handle says). */
    boolean isAlive() {
        ProcessHandle current = postmaster;
        return current != null && current.isAlive();
    }

    /** Whether PostgreSQL is up: its postmaster alive and accepting connections on the port. */
    boolean isRunning() {
        return isAlive() && Readiness.acceptsConnections(port);
    }

    OptionalLong pid() {
        ProcessHandle current = postmaster;
        return current == null ? OptionalLong.empty() : OptionalLong.of(current.pid());
    }

    synchronized void stop() {
        stopped = true;
        if (postgres != null) {
            Optional<ProcessHandle> postmaster = postmaster(baseDir.resolve("data"));
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("closing PostgreSQL failed: " + e);
            }
            // zonky's pg_ctl stop gives up after 5 s; with fsync on, the shutdown checkpoint of a busy machine can
            // take longer. The postmaster finishes it anyway: wait for that, so the next start finds it gone.
            postmaster.ifPresent(process -> Processes.awaitExit(process, Duration.ofSeconds(60)));
            postgres = null;
            this.postmaster = null;
        }
    }

    private static Optional<ProcessHandle> postmaster(Path dataDir) {
        try {
            return ProcessHandle.of(Long.parseLong(
                    Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    int port() {
        return port;
    }
}
