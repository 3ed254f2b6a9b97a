package org.parley.messaging.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.parley.proto.v1.Envelope;

/**
 * Remembers which events a consumer has applied. Called in the transaction of the effect, so an
 * effect and its "processed" mark commit together or not at all: a redelivered event is a no-op.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager entityManager;

    /**
     * As {@link #firstDelivery(String, String)}, except that heartbeats are always "first" and never
     * remembered: applying one twice changes nothing (freshness only moves forward), and one row every two
     * seconds would grow the inbox forever.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, Envelope envelope) {
        return envelope.hasAccessHeartbeat() || firstDelivery(consumer, envelope.getEventId());
    }

    /** True the first time this consumer sees this event id; false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        UUID id;
        try {
            id = UUID.fromString(eventId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new org.parley.messaging.PoisonEventException("event id is not a UUID");
        }
        int inserted = entityManager
                .createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2)" + " ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, id)
                .executeUpdate();
        return inserted == 1;
    }
}
