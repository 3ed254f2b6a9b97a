package org.parley.messaging.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.parley.messaging.inbox.IdempotentConsumer;
import org.parley.messaging.outbox.OutboxRelay;

/**
 * The broker's state as a detail of readiness, never its verdict: the service serves requests while the broker
 * is away (the outbox keeps every write), so this check is always UP and says whether events are flowing. The
 * same facts are in the metrics ({@code parley.outbox.*}, {@code parley.consumer.*}). No work is done here (no
 * database or broker call), so the probe cannot hang on a dependency.
 */
@Readiness
@ApplicationScoped
public class EventFlowHealth implements HealthCheck {

    private final Instance<OutboxRelay> relay;
    private final Instance<IdempotentConsumer> consumers;

    @Inject
    public EventFlowHealth(Instance<OutboxRelay> relay, Instance<IdempotentConsumer> consumers) {
        this.relay = relay;
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("event-flow").up();
        if (relay.isResolvable()) {
            response.withData(
                    "outbox-relay",
                    relay.get().isRetrying() ? "retrying: broker or database unavailable" : "publishing");
        }
        if (consumers.isResolvable()) {
            response.withData(
                    "consumers",
                    consumers.get().isRetrying() ? "retrying: their database is unavailable" : "consuming");
        }
        return response.build();
    }
}
