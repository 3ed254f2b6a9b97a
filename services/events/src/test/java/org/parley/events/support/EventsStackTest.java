package org.parley.events.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.messaging.outbox.Outbox;
import org.parley.projection.PolicyProjection;
import org.parley.proto.v1.CasePolicyRecorded;
import org.parley.proto.v1.CasePolicySnapshot;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.Grant;
import org.parley.proto.v1.GrantScope;
import org.parley.proto.v1.RestrictedRead;
import org.parley.proto.v1.TeamMember;
import org.parley.proto.v1.TeamRole;
import org.parley.proto.v1.Tier;
import org.parley.testing.Jdbc;
import org.parley.testing.ParleyStackResource;
import org.parley.testing.SharedStack;
import org.parley.testing.Tokens;

/**
 * What the events tests share: the real stack (PostgreSQL database events_test, Kafka, Keycloak), events
 * written the way every service writes them (the outbox, in a transaction; the relay publishes), raw rows
 * through JDBC, and a plain producer for what no service would ever send.
 */
@QuarkusTestResource(
        value = ParleyStackResource.class,
        initArgs = @ResourceArg(name = ParleyStackResource.DATABASE_ARG, value = "events"))
public abstract class EventsStackTest {

    public static final String HOST = "ifit";

    private static KafkaProducer<String, byte[]> rawProducer;

    @Inject
    protected Outbox outbox;

    @Inject
    protected PolicyProjection projection;

    protected static RequestSpecification as(String username) {
        return RestAssured.given().auth().oauth2(Tokens.of(username));
    }

    protected static String subjectOf(String username) {
        return (String) Tokens.claims(Tokens.of(username)).get("sub");
    }

    /** Writes one event through the outbox in its own transaction, as a service does with its state change. */
    protected Envelope append(String topic, Envelope.Builder envelope) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.append(topic, envelope));
    }

    /** Publishes a policy snapshot on access's topic (as access would), with the given payload. */
    protected Envelope publishPolicy(
            String caseId,
            long version,
            String owner,
            Map<String, TeamRole> team,
            List<Grant> grants,
            Tier tier,
            boolean released,
            Envelope.Builder payload) {
        CasePolicySnapshot.Builder snapshot = CasePolicySnapshot.newBuilder()
                .setOwningOrganisation(owner)
                .setTier(tier)
                .setResultsReleased(released)
                .addAllGrants(grants);
        team.forEach((subject, role) ->
                snapshot.addTeam(TeamMember.newBuilder().setSubject(subject).setRole(role)));
        return append(
                Topics.ACCESS,
                payload.setCaseId(caseId).setPolicyVersion(version).setPolicy(snapshot));
    }

    /** A case known to the projection: owned by {@code owner}, SECRET, the given lead, version 1. */
    protected Envelope recordPolicy(String caseId, String owner, String leadSubject) {
        return publishPolicy(
                caseId,
                1,
                owner,
                Map.of(leadSubject, TeamRole.LEAD),
                List.of(),
                Tier.SECRET,
                false,
                Envelopes.about(caseId, leadSubject, owner, Instant.now())
                        .setCasePolicyRecorded(CasePolicyRecorded.getDefaultInstance()));
    }

    protected static Grant grant(String organisation, GrantScope scope) {
        return Grant.newBuilder()
                .setGrantId(UUID.randomUUID().toString())
                .setOrganisation(organisation)
                .setScope(scope)
                .build();
    }

    /** A read of the case's HEADER, as the cases service audits it. */
    protected static Envelope.Builder headerRead(String caseId) {
        return Envelopes.about(caseId, "reader", HOST, Instant.now())
                .setRestrictedRead(RestrictedRead.newBuilder()
                        .setResourceKind("case")
                        .setResourceId(caseId)
                        .addSections("HEADER"));
    }

    /** Waits until the projection holds the case at this version or newer. */
    protected void awaitPolicyVersion(String caseId, long version) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> projection
                                .find(java.util.UUID.fromString(caseId))
                                .map(p -> p.version() >= version)
                                .orElse(false)));
    }

    /** Waits until every event id is in the ledger. */
    protected static void awaitLedger(Collection<String> eventIds, Duration timeout) {
        Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> countInLedger(eventIds) == eventIds.size());
    }

    public static long countInLedger(Collection<String> eventIds) throws SQLException {
        try (Connection connection = events();
                PreparedStatement query =
                        connection.prepareStatement("SELECT count(*) FROM ledger_entry WHERE event_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** How many ledger rows each event id has (ids never written are absent). */
    public static Map<String, Integer> ledgerCounts(Collection<String> eventIds) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = events();
                PreparedStatement query = connection.prepareStatement("SELECT CAST(event_id AS text), count(*)"
                        + " FROM ledger_entry WHERE event_id = ANY (?) GROUP BY event_id")) {
            query.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    /** Sequences must run 1..n without a gap or a repeat. */
    public static void assertNoSequenceGaps() throws SQLException {
        try (Connection connection = events();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*), COALESCE(max(sequence), 0), count(DISTINCT sequence) FROM ledger_entry");
                ResultSet result = query.executeQuery()) {
            result.next();
            org.assertj.core.api.Assertions.assertThat(result.getLong(2))
                    .as("highest sequence = number of entries")
                    .isEqualTo(result.getLong(1))
                    .isEqualTo(result.getLong(3));
        }
    }

    /** A superuser connection to the service's test database. Close it. */
    public static Connection events() throws SQLException {
        return Jdbc.connectToTestDatabase("events");
    }

    /** A plain producer straight to the broker, for records no Parley service would send. */
    protected static synchronized KafkaProducer<String, byte[]> rawProducer() {
        if (rawProducer == null) {
            Properties config = new Properties();
            config.put(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStack.get().kafkaBootstrap());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "events-test-raw");
            rawProducer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return rawProducer;
    }

    protected static List<String> ids(Collection<Envelope> envelopes) {
        List<String> ids = new ArrayList<>();
        envelopes.forEach(envelope -> ids.add(envelope.getEventId()));
        return ids;
    }
}
