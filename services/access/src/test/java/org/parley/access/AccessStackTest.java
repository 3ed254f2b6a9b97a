package org.parley.access;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.proto.v1.CaseDeleted;
import org.parley.proto.v1.CaseOpened;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.Tier;
import org.parley.testing.ParleyStackResource;
import org.parley.testing.Tokens;

/**
 * What the access tests share: the real stack (PostgreSQL, Kafka, Keycloak), the demo users' tokens, the
 * partner organisations registered once, and cases opened the way the cases service opens them.
 */
@QuarkusTestResource(
        value = ParleyStackResource.class,
        initArgs = @ResourceArg(name = ParleyStackResource.DATABASE_ARG, value = "access"))
public abstract class AccessStackTest {

    protected static final String HOST = "ifit";

    private static final Object PRODUCER_LOCK = new Object();
    private static KafkaProducer<String, byte[]> producer;
    private static volatile boolean partnersRegistered;

    /** A request as this demo user, with a real Keycloak token. */
    protected static RequestSpecification as(String username) {
        return RestAssured.given().auth().oauth2(Tokens.of(username)).contentType(ContentType.JSON);
    }

    protected static String subjectOf(String username) {
        return (String) Tokens.claims(Tokens.of(username)).get("sub");
    }

    /**
     * Registers oas and medic-ngo (as the seed loader does), lets every demo user be seen once, and waits
     * until access consumes the cases topic: its test consumer starts at the end of the topic, so probe
     * cases are published until one gets through.
     */
    protected static synchronized void registerPartners() {
        if (partnersRegistered) {
            return;
        }
        Awaitility.await()
                .atMost(90, TimeUnit.SECONDS)
                .pollDelay(0, TimeUnit.SECONDS)
                .pollInterval(100, TimeUnit.MILLISECONDS)
                .until(() -> {
                    String probe = publishCaseOpened("sofia");
                    try {
                        awaitKnown(probe, "sofia", 3);
                        return true;
                    } catch (org.awaitility.core.ConditionTimeoutException notYet) {
                        return false;
                    }
                });
        for (Map.Entry<String, String> partner :
                Map.of("oas", "MULTILATERAL", "medic-ngo", "NGO").entrySet()) {
            as("ana")
                    .body(Map.of(
                            "id", partner.getKey(), "name", partner.getKey() + " (test)", "kind", partner.getValue()))
                    .post("/organisations")
                    .then()
                    .statusCode(
                            org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(200)));
        }
        for (String user : new String[] {"sofia", "mateo", "ana", "bruno", "irene", "carlos", "lucia", "pierre"}) {
            as(user).get("/me").then().statusCode(200);
        }
        partnersRegistered = true;
    }

    /** Opens a case as the cases service would (a CaseOpened envelope on its topic) and waits until access knows it. */
    protected static String openCase(String leadUsername) {
        String caseId = publishCaseOpened(leadUsername);
        awaitKnown(caseId, leadUsername, 30);
        return caseId;
    }

    private static String publishCaseOpened(String leadUsername) {
        String caseId = UUID.randomUUID().toString();
        String lead = subjectOf(leadUsername);
        Envelope.Builder envelope = Envelopes.about(caseId, lead, HOST, Instant.now())
                .setCaseOpened(CaseOpened.newBuilder()
                        .setOwningOrganisation(HOST)
                        .setLeadSubject(lead)
                        .setTier(Tier.SECRET));
        publishToCases(envelope.setType("CaseOpened").setSource("cases").build());
        return caseId;
    }

    private static void awaitKnown(String caseId, String leadUsername, int seconds) {
        Awaitility.await()
                .atMost(seconds, TimeUnit.SECONDS)
                .pollInterval(100, TimeUnit.MILLISECONDS)
                .until(() -> as(leadUsername).get("/cases/{id}/access", caseId).statusCode() == 200);
    }

    protected static void deleteCase(String caseId, String byUsername) {
        Envelope.Builder envelope = Envelopes.about(caseId, subjectOf(byUsername), HOST, Instant.now())
                .setCaseDeleted(CaseDeleted.newBuilder());
        publishToCases(envelope.setType("CaseDeleted").setSource("cases").build());
    }

    protected static void publishToCases(byte[] value, String key) {
        try {
            producer().send(new ProducerRecord<>(Topics.CASES, key, value)).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + Topics.CASES, e);
        }
    }

    private static void publishToCases(Envelope envelope) {
        publishToCases(envelope.toByteArray(), envelope.getCaseId());
    }

    // Its own lock, not the class's: registerPartners holds that while Awaitility publishes from another thread.
    private static KafkaProducer<String, byte[]> producer() {
        synchronized (PRODUCER_LOCK) {
            if (producer == null) {
                Properties config = new Properties();
                config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
                config.put(ProducerConfig.ACKS_CONFIG, "all");
                producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
            }
            return producer;
        }
    }

    protected static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    protected static long version(String caseId) {
        return as("ana")
                .get("/cases/{id}/access", caseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("version");
    }

    /** A tier change as a secrecy admin; returns the response for the caller to check. */
    protected static Response postTier(String username, String caseId, String tier, String reason) {
        return as(username).body(Map.of("tier", tier, "reason", reason)).post("/cases/{id}/tier", caseId);
    }
}
