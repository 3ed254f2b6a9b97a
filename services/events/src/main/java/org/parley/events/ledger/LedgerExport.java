package org.parley.events.ledger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.policy.SqlFragment;
import org.parley.policy.Viewer;

/**
 * Writes a range of the chain as JSON Lines ({@link ExportFormat}), row by row from a database cursor: nothing
 * is held in memory but the line being written. The range is the entries recorded in [from, to), extended to the
 * first checkpoint at or after its last entry so that a signature covers every line; entries newer than the newest
 * checkpoint are left out. Entries the viewer may not read, and those after the range, are written sealed.
 */
@ApplicationScoped
public class LedgerExport {

    /** A plain mapper, not the service's: the file's format must not change with the service's JSON settings. */
    private final ObjectMapper json = new ObjectMapper();

    private final DataSource dataSource;
    private final LedgerSigner signer;
    private final Clock clock;

    @Inject
    public LedgerExport(DataSource dataSource, LedgerSigner signer, Clock clock) {
        this.dataSource = dataSource;
        this.signer = signer;
        this.clock = clock;
    }

    /** The range asked for, as given (for the header) and as instants (null: open). */
    public record Range(String fromText, String toText, Instant from, Instant to) {}

    /**
     * Writes the export to {@code out}. Its own connection: the body is written after the resource method returned
     * (and its transaction ended), and a PostgreSQL cursor needs a transaction that lasts as long as the writing.
     */
    public void write(Viewer viewer, Range range, OutputStream out) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                write(connection, viewer, range, writer);
                writer.flush();
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            // The file then lacks its end line, which the verifier reports as cut short.
            throw new IOException("the ledger export could not be read: " + e.getSQLState(), e);
        }
    }

    private void write(Connection connection, Viewer viewer, Range range, Writer writer)
            throws SQLException, IOException {
        long[] bounds = bounds(connection, range);
        Long first = bounds == null ? null : bounds[0];
        Long cover = bounds == null ? null : bounds[2];
        CheckpointKeys keys = signer.keys();
        line(
                writer,
                ExportFormat.header(
                        json,
                        range.fromText(),
                        range.toText(),
                        first,
                        cover,
                        clock.instant(),
                        keys.signingKeyId(),
                        keys.publicKeyBase64()));
        long chainLines = 0;
        long checkpoints = 0;
        if (bounds != null) {
            SqlFragment scope = LedgerQuery.scope(viewer);
            String sql = "SELECT " + LedgerEntry.columns("l") + ", COALESCE((" + scope.sql() + "), false),"
                    + " c.hash, c.algorithm, c.key_id, c.signature, c.signed_at"
                    + LedgerQuery.FROM_SCOPED
                    + " LEFT JOIN ledger_checkpoint c ON c.sequence = l.sequence"
                    + " WHERE l.sequence BETWEEN ? AND ? ORDER BY l.sequence";
            List<Object> parameters = new ArrayList<>(scope.parameters());
            parameters.add(bounds[0]);
            parameters.add(bounds[2]);
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setFetchSize(1000);
                for (int i = 0; i < parameters.size(); i++) {
                    query.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    int next = LedgerEntry.COLUMNS + 1;
                    while (rows.next()) {
                        LedgerEntry entry = LedgerEntry.read(rows, 1);
                        boolean readable = rows.getBoolean(next) && entry.sequence() <= bounds[1];
                        line(
                                writer,
                                readable
                                        ? ExportFormat.entry(json, entry)
                                        : ExportFormat.sealed(json, entry.sequence(), entry.prevHash(), entry.hash()));
                        chainLines++;
                        String signedHash = rows.getString(next + 1);
                        if (signedHash != null) {
                            line(
                                    writer,
                                    ExportFormat.checkpoint(
                                            json,
                                            entry.sequence(),
                                            signedHash,
                                            rows.getString(next + 2),
                                            rows.getString(next + 3),
                                            rows.getString(next + 4),
                                            rows.getObject(next + 5, OffsetDateTime.class)
                                                    .toInstant()));
                            checkpoints++;
                        }
                    }
                }
            }
        }
        line(writer, ExportFormat.end(json, cover, chainLines, checkpoints));
    }

    /**
     * The first and last sequence recorded in the range (the last no newer than the newest checkpoint) and the
     * checkpoint covering the last; null when the range holds no signed entry.
     */
    private static long[] bounds(Connection connection, Range range) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT min(sequence), max(sequence) FROM ledger_entry WHERE true");
        List<Object> parameters = new ArrayList<>();
        if (range.from() != null) {
            sql.append(" AND recorded_at >= ?");
            parameters.add(OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC));
        }
        if (range.to() != null) {
            sql.append(" AND recorded_at < ?");
            parameters.add(OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC));
        }
        sql.append(" AND sequence <= (SELECT COALESCE(max(sequence), 0) FROM ledger_checkpoint)");
        long first;
        long last;
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                first = row.getLong(1);
                if (row.wasNull()) {
                    return null;
                }
                last = row.getLong(2);
            }
        }
        try (PreparedStatement query =
                connection.prepareStatement("SELECT min(sequence) FROM ledger_checkpoint WHERE sequence >= ?")) {
            query.setLong(1, last);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new long[] {first, last, row.getLong(1)};
            }
        }
    }

    private void line(Writer writer, ObjectNode line) throws IOException {
        writer.write(json.writeValueAsString(line));
        writer.write('\n');
    }
}
