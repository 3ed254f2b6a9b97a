package org.parley.interviews;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.messaging.Envelopes;
import org.parley.proto.v1.Envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.interviews.Fixtures.as;
import static org.parley.interviews.Fixtures.database;
import static org.parley.interviews.Fixtures.identityNameOf;
import static org.parley.interviews.Fixtures.interview;
import static org.parley.interviews.Fixtures.projectionIs;
import static org.parley.interviews.Fixtures.record;
import static org.parley.interviews.Fixtures.secretCase;

/**
 * The identity custodian's lookup (GET /identity/interviews): found by each criterion, answered without content,
 * refused to everyone else exactly as the vault refuses them, and ledgered without what was searched for.
 */
@QuarkusTest
class CustodianLookupTest {

    private static final String PATH = "/identity/interviews";

    @BeforeEach
    void projectionIsCurrent() {
        projectionIs(false);
    }

    /** Three interviews whose pseudonyms share a word unique to this test, told apart by date, category, country. */
    private record Three(String word, String diplomat, String clergy, String expert, Map<String, Object> body) {}

    private static Three recordThree() {
        String word = "Lookup" + UUID.randomUUID().toString().substring(0, 8);
        String caseA = secretCase("sofia");
        String caseB = secretCase("sofia");
        Map<String, Object> diplomatBody = interview(caseA, caseB);
        diplomatBody.put("pseudonym", "Envoy " + word + " One");
        diplomatBody.put("category", "DIPLOMAT");
        diplomatBody.put("country", "UY");
        diplomatBody.put("date", "1998-04");
        Map<String, Object> clergyBody = interview(caseA);
        clergyBody.put("pseudonym", "Priest " + word.toUpperCase() + " Two");
        clergyBody.put("category", "CLERGY");
        clergyBody.put("country", "PY");
        clergyBody.put("date", "1998-07");
        Map<String, Object> expertBody = interview(caseB);
        expertBody.put("pseudonym", "Scholar " + word.toLowerCase() + " Three");
        expertBody.put("category", "EXPERT");
        expertBody.put("country", "UY");
        expertBody.put("date", "2003-11");
        return new Three(
                word,
                record("sofia", diplomatBody),
                record("sofia", clergyBody),
                record("sofia", expertBody),
                diplomatBody);
    }

    private static RequestSpecification carlos() {
        return as("carlos");
    }

    @Test
    void theCustodianFindsInterviewsByEachCriterionWithoutTheirContent() {
        Three three = recordThree();

        // part of the pseudonym, in any letter case: all three, newest month first
        Response byWord =
                carlos().queryParam("pseudonym", three.word().toLowerCase()).get(PATH);
        byWord.then().statusCode(200).header("Cache-Control", "no-store");
        assertThat(byWord.jsonPath().getList("items.id", String.class))
                .containsExactly(three.expert(), three.clergy(), three.diplomat());
        assertThat(byWord.jsonPath().getLong("total")).isEqualTo(3);
        assertThat(byWord.jsonPath().getList("items.date", String.class))
                .containsExactly("2003-11", "1998-07", "1998-04");
        assertThat(byWord.jsonPath().getList("items.linkedCases", Integer.class))
                .containsExactly(1, 1, 2);
        assertThat(byWord.jsonPath().getList("items.pseudonym", String.class))
                .containsExactly(
                        "Scholar " + three.word().toLowerCase() + " Three",
                        "Priest " + three.word().toUpperCase() + " Two",
                        "Envoy " + three.word() + " One");

        // no content: each match carries exactly its id, pseudonym, month and count of linked cases
        List<Map<String, Object>> items = byWord.jsonPath().getList("items");
        assertThat(items)
                .allSatisfy(item -> assertThat(item).containsOnlyKeys("id", "pseudonym", "date", "linkedCases"));
        assertThat(byWord.asString())
                .doesNotContain(
                        identityNameOf(three.body()),
                        (String) three.body().get("descriptor"),
                        (String) three.body().get("notes"),
                        Fixtures.TRANSCRIPT_PHRASE,
                        "DIPLOMAT",
                        "UY",
                        (String) ((List<?>) three.body().get("linkedCases")).get(0));

        // each other criterion, with the word so that only this test's interviews count
        assertThat(ids(Map.of("pseudonym", three.word(), "category", "CLERGY"))).containsExactly(three.clergy());
        assertThat(ids(Map.of("pseudonym", three.word(), "country", "UY")))
                .containsExactly(three.expert(), three.diplomat());
        assertThat(ids(Map.of("pseudonym", three.word(), "from", "1998-05")))
                .containsExactly(three.expert(), three.clergy());
        assertThat(ids(Map.of("pseudonym", three.word(), "to", "1998-06"))).containsExactly(three.diplomat());
        assertThat(ids(Map.of("pseudonym", three.word(), "from", "1998-01", "to", "1999-12")))
                .containsExactly(three.clergy(), three.diplomat());
        assertThat(ids(Map.of("pseudonym", three.word(), "country", "UY", "category", "EXPERT", "from", "2003-11")))
                .containsExactly(three.expert());
        // % and _ are plain characters, not patterns
        assertThat(ids(Map.of("pseudonym", "%" + three.word()))).isEmpty();
        assertThat(ids(Map.of("pseudonym", three.word().substring(0, 3) + "_"))).isEmpty();

        // and on their own, without the word: walked page by page, this test's interviews are where they belong
        assertThat(allIds(Map.of("category", "CLERGY")))
                .contains(three.clergy())
                .doesNotContain(three.diplomat(), three.expert());
        assertThat(allIds(Map.of("country", "PY")))
                .contains(three.clergy())
                .doesNotContain(three.diplomat(), three.expert());
        assertThat(allIds(Map.of("from", "1998-04", "to", "1998-04")))
                .contains(three.diplomat())
                .doesNotContain(three.clergy(), three.expert());
    }

    @Test
    void pagesFollowTheirCursorAndTheLimitIsAtMostAHundred() {
        Three three = recordThree();
        Response first = carlos().queryParam("pseudonym", three.word())
                .queryParam("limit", 2)
                .get(PATH);
        first.then().statusCode(200);
        assertThat(first.jsonPath().getList("items.id", String.class)).containsExactly(three.expert(), three.clergy());
        assertThat(first.jsonPath().getLong("total")).isEqualTo(3);
        String cursor = first.jsonPath().getString("nextCursor");
        Response second = carlos().queryParam("pseudonym", three.word())
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get(PATH);
        assertThat(second.jsonPath().getList("items.id", String.class)).containsExactly(three.diplomat());
        assertThat(second.jsonPath().getString("nextCursor")).isNull();

        carlos().queryParam("limit", 100).get(PATH).then().statusCode(200);
        for (String limit : List.of("0", "101", "many")) {
            assertThat(refusedFields(Map.of("limit", limit))).containsExactly("limit");
        }
        assertThat(refusedFields(Map.of("from", "1998-13", "to", "98-01", "category", "SPY", "country", "XX")))
                .containsExactlyInAnyOrder("from", "to", "category", "country");
        assertThat(refusedFields(Map.of("cursor", "not-a-cursor"))).containsExactly("cursor");
        assertThat(refusedFields(Map.of("pseudonym", "x".repeat(121)))).containsExactly("pseudonym");
    }

    @Test
    void everyoneButTheCustodianGetsTheVaultsOwnRefusal() {
        Three three = recordThree();
        for (String other : List.of("sofia", "mateo", "bruno", "irene", "lucia", "pierre")) {
            // what the vault answers them today for a reveal, the lookup's sibling
            Response reveal =
                    as(other).body(Map.of("reason", "curious")).post("/interviews/" + three.clergy() + "/identity");
            reveal.then().statusCode(403).contentType("application/problem+json");
            for (Map<String, String> criteria : List.of(
                    Map.<String, String>of(),
                    Map.of("pseudonym", three.word()),
                    Map.of("category", "SPY", "limit", "1000"))) {
                Response lookup = as(other).queryParams(criteria).get(PATH);
                lookup.then().statusCode(403).contentType("application/problem+json");
                assertThat(lookup.asString()).as(other).isEqualTo(reveal.asString());
            }
        }
        as(null).get(PATH).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void eachLookupIsLedgeredWithCountsAndCriteriaNamesButNeverTheSearchText() throws SQLException {
        Three three = recordThree();
        long before = lastLookupEventId();
        carlos().queryParam("pseudonym", three.word())
                .queryParam("country", "UY")
                .queryParam("limit", 1)
                .get(PATH)
                .then()
                .statusCode(200);

        List<Envelope> events = lookupEventsAfter(before);
        assertThat(events).hasSize(1);
        Envelope event = events.get(0);
        assertThat(event.getInterviewLookupMade().getMatchCount()).isEqualTo(2);
        assertThat(event.getInterviewLookupMade().getShownCount()).isEqualTo(1);
        assertThat(event.getInterviewLookupMade().getCriteriaList()).containsExactly("pseudonym", "country");
        assertThat(event.getCaseId()).isEmpty();
        assertThat(event.getActor().getSubject()).isEqualTo(Fixtures.subject("carlos"));
        String bytes = new String(event.toByteArray(), StandardCharsets.ISO_8859_1);
        assertThat(bytes)
                .doesNotContain(three.word())
                .doesNotContain(three.word().toLowerCase())
                .doesNotContain("Envoy", "Scholar", three.expert(), three.diplomat());
        // the criteria by name, never a value (the country code is too short to look for in raw bytes)
        assertThat(event.getInterviewLookupMade().toString()).doesNotContain("UY");

        // a refused lookup (not the custodian, or a bad criterion) is no lookup: nothing ledgered
        as("irene").queryParam("pseudonym", three.word()).get(PATH).then().statusCode(403);
        carlos().queryParam("pseudonym", three.word())
                .queryParam("limit", 0)
                .get(PATH)
                .then()
                .statusCode(400);
        assertThat(lookupEventsAfter(before)).hasSize(1);
    }

    private static List<String> ids(Map<String, String> criteria) {
        Response response = carlos().queryParams(criteria).get(PATH);
        response.then().statusCode(200);
        return response.jsonPath().getList("items.id", String.class);
    }

    /** Every match, page after page of 100. */
    private static List<String> allIds(Map<String, String> criteria) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = carlos().queryParams(criteria).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(PATH);
            page.then().statusCode(200);
            all.addAll(page.jsonPath().getList("items.id", String.class));
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    private static List<String> refusedFields(Map<String, String> criteria) {
        Response response = carlos().queryParams(criteria).get(PATH);
        response.then().statusCode(400).contentType("application/problem+json");
        return response.jsonPath().getList("errors.field", String.class);
    }

    private static long lastLookupEventId() throws SQLException {
        try (Connection connection = database();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT coalesce(max(id), 0) FROM outbox_event WHERE event_type = 'InterviewLookupMade'");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Envelope> lookupEventsAfter(long id) throws SQLException {
        List<Envelope> events = new ArrayList<>();
        try (Connection connection = database();
                PreparedStatement select = connection.prepareStatement("SELECT payload FROM outbox_event"
                        + " WHERE event_type = 'InterviewLookupMade' AND id > ? ORDER BY id")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(Envelopes.parse(rows.getBytes(1)));
                }
            }
        }
        return events;
    }
}
