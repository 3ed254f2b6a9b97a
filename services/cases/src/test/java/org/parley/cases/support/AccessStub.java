package org.parley.cases.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.parley.messaging.Envelopes;
import org.parley.policy.GrantScope;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.projection.PolicyProjection;
import org.parley.proto.v1.AccessHeartbeat;
import org.parley.proto.v1.CasePolicySnapshot;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.Grant;
import org.parley.proto.v1.TeamMember;

/**
 * Stands in for the access service, which does not run in this module's tests: publishes its heartbeat
 * to parley.access.v1 (as access would), writes policy snapshots into the projection (as its consumer
 * would), and moves the projection's clock to make it stale.
 */
public final class AccessStub {

    private AccessStub() {}

    /** A grant in a snapshot; {@code expiresAt} null for none. */
    public record GrantSpec(String organisation, GrantScope scope, java.time.Instant expiresAt) {}

    /** Publishes one heartbeat and waits until the projection has heard it. */
    public static void ensureFresh() {
        PolicyProjection projection = projection();
        if (!projection.isStale()) {
            return;
        }
        publishHeartbeat();
        Awaitility.await()
                .atMost(60, TimeUnit.SECONDS)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (projection.isStale()) {
                        publishHeartbeat();
                        return false;
                    }
                    return true;
                });
    }

    private static KafkaProducer<String, byte[]> producer;

    /** Publishes one heartbeat as access would; returns its event id. */
    public static synchronized String publishHeartbeat() {
        Envelope heartbeat = Envelopes.about(null, null, null, Instant.now())
                .setType("AccessHeartbeat")
                .setSource("access")
                .setAccessHeartbeat(AccessHeartbeat.newBuilder().setSequence(System.nanoTime()))
                .build();
        if (producer == null) {
            Properties config = new Properties();
            config.put(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        try {
            producer.send(new ProducerRecord<>("parley.access.v1", heartbeat.getEventId(), heartbeat.toByteArray()))
                    .get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            producer.close();
            producer = null;
            throw new IllegalStateException("could not publish a heartbeat", e);
        }
        return heartbeat.getEventId();
    }

    /** Makes the projection stale (or fresh again with {@code null}) by moving its clock. */
    public static void shiftClock(Duration ahead) {
        PolicyProjection target = ClientProxy.unwrap(projection());
        try {
            var field = PolicyProjection.class.getDeclaredField("clock");
            field.setAccessible(true);
            field.set(target, ahead == null ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), ahead));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the case's policy as access would, one version above the one held. */
    public static void setPolicy(
            String caseId,
            String owner,
            Tier tier,
            boolean released,
            Map<String, TeamRole> team,
            List<GrantSpec> grants) {
        PolicyProjection projection = projection();
        QuarkusTransaction.requiringNew().run(() -> {
            long version = projection
                            .find(java.util.UUID.fromString(caseId))
                            .map(p -> p.version())
                            .orElse(0L)
                    + 1;
            CasePolicySnapshot.Builder snapshot = CasePolicySnapshot.newBuilder()
                    .setOwningOrganisation(owner)
                    .setTier(org.parley.proto.v1.Tier.valueOf(tier.name()))
                    .setResultsReleased(released);
            team.forEach((subject, role) -> snapshot.addTeam(TeamMember.newBuilder()
                    .setSubject(subject)
                    .setRole(org.parley.proto.v1.TeamRole.valueOf(role.name()))));
            for (GrantSpec grant : grants) {
                Grant.Builder built = Grant.newBuilder()
                        .setGrantId(UUID.randomUUID().toString())
                        .setOrganisation(grant.organisation())
                        .setScope(org.parley.proto.v1.GrantScope.valueOf(
                                grant.scope().name()));
                if (grant.expiresAt() != null) {
                    built.setExpiresAt(Envelopes.timestamp(grant.expiresAt()));
                }
                snapshot.addGrants(built);
            }
            projection.apply(caseId, version, snapshot.build());
        });
    }

    private static PolicyProjection projection() {
        return Arc.container().instance(PolicyProjection.class).get();
    }
}
