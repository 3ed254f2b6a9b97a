package org.parley.events.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.parley.events.api.LedgerEntryView;
import org.parley.policy.SecrecySql;
import org.parley.policy.SqlFragment;
import org.parley.policy.Viewer;

/**
 * The auditor's view of the ledger, with the scope inside the SQL ({@link SecrecySql#ledgerEntryVisible},
 * the policy's READ_LEDGER): entries of cases the auditor's organisation owns (as stored, or learnt later
 * from CaseOpened or the projection), and entries about no case whose actor belongs to that organisation.
 * Filters narrow that set; they never widen it.
 *
 * @param entry one entry only (by sequence or event id), or null
 * @param cursor the sequence the previous page ended at (0: none); the page goes on past it in its order
 */
record LedgerQuery(
        Viewer viewer,
        LedgerQuery.Ref entry,
        UUID caseId,
        String actor,
        String actorOrganisation,
        String type,
        Instant from,
        Instant to,
        boolean newestFirst,
        long cursor,
        int limit) {

    /** One entry named by its sequence or its event id. */
    record Ref(Long sequence, UUID eventId) {}

    /** The query for one entry in the viewer's scope. */
    static LedgerQuery one(Viewer viewer, Ref entry) {
        return new LedgerQuery(viewer, entry, null, null, null, null, null, null, false, 0, 1);
    }

    /** {@code ledger_entry l} with what {@link #scope} reads: the case's owner as learnt later ({@code o}, {@code p}). */
    static final String FROM_SCOPED = " FROM ledger_entry l"
            + " LEFT JOIN case_owner o ON o.case_id = l.case_id"
            + " LEFT JOIN case_policy p ON p.case_id = l.case_id";

    /** Whether the viewer may read the entry {@code l}, over {@link #FROM_SCOPED}. */
    static SqlFragment scope(Viewer viewer) {
        return SecrecySql.ledgerEntryVisible(
                viewer,
                "l.case_id",
                "COALESCE(l.owning_organisation, o.owning_organisation, p.owning_organisation)",
                "l.actor_organisation");
    }

    List<LedgerEntry> run(Connection connection) throws SQLException {
        SqlFragment scope = scope(viewer);
        StringBuilder sql =
                new StringBuilder("SELECT " + LedgerEntry.columns("l") + FROM_SCOPED + " WHERE " + scope.sql());
        List<Object> parameters = new ArrayList<>(scope.parameters());
        if (cursor > 0) {
            sql.append(newestFirst ? " AND l.sequence < ?" : " AND l.sequence > ?");
            parameters.add(cursor);
        }
        if (entry != null && entry.sequence() != null) {
            sql.append(" AND l.sequence = ?");
            parameters.add(entry.sequence());
        }
        if (entry != null && entry.eventId() != null) {
            sql.append(" AND l.event_id = ?");
            parameters.add(entry.eventId());
        }
        if (caseId != null) {
            sql.append(" AND l.case_id = ?");
            parameters.add(caseId);
        }
        if (actor != null) {
            sql.append(" AND l.actor_subject = ?");
            parameters.add(actor);
        }
        if (actorOrganisation != null) {
            sql.append(" AND l.actor_organisation = ?");
            parameters.add(actorOrganisation);
        }
        if (type != null) {
            sql.append(" AND l.event_type = ?");
            parameters.add(type);
        }
        if (from != null) {
            sql.append(" AND l.occurred_at >= ?");
            parameters.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" AND l.occurred_at < ?");
            parameters.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        sql.append(newestFirst ? " ORDER BY l.sequence DESC LIMIT ?" : " ORDER BY l.sequence LIMIT ?");
        parameters.add(limit);

        List<LedgerEntry> entries = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(LedgerEntry.read(rows, 1));
                }
            }
        }
        return entries;
    }

    /** The first checkpoint at or after the sequence: the one whose signature covers that entry. */
    static Optional<LedgerEntryView.Checkpoint> coveringCheckpoint(Connection connection, long sequence)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT sequence, hash, signed_at, algorithm, key_id, signature FROM ledger_checkpoint"
                        + " WHERE sequence >= ? ORDER BY sequence LIMIT 1")) {
            query.setLong(1, sequence);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LedgerEntryView.Checkpoint(
                        row.getLong(1),
                        row.getString(2),
                        row.getObject(3, OffsetDateTime.class).toInstant(),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6)));
            }
        }
    }
}
