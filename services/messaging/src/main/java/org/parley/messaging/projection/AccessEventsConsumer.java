package org.parley.messaging.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.parley.messaging.Envelopes;
import org.parley.messaging.inbox.Inbox;
import org.parley.proto.v1.Envelope;

/**
 * Keeps {@link PolicyProjection} current from access's topic. Enabled in a service with the build
 * property {@code parley.policy-projection.enabled=true} and the channel {@code access-events}
 * configured (topic, group, dead-letter queue). A message that cannot be applied is nacked and goes to
 * the dead-letter topic; the offset is committed only after the transaction of the effect.
 */
@ApplicationScoped
@IfBuildProperty(name = "parley.policy-projection.enabled", stringValue = "true")
public class AccessEventsConsumer {

    static final String CONSUMER = "policy-projection";

    @Inject
    PolicyProjection projection;

    @Inject
    Inbox inbox;

    @Inject
    Event<PolicyApplied> applied;

    @Incoming("access-events")
    @Blocking(ordered = true)
    @Transactional
    public void consume(byte[] payload) {
        Envelope envelope = Envelopes.parse(payload);
        projection.heardFromAccess();
        if (!inbox.firstDelivery(CONSUMER, envelope.getEventId())) {
            return;
        }
        if (envelope.hasPolicy()) {
            if (envelope.getCaseId().isEmpty() || envelope.getPolicyVersion() <= 0) {
                throw new org.parley.messaging.PoisonEventException("policy snapshot without case or version");
            }
            projection.apply(envelope.getCaseId(), envelope.getPolicyVersion(), envelope.getPolicy());
        }
        applied.fire(new PolicyApplied(envelope));
    }

    /** Fired in the consuming transaction, after the projection is updated, for services that want more. */
    public record PolicyApplied(Envelope envelope) {}
}
