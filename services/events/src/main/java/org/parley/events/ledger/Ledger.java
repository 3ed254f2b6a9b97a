package org.parley.events.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.parley.messaging.Envelopes;
import org.parley.proto.v1.Envelope;

/**
 * Appends to the hash-chained ledger. One writer at a time: every append locks the chain head row
 * ({@code SELECT ... FOR UPDATE}) in the consuming transaction, so sequences are gap-free and each entry's
 * prev_hash is the hash of the one before. Every {@code parley.ledger.checkpoint.every-entries} entries
 * the same transaction writes a signed checkpoint.
 */
@ApplicationScoped
public class Ledger {

    @Inject
    EntityManager entityManager;

    @Inject
    LedgerSigner signer;

    @Inject
    LedgerConfig config;

    @Inject
    LedgerAnchors anchors;

    Clock clock = Clock.systemUTC();

    /**
     * Appends the event, or does nothing when its id is already in the ledger.
     *
     * @param caseId the case the event is about, or null
     * @param owningOrganisation the case's owner if known, or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LedgerEntry> append(Envelope envelope, String caseId, String owningOrganisation) {
        Optional<LedgerEntry> appended = session().doReturningWork(connection -> {
            Head head = lockHead(connection);
            if (contains(connection, envelope.getEventId())) {
                return Optional.<LedgerEntry>empty();
            }
            Instant recorded = LedgerHashing.truncate(clock.instant());
            Instant occurred = envelope.hasOccurredAt()
                    ? LedgerHashing.truncate(Envelopes.instant(envelope.getOccurredAt()))
                    : recorded;
            LedgerEntry draft = new LedgerEntry(
                    head.sequence + 1,
                    envelope.getEventId(),
                    envelope.getType(),
                    caseId,
                    blankToNull(envelope.getActor().getSubject()),
                    blankToNull(envelope.getActor().getOrganisation()),
                    owningOrganisation,
                    occurred,
                    recorded,
                    LedgerHashing.digestOf(envelope),
                    head.hash,
                    null);
            LedgerEntry entry = withHash(draft, LedgerHashing.hashOf(draft));
            insert(connection, entry);
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE ledger_head SET sequence = ?, hash = ? WHERE id = 1")) {
                update.setLong(1, entry.sequence());
                update.setString(2, entry.hash());
                update.executeUpdate();
            }
            return Optional.of(entry);
        });
        appended.filter(entry ->
                        entry.sequence() % Math.max(1, config.checkpoint().everyEntries()) == 0)
                .ifPresent(entry -> checkpoint(entry.sequence(), entry.hash()));
        return appended;
    }

    /**
     * Signs the chain head if it moved since the last checkpoint: the timer's half of "every N entries
     * or T seconds". Returns the sequence signed, or empty when there was nothing new.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Long> checkpointHead() {
        Optional<Head> unsigned = session().doReturningWork(connection -> {
            Head head = lockHead(connection);
            if (head.sequence == 0) {
                return Optional.<Head>empty();
            }
            try (PreparedStatement last =
                            connection.prepareStatement("SELECT COALESCE(max(sequence), 0) FROM ledger_checkpoint");
                    ResultSet result = last.executeQuery()) {
                result.next();
                if (result.getLong(1) >= head.sequence) {
                    return Optional.<Head>empty();
                }
            }
            return Optional.of(head);
        });
        unsigned.ifPresent(head -> checkpoint(head.sequence, head.hash));
        return unsigned.map(Head::sequence);
    }

    /**
     * Signs the entry into the checkpoint table and, in the same transaction, queues the same signed checkpoint
     * for the anchor topic, so that a copy lives outside this database.
     */
    private void checkpoint(long sequence, String hash) {
        CheckpointKeys keys = signer.keys();
        String signature = keys.sign(sequence, hash);
        int inserted = session().doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ledger_checkpoint (sequence, hash, signed_at, algorithm, key_id, signature)"
                            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sequence) DO NOTHING")) {
                insert.setLong(1, sequence);
                insert.setString(2, hash);
                insert.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                insert.setString(4, CheckpointKeys.ALGORITHM);
                insert.setString(5, keys.signingKeyId());
                insert.setString(6, signature);
                return insert.executeUpdate();
            }
        });
        if (inserted == 1) {
            anchors.publish(sequence, hash, keys.signingKeyId(), signature);
        }
    }

    private static Head lockHead(Connection connection) throws SQLException {
        try (PreparedStatement lock =
                        connection.prepareStatement("SELECT sequence, hash FROM ledger_head WHERE id = 1 FOR UPDATE");
                ResultSet result = lock.executeQuery()) {
            if (!result.next()) {
                throw new IllegalStateException("the ledger has no head row");
            }
            return new Head(result.getLong(1), result.getString(2));
        }
    }

    private static boolean contains(Connection connection, String eventId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM ledger_entry WHERE event_id = ?")) {
            query.setObject(1, UUID.fromString(eventId));
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    private static void insert(Connection connection, LedgerEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_entry (sequence, event_id,"
                + " event_type, case_id, actor_subject, actor_organisation, owning_organisation, occurred_at,"
                + " recorded_at, event_digest, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, entry.sequence());
            insert.setObject(2, UUID.fromString(entry.eventId()));
            insert.setString(3, entry.type());
            if (entry.caseId() == null) {
                insert.setNull(4, Types.OTHER);
            } else {
                insert.setObject(4, UUID.fromString(entry.caseId()));
            }
            insert.setString(5, entry.actorSubject());
            insert.setString(6, entry.actorOrganisation());
            insert.setString(7, entry.owningOrganisation());
            insert.setObject(8, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC));
            insert.setObject(9, OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC));
            insert.setString(10, entry.eventDigest());
            insert.setString(11, entry.prevHash());
            insert.setString(12, entry.hash());
            insert.executeUpdate();
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    private static LedgerEntry withHash(LedgerEntry e, String hash) {
        return new LedgerEntry(
                e.sequence(),
                e.eventId(),
                e.type(),
                e.caseId(),
                e.actorSubject(),
                e.actorOrganisation(),
                e.owningOrganisation(),
                e.occurredAt(),
                e.recordedAt(),
                e.eventDigest(),
                e.prevHash(),
                hash);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private record Head(long sequence, String hash) {}
}
