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
import java.util.UUID;

import org.parley.policy.SecrecySql;
import org.parley.policy.SqlFragment;
import org.parley.policy.Viewer;

/**
 * The auditor's view of the ledger, with the scope inside the SQL ({@link SecrecySql#ledgerEntryVisible},
 * the policy's READ_LEDGER): entries of cases the auditor's organisation owns (as stored, or learnt later
 * from CaseOpened or the projection), and entries about no case whose actor belongs to that organisation.
 * Filters narrow that set; they never widen it.
 */
record LedgerQuery(
        Viewer viewer,
        UUID caseId,
        String actor,
        String actorOrganisation,
        String type,
        Instant from,
        Instant to,
        long afterSequence,
        int limit) {

    List<LedgerEntry> run(Connection connection) throws SQLException {
        SqlFragment scope = SecrecySql.ledgerEntryVisible(
                viewer,
                "l.case_id",
                "COALESCE(l.owning_organisation, o.owning_organisation, p.owning_organisation)",
                "l.actor_organisation");
        StringBuilder sql = new StringBuilder("SELECT l.sequence, CAST(l.event_id AS text), l.event_type,"
                + " CAST(l.case_id AS text), l.actor_subject, l.actor_organisation, l.owning_organisation,"
                + " l.occurred_at, l.recorded_at, l.event_digest, l.prev_hash, l.hash"
                + " FROM ledger_entry l"
                + " LEFT JOIN case_owner o ON o.case_id = l.case_id"
                + " LEFT JOIN case_policy p ON p.case_id = l.case_id"
                + " WHERE " + scope.sql()
                + " AND l.sequence > ?");
        List<Object> parameters = new ArrayList<>(scope.parameters());
        parameters.add(afterSequence);
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
        sql.append(" ORDER BY l.sequence LIMIT ?");
        parameters.add(limit);

        List<LedgerEntry> entries = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new LedgerEntry(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getString(7),
                            rows.getObject(8, OffsetDateTime.class).toInstant(),
                            rows.getObject(9, OffsetDateTime.class).toInstant(),
                            rows.getString(10),
                            rows.getString(11),
                            rows.getString(12)));
                }
            }
        }
        return entries;
    }
}
