package org.parley.interviews.crypto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * Re-wraps every record's data key under its KEK's current primary version, batch by batch (one
 * transaction per batch), reporting progress ("rotated 500/12000 content records"). The fields are not
 * re-encrypted: only the small wrapped key changes. Plain JDBC, so the same code runs inside the
 * service (see {@link KeyRotationJob}) and from the command line ({@link RotateKeys}).
 */
public final class KeyRotation {

    private static final Logger LOG = Logger.getLogger(KeyRotation.class);
    private static final UUID FIRST = new UUID(0, 0);

    /** Where a JDBC connection comes from: a pool in the service, the driver manager in the CLI. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** The outcome for one KEK: how many records needed a new wrapping, how many got it, how many failed. */
    public record Report(String kek, long total, long rotated, long failed) {
        public boolean complete() {
            return failed == 0 && rotated == total;
        }
    }

    private final Connections connections;
    private final EnvelopeCipher content;
    private final EnvelopeCipher identity;
    private final int batchSize;

    public KeyRotation(Connections connections, EnvelopeCipher content, EnvelopeCipher identity, int batchSize) {
        this.connections = connections;
        this.content = content;
        this.identity = identity;
        this.batchSize = batchSize;
    }

    /** Rotates the content records, then the identity vault. */
    public List<Report> rotateAll(Consumer<String> progress) throws SQLException {
        return List.of(rotate(Purpose.CONTENT, progress), rotate(Purpose.IDENTITY, progress));
    }

    public Report rotate(Purpose purpose, Consumer<String> progress) throws SQLException {
        Table table = Table.of(purpose);
        EnvelopeCipher cipher = purpose == Purpose.CONTENT ? content : identity;
        int primary = cipher.kek().primaryKeyId();
        long total = remaining(table, primary);
        long rotated = 0;
        long failed = 0;
        UUID after = FIRST;
        progress.accept("rotating " + total + " " + purpose.label() + " records");
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            while (true) {
                List<UUID> ids = new ArrayList<>();
                List<byte[]> keys = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT " + table.idColumn
                        + ", data_key FROM " + table.name + " WHERE data_key IS NOT NULL"
                        + " AND kek_key_id IS DISTINCT FROM ? AND " + table.idColumn + " > ?"
                        + " ORDER BY " + table.idColumn + " LIMIT ? FOR UPDATE")) {
                    select.setInt(1, primary);
                    select.setObject(2, after);
                    select.setInt(3, batchSize);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getObject(1, UUID.class));
                            keys.add(rows.getBytes(2));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    connection.commit();
                    break;
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE " + table.name
                        + " SET data_key = ?, kek_key_id = ? WHERE " + table.idColumn + " = ?")) {
                    for (int i = 0; i < ids.size(); i++) {
                        try {
                            EnvelopeCipher.Rewrapped rewrapped = cipher.rewrap(ids.get(i), keys.get(i));
                            update.setBytes(1, rewrapped.wrapped());
                            update.setInt(2, rewrapped.kekKeyId());
                            update.setObject(3, ids.get(i));
                            update.addBatch();
                            rotated++;
                        } catch (RecordIntegrityException e) {
                            failed++;
                            LOG.errorf("key rotation: %s record %s cannot be unwrapped", purpose.label(), ids.get(i));
                        }
                    }
                    update.executeBatch();
                }
                connection.commit();
                after = ids.get(ids.size() - 1);
                progress.accept("rotated " + rotated + "/" + total + " " + purpose.label() + " records"
                        + (failed > 0 ? " (" + failed + " failed)" : ""));
            }
        }
        return new Report(purpose.label(), total, rotated, failed);
    }

    /** Records of this purpose whose data key is still wrapped under a version other than the primary. */
    public long remainingOnOldVersions(Purpose purpose) throws SQLException {
        EnvelopeCipher cipher = purpose == Purpose.CONTENT ? content : identity;
        return remaining(Table.of(purpose), cipher.kek().primaryKeyId());
    }

    private long remaining(Table table, int primary) throws SQLException {
        try (Connection connection = connections.open();
                PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + table.name
                        + " WHERE data_key IS NOT NULL AND kek_key_id IS DISTINCT FROM ?")) {
            count.setInt(1, primary);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private enum Table {
        INTERVIEW("interview", "id"),
        IDENTITY("interview_identity", "interview_id");

        final String name;
        final String idColumn;

        Table(String name, String idColumn) {
            this.name = name;
            this.idColumn = idColumn;
        }

        static Table of(Purpose purpose) {
            return purpose == Purpose.CONTENT ? INTERVIEW : IDENTITY;
        }
    }
}
