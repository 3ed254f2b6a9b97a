package org.parley.events.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One ledger entry as stored and hashed: ids, types, times and hashes, never content.
 *
 * @param caseId null for events about no case
 * @param owningOrganisation the case's owner when the entry was written; null when unknown then
 * @param eventDigest SHA-256 (hex) of the event's deterministic protobuf bytes
 */
public record LedgerEntry(
        long sequence,
        String eventId,
        String type,
        String caseId,
        String actorSubject,
        String actorOrganisation,
        String owningOrganisation,
        Instant occurredAt,
        Instant recordedAt,
        String eventDigest,
        String prevHash,
        String hash) {

    /** The columns {@link #read} reads, in its order, of {@code ledger_entry} aliased {@code alias}. */
    static String columns(String alias) {
        return String.join(
                ", ",
                alias + ".sequence",
                "CAST(" + alias + ".event_id AS text)",
                alias + ".event_type",
                "CAST(" + alias + ".case_id AS text)",
                alias + ".actor_subject",
                alias + ".actor_organisation",
                alias + ".owning_organisation",
                alias + ".occurred_at",
                alias + ".recorded_at",
                alias + ".event_digest",
                alias + ".prev_hash",
                alias + ".hash");
    }

    /** How many columns {@link #columns} names. */
    static final int COLUMNS = 12;

    /** The entry in the row's columns {@code first} to {@code first + 11}, as {@link #columns} selects them. */
    static LedgerEntry read(ResultSet row, int first) throws SQLException {
        return new LedgerEntry(
                row.getLong(first),
                row.getString(first + 1),
                row.getString(first + 2),
                row.getString(first + 3),
                row.getString(first + 4),
                row.getString(first + 5),
                row.getString(first + 6),
                row.getObject(first + 7, OffsetDateTime.class).toInstant(),
                row.getObject(first + 8, OffsetDateTime.class).toInstant(),
                row.getString(first + 9),
                row.getString(first + 10),
                row.getString(first + 11));
    }
}
