package org.parley.interviews;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.parley.messaging.Envelopes;
import org.parley.policy.CasePolicy;
import org.parley.projection.PolicyProjection;
import org.parley.proto.v1.CasePolicySnapshot;
import org.parley.proto.v1.Grant;
import org.parley.proto.v1.GrantScope;
import org.parley.proto.v1.TeamMember;
import org.parley.proto.v1.TeamRole;
import org.parley.proto.v1.Tier;
import org.parley.testing.Jdbc;
import org.parley.testing.ParleyStackResource;
import org.parley.testing.Tokens;

import static io.restassured.RestAssured.given;

/**
 * What the tests share: real tokens, case policies put straight into the projection, interview bodies,
 * raw JDBC, and the run's secrets (identities, a transcript phrase) that the leak scan looks for.
 * Registers the shared stack once for every test class (the service gets a fresh interviews_test).
 */
@QuarkusTestResource(
        value = ParleyStackResource.class,
        initArgs = @ResourceArg(name = ParleyStackResource.DATABASE_ARG, value = "interviews"))
public final class Fixtures {

    /** Unique to this run, so nothing from an earlier run can make a scan pass or fail. */
    public static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** The distinctive transcript phrase every test interview carries. */
    public static final String TRANSCRIPT_PHRASE = "the courier crossed the Lempa at dawn " + RUN;
    /** Every identity string, descriptor and quote the tests stored: none may leave the service. */
    public static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private static final AtomicLong POLICY_VERSION = new AtomicLong(System.currentTimeMillis());
    private static final Map<String, String> SUBJECTS = new ConcurrentHashMap<>();

    static {
        SECRETS.add(TRANSCRIPT_PHRASE);
    }

    private Fixtures() {}

    // --- callers ---

    public static String token(String user) {
        return Tokens.of(user);
    }

    public static String subject(String user) {
        return SUBJECTS.computeIfAbsent(
                user, u -> (String) Tokens.claims(Tokens.of(u)).get("sub"));
    }

    public static RequestSpecification as(String user) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return user == null ? request : request.auth().oauth2(token(user));
    }

    // --- the policy projection ---

    /** A case as access would publish it: owned by ifit, with this team (user → role) and these grants. */
    public static String newCase(
            Tier tier, boolean released, Map<String, TeamRole> team, Map<String, GrantScope> grants) {
        String caseId = UUID.randomUUID().toString();
        setPolicy(caseId, tier, released, team, grants);
        return caseId;
    }

    /** A SECRET case led by sofia with mateo on the team and an EXCERPTS grant to oas (lucia's organisation). */
    public static String sharedCase() {
        return newCase(
                Tier.SECRET,
                false,
                Map.of("sofia", TeamRole.LEAD, "mateo", TeamRole.MEMBER),
                Map.of("oas", GrantScope.EXCERPTS));
    }

    public static String secretCase(String lead, String... members) {
        Map<String, TeamRole> team = new LinkedHashMap<>();
        team.put(lead, TeamRole.LEAD);
        for (String member : members) {
            team.put(member, TeamRole.MEMBER);
        }
        return newCase(Tier.SECRET, false, team, Map.of());
    }

    public static void setPolicy(
            String caseId, Tier tier, boolean released, Map<String, TeamRole> team, Map<String, GrantScope> grants) {
        CasePolicySnapshot snapshot = snapshot(tier, released, team, grants);
        PolicyProjection projection =
                Arc.container().instance(PolicyProjection.class).get();
        QuarkusTransaction.requiringNew()
                .run(() -> projection.apply(caseId, POLICY_VERSION.incrementAndGet(), snapshot));
    }

    public static long nextPolicyVersion() {
        return POLICY_VERSION.incrementAndGet();
    }

    public static CasePolicySnapshot snapshot(
            Tier tier, boolean released, Map<String, TeamRole> team, Map<String, GrantScope> grants) {
        CasePolicySnapshot.Builder snapshot = CasePolicySnapshot.newBuilder()
                .setOwningOrganisation("ifit")
                .setTier(tier)
                .setResultsReleased(released);
        team.forEach((user, role) -> snapshot.addTeam(
                TeamMember.newBuilder().setSubject(subject(user)).setRole(role)));
        grants.forEach((organisation, scope) -> snapshot.addGrants(Grant.newBuilder()
                .setGrantId(UUID.randomUUID().toString())
                .setOrganisation(organisation)
                .setScope(scope)
                .setExpiresAt(Envelopes.timestamp(Instant.now().plusSeconds(86_400)))));
        return snapshot.build();
    }

    /**
     * Reads fail closed while the projection is stale; most tests want it current. For the current test only
     * (QuarkusMock resets after each): the real projection with the staleness the test asks for. Every public
     * method but the two about staleness goes to the real one.
     */
    public static void projectionIs(boolean stale) {
        PolicyProjection real = ClientProxy.unwrap(
                Arc.container().instance(PolicyProjection.class).get());
        // Every method is overridden, so the stand-in's own collaborators are never used.
        QuarkusMock.installMockForType(
                new PolicyProjection(null, () -> java.time.Duration.ofSeconds(5), java.time.Clock.systemUTC(), null) {
                    @Override
                    public void recordNewCase(String caseId, String owningOrganisation, String leadSubject) {
                        real.recordNewCase(caseId, owningOrganisation, leadSubject);
                    }

                    @Override
                    public boolean apply(String caseId, long policyVersion, CasePolicySnapshot snapshot) {
                        return real.apply(caseId, policyVersion, snapshot);
                    }

                    @Override
                    public Optional<CasePolicy> find(UUID caseId) {
                        return real.find(caseId);
                    }

                    @Override
                    public Map<UUID, CasePolicy> findAll(Collection<UUID> caseIds) {
                        return real.findAll(caseIds);
                    }

                    @Override
                    public void heardFromAccess(Instant asOf) {
                        real.heardFromAccess(asOf);
                    }

                    @Override
                    public void recordHeardFromAccess(Instant asOf) {
                        real.recordHeardFromAccess(asOf);
                    }

                    @Override
                    public Instant lastHeardFromAccess() {
                        return real.lastHeardFromAccess();
                    }

                    @Override
                    public boolean isStale() {
                        return stale;
                    }

                    @Override
                    public long retryAfterSeconds() {
                        return 5;
                    }
                },
                PolicyProjection.class);
    }

    // --- interviews ---

    /** A complete, valid body; tests change what they need. Its identity and transcript are run secrets. */
    public static Map<String, Object> interview(String... caseIds) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String name = "Witness " + tag + " Montalvo-" + RUN;
        String contact = "+503 7" + tag + " / " + tag + "@mail.invalid";
        String descriptor = "former mayor of a peace-zone municipio " + tag;
        String quote = "They asked for mattresses, not money (" + tag + ")";
        SECRETS.addAll(List.of(name, contact, descriptor, quote));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pseudonym", "Official " + tag);
        body.put("descriptor", descriptor);
        body.put("category", "GOVERNMENT_OFFICIAL");
        body.put("date", "2019-10");
        body.put("country", "SV");
        body.put("mode", "IN_PERSON");
        body.put("language", "es");
        body.put("linkedCases", List.of(caseIds));
        body.put("consent", consent(true, "DESCRIPTOR", true));
        body.put("themes", List.of("TRUST_AND_INCENTIVES", "RISKS"));
        body.put("notes", "Met twice; notes " + tag);
        body.put("transcript", "P: ¿Cómo empezó? R: " + TRANSCRIPT_PHRASE + ", y nadie lo supo. " + tag);
        body.put(
                "quotes",
                new ArrayList<>(List.of(
                        Map.of("n", 1, "text", quote), Map.of("n", 2, "text", "A truce is a pause (" + tag + ")"))));
        body.put("identity", Map.of("name", name, "contact", contact));
        return body;
    }

    public static Map<String, Object> consent(boolean mayQuote, String attribution, boolean mayShare) {
        return Map.of("mayQuote", mayQuote, "attribution", attribution, "mayShareWithPartners", mayShare);
    }

    @SuppressWarnings("unchecked")
    public static String identityNameOf(Map<String, Object> body) {
        return ((Map<String, String>) body.get("identity")).get("name");
    }

    @SuppressWarnings("unchecked")
    public static String identityContactOf(Map<String, Object> body) {
        return ((Map<String, String>) body.get("identity")).get("contact");
    }

    /** mateo (a member) proposes the quote as an excerpt and sofia (the lead) approves it. */
    public static void proposeAndApprove(String id, int quote) {
        as("mateo")
                .body(Map.of("quote", quote))
                .post("/interviews/" + id + "/excerpts")
                .then()
                .statusCode(201);
        Fixtures.approval("sofia", id)
                .post("/interviews/" + id + "/excerpts/" + quote + "/approval")
                .then()
                .statusCode(200);
    }

    /**
     * A request as {@code user} naming in If-Match the interview's version stored now, as a client does that has
     * just read it; read from the database so that the test's audit trail holds no extra read.
     */
    public static RequestSpecification approval(String user, String id) {
        try (Connection connection = database();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT version FROM interview WHERE id = ?::uuid")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionError("no interview " + id);
                }
                return as(user).header("If-Match", "\"" + rows.getLong(1) + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the interview as {@code user}; returns its id. */
    public static String record(String user, Map<String, Object> body) {
        Response response = as(user).body(body).post("/interviews");
        if (response.statusCode() != 201) {
            throw new AssertionError("recording answered " + response.statusCode() + ": " + response.asString());
        }
        return response.jsonPath().getString("id");
    }

    /**
     * The version {@code user} reads, as the ETag a PATCH names in If-Match (the ETag header carries the same;
     * PreconditionRequiredTest checks it).
     */
    public static String etag(String user, String id) {
        Response read = as(user).get("/interviews/" + id);
        if (read.statusCode() != 200) {
            throw new AssertionError("reading answered " + read.statusCode() + ": " + read.asString());
        }
        return "\"" + read.jsonPath().getLong("version") + "\"";
    }

    /** A PATCH made from the version {@code user} just read, as every client must (If-Match). */
    public static Response patch(String user, String id, Map<String, Object> changes) {
        return as(user).header("If-Match", etag(user, id)).body(changes).patch("/interviews/" + id);
    }

    // --- raw database ---

    public static Connection database() throws SQLException {
        return Jdbc.connectToTestDatabase("interviews");
    }

    /** Row counts of the tables a rejected request must leave alone. */
    public static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = database();
                Statement statement = connection.createStatement()) {
            for (String table : List.of(
                    "interview",
                    "interview_case_link",
                    "interview_identity",
                    "interview_excerpt",
                    "identity_reveal",
                    "outbox_event")) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}
