package org.parley.messaging.outbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    /**
     * Stamps the envelope with its type and source and queues it; the message key (the case id, or the
     * event id for events about no case) keeps one case's events in order on a partition.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Envelope append(String topic, Envelope.Builder builder) {
        Envelope envelope = builder.setType(Envelopes.typeOf(builder))
                .setSource(serviceName)
                .build();
        String key = envelope.getCaseId().isEmpty() ? envelope.getEventId() : envelope.getCaseId();
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
}
