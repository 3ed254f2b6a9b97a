package org.parley.cases.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.awaitility.Awaitility.await;

/**
 * Two transactions of the test database held open on their own connections, so a test can commit one while the other
 * waits for a lock: how two writers that take rows in opposite orders deadlock, and how the triggers must not.
 */
public final class ConcurrentCommits {

    private ConcurrentCommits() {}

    /** A connection of {@code dataSource} in a transaction of its own (not the test's). */
    public static Connection openTransaction(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    /** Runs {@code statement} on {@code connection}, {@code id} as its one parameter when given. */
    public static void execute(Connection connection, String statement, String... id) throws SQLException {
        try (PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < id.length; i++) {
                prepared.setObject(i + 1, UUID.fromString(id[i]));
            }
            prepared.execute();
        }
    }

    /**
     * Commits {@code connection} on another thread, returning once that commit waits for a lock another transaction
     * holds (failing if it commits without waiting); the future completes when it has committed, or fails with the
     * database's error (a deadlock, say).
     */
    public static CompletableFuture<Void> commitWaitingForALock(DataSource dataSource, Connection connection)
            throws SQLException {
        int process = backendProcess(connection);
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> {
            try {
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (commit.isDone()) {
                // Nothing held it up: the case the test means to stage did not happen.
                throw new AssertionError("the commit waited for no lock");
            }
            return waitsForALock(dataSource, process);
        });
        return commit;
    }

    /** Waits for {@code commit} (bounded generously: a busy machine is slow, never stuck). */
    public static void committed(CompletableFuture<Void> commit) throws Exception {
        commit.get(60, TimeUnit.SECONDS);
    }

    private static int backendProcess(Connection connection) throws SQLException {
        try (PreparedStatement process = connection.prepareStatement("SELECT pg_backend_pid()");
                ResultSet rows = process.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static boolean waitsForALock(DataSource dataSource, int process) throws SQLException {
        try (Connection watcher = dataSource.getConnection();
                PreparedStatement waiting = watcher.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE pid = ? AND wait_event_type = 'Lock'")) {
            waiting.setInt(1, process);
            try (ResultSet rows = waiting.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 1;
            }
        }
    }
}
