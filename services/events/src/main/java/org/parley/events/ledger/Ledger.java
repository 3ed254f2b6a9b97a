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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.parley.messaging.Envelopes;
import org.parley.proto.v1.Envelope;

/**
 * Appends to the hash-chained ledger. One writer at a time: every append (of one event or a batch) locks the
 * chain head row ({@code SELECT ... FOR UPDATE}) in the consuming transaction, so sequences are gap-free and each entry's
 * prev_hash is the hash of the one before. Every {@code parley.ledger.checkpoint.every-entries} entries
 * the same transaction writes a signed checkpoint.
 */
@ApplicationScoped
public class Ledger {

    private final EntityManager entityManager;
    private final LedgerSigner signer;
    private final LedgerConfig config;
    private final LedgerAnchors anchors;
    private final Clock clock;

    @Inject
    public Ledger(
            EntityManager entityManager, LedgerSigner signer, LedgerConfig config, LedgerAnchors anchors, Clock clock) {
        this.entityManager = entityManager;
        this.signer = signer;
        this.config = config;
        this.anchors = anchors;
        this.clock = clock;
    }

    /** One event to append, with what the consuming service knows about it. */
    public record Appendable(Envelope envelope, String caseId, String owningOrganisation) {}

    /**
     * Appends the events in their order, skipping any whose id is already in the ledger (or earlier in the list):
     * one lock of the chain head, one batch of inserts and one head update for all of them, which is what lets a
     * backlog drain at thousands of entries a second. Returns the entries appended, in order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LedgerEntry> appendAll(List<Appendable> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<LedgerEntry> appended = session().doReturningWork(connection -> {
            Head head = lockHead(connection);
            Set<String> seen = alreadyInLedger(connection, events);
            Instant recorded = LedgerHashing.truncate(clock.instant());
            List<LedgerEntry> entries = new ArrayList<>(events.size());
            long sequence = head.sequence;
            String previousHash = head.hash;
            for (Appendable event : events) {
                Envelope envelope = event.envelope();
                if (!seen.add(canonicalId(envelope.getEventId()))) {
                    continue;
                }
                Instant occurred = envelope.hasOccurredAt()
                        ? LedgerHashing.truncate(Envelopes.instant(envelope.getOccurredAt()))
                        : recorded;
                LedgerEntry draft = new LedgerEntry(
                        sequence + 1,
                        envelope.getEventId(),
                        envelope.getType(),
                        event.caseId(),
                        blankToNull(envelope.getActor().getSubject()),
                        blankToNull(envelope.getActor().getOrganisation()),
                        event.owningOrganisation(),
                        occurred,
                        recorded,
                        LedgerHashing.digestOf(envelope),
                        previousHash,
                        null);
                LedgerEntry entry = withHash(draft, LedgerHashing.hashOf(draft));
                entries.add(entry);
                sequence = entry.sequence();
                previousHash = entry.hash();
            }
            if (!entries.isEmpty()) {
                insert(connection, entries);
                try (PreparedStatement update =
                        connection.prepareStatement("UPDATE ledger_head SET sequence = ?, hash = ? WHERE id = 1")) {
                    update.setLong(1, sequence);
                    update.setString(2, previousHash);
                    update.executeUpdate();
                }
            }
            return entries;
        });
        long every = Math.max(1, config.checkpoint().everyEntries());
        for (LedgerEntry entry : appended) {
            if (entry.sequence() % every == 0) {
                checkpoint(entry.sequence(), entry.hash());
            }
        }
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

    /** The ids of these events that the ledger already holds, canonical. */
    private static Set<String> alreadyInLedger(Connection connection, List<Appendable> events) throws SQLException {
        Object[] ids = events.stream()
                .map(event -> UUID.fromString(event.envelope().getEventId()))
                .toArray();
        Set<String> present = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT CAST(event_id AS text) FROM ledger_entry WHERE event_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    present.add(result.getString(1));
                }
            }
        }
        return present;
    }

    private static String canonicalId(String eventId) {
        return UUID.fromString(eventId).toString();
    }

    /** One JDBC batch: the driver sends every row in a single round trip. */
    private static void insert(Connection connection, List<LedgerEntry> entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_entry (sequence, event_id,"
                + " event_type, case_id, actor_subject, actor_organisation, owning_organisation, occurred_at,"
                + " recorded_at, event_digest, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LedgerEntry entry : entries) {
                bind(insert, entry);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement insert, LedgerEntry entry) throws SQLException {
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
