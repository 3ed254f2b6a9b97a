package org.parley.messaging.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.messaging.Envelopes;
import org.parley.proto.v1.Envelope;

/**
 * Writes an event in the transaction of the state change it describes; {@link OutboxRelay} publishes
 * it. There is no other way to send an event, so no change can be saved without its event or vice versa.
 */
@ApplicationScoped
public class Outbox {

    /** Marks a transaction whose end already wakes the relay. */
    private static final Object WAKES_RELAY = new Object();

    private final EntityManager entityManager;
    private final String serviceName;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    @Inject
    public Outbox(
            EntityManager entityManager,
            @ConfigProperty(name = "quarkus.application.name") String serviceName,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay) {
        this.entityManager = entityManager;
        this.serviceName = serviceName;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Stamps the envelope with its type and source and queues it; the message key (the case id, or the
     * event id for events about no case) keeps one case's events in order on a partition.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Envelope append(String topic, Envelope.Builder builder) {
        Envelope envelope = stamped(builder);
        return insert(topic, envelope.getCaseId().isEmpty() ? envelope.getEventId() : envelope.getCaseId(), envelope);
    }

    /**
     * {@link #append(String, Envelope.Builder)} with a message key of the caller's choosing, for a compacted
     * topic where only the newest record of each key matters.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Envelope append(String topic, String messageKey, Envelope.Builder builder) {
        return insert(topic, messageKey, stamped(builder));
    }

    private Envelope stamped(Envelope.Builder builder) {
        return builder.setType(Envelopes.typeOf(builder)).setSource(serviceName).build();
    }

    private Envelope insert(String topic, String key, Envelope envelope) {
        wakeRelayWhenDone();
        entityManager
                .createNativeQuery("INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, UUID.fromString(envelope.getEventId()))
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, envelope.getType())
                .setParameter(5, envelope.toByteArray())
                .executeUpdate();
        return envelope;
    }

    /**
     * {@link #append} for several envelopes in one statement (e.g. one audit event per case of a listed
     * page), in the order given.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Envelope> appendAll(String topic, List<Envelope.Builder> builders) {
        if (builders.isEmpty()) {
            return List.of();
        }
        List<Envelope> envelopes = new ArrayList<>(builders.size());
        StringBuilder sql = new StringBuilder(
                "INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload) VALUES ");
        for (int i = 0; i < builders.size(); i++) {
            Envelope.Builder builder = builders.get(i);
            envelopes.add(builder.setType(Envelopes.typeOf(builder))
                    .setSource(serviceName)
                    .build());
            int first = i * 5 + 1;
            sql.append(i == 0 ? "" : ", ")
                    .append("(?")
                    .append(first)
                    .append(", ?")
                    .append(first + 1)
                    .append(", ?")
                    .append(first + 2)
                    .append(", ?")
                    .append(first + 3)
                    .append(", ?")
                    .append(first + 4)
                    .append(')');
        }
        wakeRelayWhenDone();
        var insert = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < envelopes.size(); i++) {
            Envelope envelope = envelopes.get(i);
            String key = envelope.getCaseId().isEmpty() ? envelope.getEventId() : envelope.getCaseId();
            int first = i * 5 + 1;
            insert.setParameter(first, UUID.fromString(envelope.getEventId()))
                    .setParameter(first + 1, topic)
                    .setParameter(first + 2, key)
                    .setParameter(first + 3, envelope.getType())
                    .setParameter(first + 4, envelope.toByteArray());
        }
        insert.executeUpdate();
        return envelopes;
    }

    /** The relay learns of new rows when their transaction ends, once per transaction, instead of polling. */
    private void wakeRelayWhenDone() {
        if (transactions.getResource(WAKES_RELAY) != null) {
            return;
        }
        transactions.putResource(WAKES_RELAY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                // committed rows are there to send; rolled-back ones leave a gap the relay may stop waiting at
                relay.wake();
            }
        });
    }
}
