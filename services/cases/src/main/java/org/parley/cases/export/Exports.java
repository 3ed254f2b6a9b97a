package org.parley.cases.export;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;
import org.parley.cases.api.CodedCase;
import org.parley.cases.api.codebook.WrittenDate;
import org.parley.cases.casefile.CaseDocuments;
import org.parley.cases.casefile.CaseViews;
import org.parley.cases.casefile.StoredCase;
import org.parley.cases.coded.ExcerptCitations;
import org.parley.cases.search.VisibleCases;
import org.parley.gate.CaseGate;
import org.parley.messaging.Envelopes;
import org.parley.policy.Section;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;
import org.parley.proto.v1.Envelope;

/**
 * Exports: the cases of the list's statement ({@link VisibleCases#every}) under the ceiling, counted, recorded in the
 * ledger, then streamed from a cursor, one case at a time, so memory stays flat whatever the count. The count and the
 * rows come from one snapshot (a repeatable-read transaction), so the ledger's count is the file's.
 */
@ApplicationScoped
public class Exports {

    private static final Logger LOG = Logger.getLogger(Exports.class);

    /** Rows fetched from the cursor at a time. */
    static final int FETCH_SIZE = 200;

    private static final List<Section> FLAGGED =
            List.of(Section.HEADER, Section.CONTEXT, Section.PROCESS, Section.RESULTS);

    private final AgroalDataSource dataSource;
    private final CaseGate access;
    private final ExportLedger ledger;
    private final CaseDocuments documents;
    private final ExcerptCitations citations;
    private final ObjectMapper json;

    @Inject
    public Exports(
            AgroalDataSource dataSource,
            CaseGate access,
            ExportLedger ledger,
            CaseDocuments documents,
            ExcerptCitations citations,
            ObjectMapper json) {
        this.dataSource = dataSource;
        this.access = access;
        this.ledger = ledger;
        this.documents = documents;
        this.citations = citations;
        this.json = json;
    }

    /** An export ready to stream, already in the ledger. */
    public record Started(Watermark watermark, long count, StreamingOutput body) {}

    /**
     * Counts the export, records it in the ledger (committed), and answers the body that streams it. Under
     * PUBLICLY_KNOWN the cases are read as the anonymous reader reads the public register; under RESULTS_PUBLIC the
     * reader's own view without SECRET cases; under SECRET the reader's own view.
     *
     * @param readerName the reader's user name, for the watermark
     */
    public Started start(Viewer reader, String readerName, ExportRequest request) {
        if (access.isStale()) {
            throw access.stale();
        }
        Viewer as = request.ceiling().readAs(reader);
        Tier strictest = request.ceiling().strictestCase();
        Snapshot snapshot = Snapshot.open(dataSource);
        try {
            long count;
            try (PreparedStatement counting = VisibleCases.countEvery(as, request.query(), request.mine(), strictest)
                            .prepare(snapshot.connection());
                    ResultSet rows = counting.executeQuery()) {
                rows.next();
                count = rows.getLong(1);
            }
            Envelope recorded = ledger.record(reader, request, count);
            Watermark watermark = new Watermark(
                    readerName, reader.subject(), Envelopes.instant(recorded.getOccurredAt()), recorded.getEventId());
            VisibleCases.Statement every = VisibleCases.every(as, request.query(), request.mine(), strictest);
            // taken now: the file streams after the request, and excerpt citations are asked with it
            String token = as.isAnonymous() ? null : citations.readerToken();
            boolean anonymous = as.isAnonymous();
            return new Started(
                    watermark, count, out -> stream(snapshot, every, watermark, request, count, token, anonymous, out));
        } catch (SQLException e) {
            snapshot.close();
            throw new IllegalStateException("export not counted", e);
        } catch (RuntimeException e) {
            snapshot.close();
            throw e;
        }
    }

    private void stream(
            Snapshot snapshot,
            VisibleCases.Statement every,
            Watermark watermark,
            ExportRequest request,
            long count,
            String readerToken,
            boolean anonymous,
            OutputStream out)
            throws IOException {
        try (snapshot;
                PreparedStatement statement = every.prepare(snapshot.connection())) {
            statement.setFetchSize(FETCH_SIZE);
            ExportWriter writer = ExportWriter.of(request.format(), out, json);
            writer.begin(watermark, request, count);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    writer.write(coded(rows, readerToken, anonymous));
                }
            }
            writer.end();
        } catch (SQLException e) {
            // The ledger holds the export already; the client sees a cut-off file, never a second answer.
            LOG.errorf("export %s failed while streaming (SQL state %s)", watermark.ledger(), e.getSQLState());
            throw new IOException("export failed while streaming", null);
        }
    }

    /** One row of {@link VisibleCases#every} as the coded view this reader gets of the case. */
    private CodedCase coded(ResultSet row, String readerToken, boolean anonymous) throws SQLException {
        Tier tier = Tier.valueOf(row.getString(7));
        boolean released = row.getBoolean(8);
        Set<Section> sections = EnumSet.noneOf(Section.class);
        for (int i = 0; i < FLAGGED.size(); i++) {
            if (row.getBoolean(10 + i)) {
                sections.add(FLAGGED.get(i));
            }
        }
        Date start = row.getDate(18);
        Date end = row.getDate(19);
        StoredCase stored = new StoredCase(
                row.getObject(1, UUID.class),
                row.getLong(2),
                row.getLong(3),
                row.getLong(4),
                row.getLong(5),
                row.getLong(6),
                row.getString(14),
                row.getString(15),
                row.getString(16),
                row.getString(17),
                start == null ? null : start.toLocalDate(),
                end == null ? null : end.toLocalDate(),
                row.getString(20),
                row.getString(21),
                row.getString(22),
                row.getString(23),
                // an importer's reference is not the register's: a PUBLICLY_KNOWN export is the register
                anonymous ? null : row.getString(26));
        CodedCase.WrittenPeriod period = new CodedCase.WrittenPeriod(
                WrittenDate.asWritten(row.getString(24), stored.periodStart()),
                WrittenDate.asWritten(row.getString(25), stored.periodEnd()));
        return CaseViews.coded(
                stored,
                period,
                tier,
                released,
                sections,
                documents,
                citations.citableIn(stored.codedSections(sections), readerToken));
    }

    /**
     * A connection of its own: the cursor stays open while the response streams, after the request method (and any
     * transaction of it) has returned. Read-only, repeatable read: one snapshot for the count and the rows.
     */
    private record Snapshot(Connection connection) implements AutoCloseable {

        static Snapshot open(AgroalDataSource dataSource) {
            try {
                Connection connection = dataSource.getConnection();
                try {
                    connection.setAutoCommit(false);
                    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    connection.setReadOnly(true);
                    return new Snapshot(connection);
                } catch (SQLException e) {
                    connection.close();
                    throw e;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("no connection for an export", e);
            }
        }

        @Override
        public void close() {
            try {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                LOG.warnf("an export's connection could not be reset (SQL state %s)", e.getSQLState());
            } finally {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.warnf("an export's connection could not be closed (SQL state %s)", e.getSQLState());
                }
            }
        }
    }
}
