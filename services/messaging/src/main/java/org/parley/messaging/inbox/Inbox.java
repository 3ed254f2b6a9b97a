package org.parley.messaging.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.parley.proto.v1.Envelope;

/**
 * Remembers which events a consumer has applied. Called in the transaction of the effect, so an
 * effect and its "processed" mark commit together or not at all: a redelivered event is a no-op.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    @Inject
    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The events of a batch this consumer sees for the first time, in the batch's order, each once (a batch may
     * hold the same event twice). One statement for the whole batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Envelope> firstDeliveries(String consumer, List<Envelope> envelopes) {
        List<UUID> ids = new ArrayList<>(envelopes.size());
        for (Envelope envelope : envelopes) {
            ids.add(eventIdOf(envelope.getEventId()));
        }
        Set<String> first = new HashSet<>();
        if (!ids.isEmpty()) {
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO processed_event"
                        + " (consumer, event_id) SELECT ?, unnest(?) ON CONFLICT DO NOTHING RETURNING event_id")) {
                    insert.setString(1, consumer);
                    insert.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
                    try (ResultSet inserted = insert.executeQuery()) {
                        while (inserted.next()) {
                            first.add(inserted.getString(1));
                        }
                    }
                }
            });
        }
        List<Envelope> firstDeliveries = new ArrayList<>(envelopes.size());
        for (Envelope envelope : envelopes) {
            if (first.remove(eventIdOf(envelope.getEventId()).toString())) {
                firstDeliveries.add(envelope);
            }
        }
        return firstDeliveries;
    }

    /** True the first time this consumer sees this event id; false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        UUID id = eventIdOf(eventId);
        int inserted = entityManager
                .createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2)" + " ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, id)
                .executeUpdate();
        return inserted == 1;
    }

    private static UUID eventIdOf(String eventId) {
        try {
            return UUID.fromString(eventId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new org.parley.messaging.PoisonEventException("event id is not a UUID");
        }
    }
}
