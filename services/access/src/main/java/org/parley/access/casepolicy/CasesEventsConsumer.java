package org.parley.access.casepolicy;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.parley.access.casepolicy.PolicyPublisher.Actor;
import org.parley.messaging.PoisonEventException;
import org.parley.messaging.inbox.IdempotentConsumer;
import org.parley.proto.v1.CaseOpened;
import org.parley.proto.v1.Envelope;

/**
 * Reads the cases service's topic: an opened case gets its first policy, a deleted one its last. Each
 * event is applied once (inbox) in one transaction with its effect; events that cannot be applied
 * (unreadable, unexpected type, missing ids) go to the dead-letter topic.
 */
@ApplicationScoped
public class CasesEventsConsumer {

    static final String CONSUMER = "access-cases";

    private final IdempotentConsumer consumer;
    private final CaseLifecycle lifecycle;

    @Inject
    public CasesEventsConsumer(IdempotentConsumer consumer, CaseLifecycle lifecycle) {
        this.consumer = consumer;
        this.lifecycle = lifecycle;
    }

    /** In batches (one transaction each): a backlog after a broker outage drains in seconds, not minutes. */
    @Incoming("cases-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consumeBatch(CONSUMER, batch, consumer.eachOf(this::apply));
    }

    void apply(Envelope envelope) {
        Actor actor = new Actor(
                envelope.hasActor() ? emptyToNull(envelope.getActor().getSubject()) : null,
                envelope.hasActor() ? emptyToNull(envelope.getActor().getOrganisation()) : null);
        switch (envelope.getPayloadCase()) {
            case CASE_OPENED -> {
                CaseOpened opened = envelope.getCaseOpened();
                String owner = firstOf(opened.getOwningOrganisation(), actor.organisation());
                String lead = firstOf(opened.getLeadSubject(), actor.subject());
                if (owner == null || lead == null) {
                    throw new PoisonEventException("CaseOpened without owning organisation or lead");
                }
                lifecycle.open(caseId(envelope), owner, lead, actor);
            }
            case CASE_DELETED -> lifecycle.delete(caseId(envelope), actor);
            case CASE_SECTION_EDITED, PROCESS_ENTRY_ADDED -> {
                // Content changes do not touch the policy.
            }
            default -> throw new PoisonEventException("event type not expected on the cases topic");
        }
    }

    private static UUID caseId(Envelope envelope) {
        try {
            return UUID.fromString(envelope.getCaseId());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("event without a valid case id");
        }
    }

    private static String firstOf(String value, String fallback) {
        String chosen = emptyToNull(value);
        return chosen != null ? chosen : fallback;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
