package org.parley.cases.links;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseLink;
import org.parley.cases.api.CaseLinkKind;
import org.parley.cases.api.CaseLinksApi;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.api.NewCaseLink;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.content.NewCase;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.AccessStub.GrantSpec;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.Http;
import org.parley.cases.support.Sample;
import org.parley.policy.GrantScope;
import org.parley.policy.Role;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;
import org.parley.proto.v1.Envelope;
import org.parley.testing.Jdbc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Links between cases (issue 17): made and removed by the source case's team, and shown only to a reader who may
 * know that both cases exist. A link to a case the reader may not know leaves no trace: the answers are byte for
 * byte those they got before it was made.
 */
@QuarkusTest
class CaseLinksTest {

    static final Class<?> STACK = CasesTestResource.class;
    static final String TAG = "lk" + UUID.randomUUID().toString().substring(0, 6);
    static final String OWNER = "ifit";
    static final String PARTNER = "oas";
    static final Viewer LEAD = Viewer.signedIn("lk-lead", OWNER, Set.of(Role.STAFF));
    /** Leads cases of another organisation, which lk-lead may not know of. */
    static final Viewer STRANGER = Viewer.signedIn("lk-stranger", "medic-ngo", Set.of(Role.STAFF));

    @Inject
    CaseService cases;

    @Inject
    CaseLinks links;

    @BeforeEach
    void fresh() {
        AccessStub.ensureFresh();
    }

    /** A case of lk-lead's team (or the stranger's), with its title. */
    record Opened(String id, String title) {}

    private Opened open(Viewer lead, Tier tier, boolean released, List<GrantSpec> grants) {
        NewCase written = Sample.withMarkers(
                TAG,
                TAG + UUID.randomUUID().toString().substring(0, 4),
                "MX",
                EntityType.CHURCH,
                GroupType.STREET_GANG);
        String id = cases.create(lead, written).id();
        AccessStub.setPolicy(id, lead.organisation(), tier, released, Map.of(lead.subject(), TeamRole.LEAD), grants);
        return new Opened(id, written.header().title());
    }

    private Opened secret(GrantSpec... grants) {
        return open(LEAD, Tier.SECRET, false, List.of(grants));
    }

    private static GrantSpec summaryToPartner() {
        return new GrantSpec(PARTNER, GrantScope.SUMMARY, null);
    }

    private static Response post(String caseId, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/cases/" + caseId + "/links");
    }

    private static String body(String target, String kind, String note) {
        return "{\"target\":\"" + target + "\",\"kind\":\"" + kind + "\""
                + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
    }

    private static Response links(String caseId) {
        return given().get("/cases/" + caseId + "/links");
    }

    @Test
    @TestSecurity(user = "lk-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "lk-lead"), @Claim(key = "org", value = OWNER)})
    void aMemberLinksTwoCasesSeesTheLinkFromBothEndsAndRemovesIt() throws SQLException {
        Opened source = secret();
        Opened target = secret();

        Response made = post(source.id(), body(target.id(), "DETERRED", "The truce deterred this one."));
        made.then().statusCode(201);
        JsonPath link = made.jsonPath();
        String linkId = link.getString("id");
        assertThat(made.header("Location")).endsWith("/cases/" + source.id() + "/links/" + linkId);
        assertThat(link.getString("source")).isEqualTo(source.id());
        assertThat(link.getString("target")).isEqualTo(target.id());
        assertThat(link.getString("kind")).isEqualTo("DETERRED");
        assertThat(link.getString("note")).isEqualTo("The truce deterred this one.");
        assertThat(link.getString("createdAt")).isNotBlank();
        assertThat(link.getString("other.id")).isEqualTo(target.id());
        assertThat(link.getString("other.title")).isEqualTo(target.title());

        JsonPath fromSource =
                links(source.id()).then().statusCode(200).extract().jsonPath();
        assertThat(fromSource.getList("items.id")).containsExactly(linkId);
        assertThat(fromSource.getString("items[0].other.title")).isEqualTo(target.title());
        JsonPath fromTarget =
                links(target.id()).then().statusCode(200).extract().jsonPath();
        assertThat(fromTarget.getList("items.id")).containsExactly(linkId);
        assertThat(fromTarget.getString("items[0].other.id")).isEqualTo(source.id());
        assertThat(fromTarget.getString("items[0].other.title")).isEqualTo(source.title());

        // The ledger hears of it once per end, about that end's case: ids and kind, never the note.
        for (String end : List.of(source.id(), target.id())) {
            List<Envelope> events = events(end, "CaseLinked");
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getCaseLinked().getLinkId()).isEqualTo(linkId);
            assertThat(events.get(0).getCaseLinked().getKind()).isEqualTo("DETERRED");
            assertThat(new String(events.get(0).toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain("truce");
        }

        // The same link again, and a link to itself, are refused and named.
        post(source.id(), body(target.id(), "DETERRED", null))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        post(source.id(), body(source.id(), "SAME_GROUP", null))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("target"));
        // Another kind between the same cases is another link.
        post(source.id(), body(target.id(), "SAME_GROUP", null)).then().statusCode(201);

        given().delete("/cases/" + source.id() + "/links/" + linkId).then().statusCode(204);
        assertThat(links(source.id()).jsonPath().getList("items.kind")).containsExactly("SAME_GROUP");
        assertThat(events(target.id(), "CaseUnlinked")).hasSize(1);
        // Gone: as if it had never existed, also from the target's end.
        String never = Http.fingerprint(given().delete("/cases/" + source.id() + "/links/" + UUID.randomUUID()));
        assertThat(Http.fingerprint(given().delete("/cases/" + source.id() + "/links/" + linkId)))
                .isEqualTo(never);
        assertThat(Http.fingerprint(given().delete("/cases/" + target.id() + "/links/" + linkId)))
                .isEqualTo(never);
        assertThat(never).startsWith("404");
    }

    @Test
    @TestSecurity(user = "lk-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "lk-lead"), @Claim(key = "org", value = OWNER)})
    void aTargetTheMemberMayNotKnowIsRefusedExactlyLikeOneThatNeverExisted() {
        Opened source = secret();
        Opened hidden = open(STRANGER, Tier.SECRET, false, List.of());
        Opened deleted = secret();
        cases.delete(LEAD, deleted.id(), null);
        long before = links(source.id()).jsonPath().getList("items").size();

        Response never = post(source.id(), body(UUID.randomUUID().toString(), "PRECEDENT_FOR", null));
        never.then().statusCode(400).body("errors[0].field", equalTo("target"));
        String expected = Http.fingerprint(never);
        for (String target :
                List.of(hidden.id(), deleted.id(), "not-a-case", hidden.id().toUpperCase(java.util.Locale.ROOT))) {
            assertThat(Http.fingerprint(post(source.id(), body(target, "PRECEDENT_FOR", null))))
                    .as(target)
                    .isEqualTo(expected);
        }
        assertThat(links(source.id()).jsonPath().getList("items")).hasSize((int) before);
        // The source case the caller may not know answers as an unknown one.
        String unknownSource =
                Http.fingerprint(post(UUID.randomUUID().toString(), body(source.id(), "PRECEDENT_FOR", null)));
        assertThat(unknownSource).startsWith("404");
        assertThat(Http.fingerprint(post(hidden.id(), body(source.id(), "PRECEDENT_FOR", null))))
                .isEqualTo(unknownSource);
        assertThat(Http.fingerprint(links(hidden.id())))
                .isEqualTo(Http.fingerprint(links(UUID.randomUUID().toString())));
    }

    @Test
    @TestSecurity(user = "lk-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "lk-lead"), @Claim(key = "org", value = OWNER)})
    void badBodiesAreA400NamingTheFieldAndWriteNothing() {
        Opened source = secret();
        Opened target = secret();
        String tooLong = "n".repeat(CaseLinksApi.MAX_NOTE + 1);
        Map<String, String> bodies = Map.of(
                "{\"target\":\"" + target.id() + "\",\"kind\":\"INSPIRED\"}",
                "kind",
                "{\"kind\":\"FOLLOW_UP\"}",
                "target",
                "{\"target\":\"" + target.id() + "\"}",
                "kind",
                body(target.id(), "FOLLOW_UP", tooLong),
                "note",
                "{\"target\":\"" + target.id() + "\",\"kind\":\"FOLLOW_UP\",\"weight\":3}",
                "weight");
        bodies.forEach((bad, field) -> post(source.id(), bad)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)));
        post(source.id(), "").then().statusCode(400);
        post(source.id(), "[]").then().statusCode(400);
        assertThat(links(source.id()).jsonPath().getList("items")).isEmpty();
        // A note of exactly the limit is fine.
        post(source.id(), body(target.id(), "FOLLOW_UP", tooLong.substring(1)))
                .then()
                .statusCode(201);
    }

    @Test
    @TestSecurity(user = "lk-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "lk-lead"), @Claim(key = "org", value = OWNER)})
    void aDeletedCaseTakesItsLinksAway() {
        Opened source = secret();
        Opened target = secret();
        Opened third = secret();
        links.link(LEAD, source.id(), new NewCaseLink(target.id(), CaseLinkKind.CONTAGION_TO, null));
        links.link(LEAD, third.id(), new NewCaseLink(source.id(), CaseLinkKind.PRECEDENT_FOR, null));
        assertThat(links(source.id()).jsonPath().getList("items.other.id")).containsExactly(target.id(), third.id());

        cases.delete(LEAD, target.id(), null);
        assertThat(links(source.id()).jsonPath().getList("items.other.id")).containsExactly(third.id());
        cases.delete(LEAD, third.id(), null);
        assertThat(links(source.id()).jsonPath().getList("items")).isEmpty();
    }

    @Test
    @TestSecurity(user = "lk-partner", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "lk-partner"), @Claim(key = "org", value = PARTNER)})
    void aPartnerSeesOnlyLinksBetweenCasesItWasGrantedAndMayNotChangeThem() {
        Opened granted = secret(summaryToPartner());
        Opened alsoGranted = secret(summaryToPartner());
        Opened grantedAlone = secret(summaryToPartner());
        Opened notGranted = secret();
        String emptyBefore = Http.fingerprint(links(grantedAlone.id()));
        String grantedBefore = Http.fingerprint(links(granted.id()));
        assertThat(grantedBefore).contains("\"items\":[]");

        CaseLink both =
                links.link(LEAD, granted.id(), new NewCaseLink(alsoGranted.id(), CaseLinkKind.SAME_GROUP, "both"));
        CaseLink out =
                links.link(LEAD, granted.id(), new NewCaseLink(notGranted.id(), CaseLinkKind.DETERRED, "hidden"));
        links.link(LEAD, notGranted.id(), new NewCaseLink(granted.id(), CaseLinkKind.FOLLOW_UP, "hidden"));
        links.link(LEAD, grantedAlone.id(), new NewCaseLink(notGranted.id(), CaseLinkKind.CONTAGION_TO, "hidden"));
        links.link(LEAD, notGranted.id(), new NewCaseLink(grantedAlone.id(), CaseLinkKind.SAME_GROUP, "hidden"));

        // A case linked only to cases the partner may not know: its links answer as before, byte for byte.
        assertThat(Http.fingerprint(links(grantedAlone.id()))).isEqualTo(emptyBefore);
        // Granted both ends: the link, with its note (the partner sees both CONTEXTs) and the other's title.
        Response seen = links(granted.id());
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.jsonPath().getList("items.id")).containsExactly(both.id());
        assertThat(seen.jsonPath().getString("items[0].note")).isEqualTo("both");
        assertThat(seen.jsonPath().getString("items[0].other.title")).isEqualTo(alsoGranted.title());
        assertThat(seen.asString()).doesNotContain(notGranted.id()).doesNotContain("hidden");
        assertThat(links(alsoGranted.id()).jsonPath().getList("items.id")).containsExactly(both.id());

        // The case it may not know, and the link to it, answer as if they never existed.
        assertThat(Http.fingerprint(links(notGranted.id())))
                .isEqualTo(Http.fingerprint(links(UUID.randomUUID().toString())));
        String noLink = Http.fingerprint(given().delete("/cases/" + granted.id() + "/links/" + UUID.randomUUID()));
        assertThat(noLink).startsWith("404");
        assertThat(Http.fingerprint(given().delete("/cases/" + granted.id() + "/links/" + out.id())))
                .isEqualTo(noLink);

        // Not on the team: refused as an edit would be, and the link stays.
        post(granted.id(), body(alsoGranted.id(), "FOLLOW_UP", null))
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().delete("/cases/" + granted.id() + "/links/" + both.id()).then().statusCode(403);
        assertThat(links(granted.id()).jsonPath().getList("items.id")).containsExactly(both.id());
    }

    @Test
    @TestSecurity(user = "lk-partner", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "lk-partner"), @Claim(key = "org", value = PARTNER)})
    void linksComePagedAndAHiddenLinkTakesNoPlaceOnAPageNorMakesOneMore() {
        Opened anchor = secret(summaryToPartner());
        List<String> visible = new ArrayList<>();
        // Visible and hidden links interleaved, and a hidden one last: it must not make a next page appear.
        for (int i = 0; i < 5; i++) {
            Opened seen = secret(summaryToPartner());
            visible.add(links.link(LEAD, anchor.id(), new NewCaseLink(seen.id(), CaseLinkKind.FOLLOW_UP, "seen"))
                    .id());
            links.link(LEAD, secret().id(), new NewCaseLink(anchor.id(), CaseLinkKind.DETERRED, "hidden"));
        }
        for (int limit : List.of(1, 2, 5, 50)) {
            List<String> walked = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonPath page = given().queryParam("limit", limit)
                        .queryParam("cursor", cursor == null ? "" : cursor)
                        .get("/cases/" + anchor.id() + "/links")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                List<String> ids = page.getList("items.id");
                assertThat(ids).hasSizeLessThanOrEqualTo(limit).isNotEmpty();
                assertThat(page.getList("items.note")).containsOnly("seen");
                walked.addAll(ids);
                cursor = page.getString("nextCursor");
                pages++;
            } while (cursor != null);
            assertThat(walked).as("limit " + limit).containsExactlyElementsOf(visible);
            assertThat(pages).as("limit " + limit).isEqualTo((visible.size() + limit - 1) / limit);
        }

        // Bad paging is named; the case comes first, so a case the partner may not know still answers 404.
        for (String limit : List.of("0", "101", "many")) {
            given().queryParam("limit", limit)
                    .get("/cases/" + anchor.id() + "/links")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("limit"));
        }
        String listCursor =
                given().queryParam("limit", 1).get("/cases").jsonPath().getString("nextCursor");
        for (String cursor : List.of("not-a-cursor", listCursor == null ? "bGlua3N8eHx5" : listCursor)) {
            given().queryParam("cursor", cursor)
                    .get("/cases/" + anchor.id() + "/links")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("cursor"));
        }
        Opened hidden = secret();
        assertThat(Http.fingerprint(given().queryParam("limit", "0").get("/cases/" + hidden.id() + "/links")))
                .isEqualTo(Http.fingerprint(
                        given().queryParam("limit", "0").get("/cases/" + UUID.randomUUID() + "/links")))
                .startsWith("404");
    }

    @Test
    void publicReadersSeeLinksBetweenPublicCasesOnly() {
        Opened known = open(LEAD, Tier.PUBLICLY_KNOWN, false, List.of());
        Opened alsoKnown = open(LEAD, Tier.PUBLICLY_KNOWN, false, List.of());
        Opened released = open(LEAD, Tier.RESULTS_PUBLIC, true, List.of());
        Opened notReleased = open(LEAD, Tier.RESULTS_PUBLIC, false, List.of());
        Opened secret = secret();
        CaseLink toKnown =
                links.link(LEAD, known.id(), new NewCaseLink(alsoKnown.id(), CaseLinkKind.PRECEDENT_FOR, "public"));
        CaseLink toReleased =
                links.link(LEAD, released.id(), new NewCaseLink(known.id(), CaseLinkKind.CONTAGION_TO, "context"));
        links.link(LEAD, known.id(), new NewCaseLink(secret.id(), CaseLinkKind.DETERRED, "hidden"));
        links.link(LEAD, notReleased.id(), new NewCaseLink(known.id(), CaseLinkKind.DETERRED, "hidden"));

        Response seen = given().get("/public/cases/" + known.id() + "/links");
        assertThat(seen.statusCode()).isEqualTo(200);
        JsonPath list = seen.jsonPath();
        assertThat(list.getList("items.id")).containsExactly(toKnown.id(), toReleased.id());
        assertThat(list.getString("items[0].note")).isEqualTo("public");
        assertThat(list.getString("items[0].other.title")).isEqualTo(alsoKnown.title());
        // A released case's CONTEXT is not public: its link shows without the note, its title is public.
        assertThat(list.getMap("items[1]")).doesNotContainKey("note");
        assertThat(list.getString("items[1].other.title")).isEqualTo(released.title());
        assertThat(seen.asString())
                .doesNotContain(secret.id())
                .doesNotContain(notReleased.id())
                .doesNotContain("hidden");

        String never = Http.fingerprint(given().get("/public/cases/" + UUID.randomUUID() + "/links"));
        assertThat(never).startsWith("404");
        for (Opened unknown : List.of(secret, notReleased)) {
            assertThat(Http.fingerprint(given().get("/public/cases/" + unknown.id() + "/links")))
                    .isEqualTo(never);
        }
        // The signed-in API stays closed to anonymous callers.
        given().get("/cases/" + known.id() + "/links").then().statusCode(401);
        post(known.id(), body(alsoKnown.id(), "FOLLOW_UP", null)).then().statusCode(401);
    }

    private static List<Envelope> events(String caseId, String type) throws SQLException {
        List<Envelope> found = new ArrayList<>();
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                PreparedStatement statement = db.prepareStatement(
                        "SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ? ORDER BY id")) {
            statement.setString(1, caseId);
            statement.setString(2, type);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    try {
                        found.add(Envelope.parseFrom(rows.getBytes(1)));
                    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return found;
    }
}
