package org.parley.access.heartbeat;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.parley.access.AccessConfig;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.messaging.outbox.Outbox;
import org.parley.proto.v1.AccessHeartbeat;

/**
 * Appends an AccessHeartbeat to the outbox at a fixed interval, so consumers can tell "nothing changed"
 * from "not hearing" and fail closed after their staleness bound. Published heartbeats are deleted after a
 * while so they do not pile up; every other outbox row is kept.
 */
@ApplicationScoped
public class Heartbeat {

    private final Clock clock;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final AccessConfig config;

    @Inject
    public Heartbeat(Clock clock, Outbox outbox, EntityManager entityManager, AccessConfig config) {
        this.clock = clock;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(
            identity = "access-heartbeat",
            every = "${parley.access.heartbeat-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void beat() {
        QuarkusTransaction.requiringNew().run(() -> {
            long sequence = ((Number) entityManager
                            .createNativeQuery("SELECT nextval('heartbeat_sequence')")
                            .getSingleResult())
                    .longValue();
            outbox.append(
                    Topics.ACCESS,
                    Envelopes.about(null, null, null, clock.instant())
                            .setAccessHeartbeat(AccessHeartbeat.newBuilder().setSequence(sequence)));
            entityManager
                    .createNativeQuery("DELETE FROM outbox_event WHERE event_type = 'AccessHeartbeat'"
                            + " AND published_at IS NOT NULL AND published_at < ?1")
                    .setParameter(1, clock.instant().minus(config.heartbeatRetention()))
                    .executeUpdate();
        });
    }
}
