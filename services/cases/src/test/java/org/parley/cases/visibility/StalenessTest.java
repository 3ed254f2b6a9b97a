package org.parley.cases.visibility;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.casefile.CaseService;
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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When access has not been heard from within the bound, the projection may miss a revocation or a removal from
 * a team: every read, list and edit fails closed with a 503 and Retry-After (for unknown ids alike, so staleness
 * does not tell cases apart), for the case's members too: their membership comes from the same stale copy.
 */
@QuarkusTest
class StalenessTest {

    static final Class<?> STACK = CasesTestResource.class;
    static final String TAG = "st" + UUID.randomUUID().toString().substring(0, 6);

    private static String publicCase;
    private static String grantedCase;

    @Inject
    CaseService cases;

    @BeforeEach
    void setUp() {
        AccessStub.shiftClock(null);
        AccessStub.ensureFresh();
        synchronized (StalenessTest.class) {
            if (publicCase == null) {
                Viewer lead = Viewer.signedIn("st-lead", "ifit", Set.of(Role.STAFF));
                publicCase = cases.create(
                                lead, Sample.withMarkers(TAG, TAG + "a", "MX", EntityType.CHURCH, GroupType.MAFIA))
                        .id();
                AccessStub.setPolicy(
                        publicCase, "ifit", Tier.PUBLICLY_KNOWN, true, Map.of("st-lead", TeamRole.LEAD), List.of());
                grantedCase = cases.create(
                                lead, Sample.withMarkers(TAG, TAG + "b", "MX", EntityType.CHURCH, GroupType.MAFIA))
                        .id();
                AccessStub.setPolicy(
                        grantedCase,
                        "ifit",
                        Tier.SECRET,
                        false,
                        Map.of("st-lead", TeamRole.LEAD),
                        List.of(new GrantSpec("oas", GrantScope.PROCESS, null)));
            }
        }
        // Fresh, the partner and the public see their cases; the register's whole answer to the list is kept.
        assertThat(given().get("/public/cases/" + publicCase).statusCode()).isEqualTo(200);
        for (int kept = 0; kept < 2; kept++) {
            assertThat(given().queryParam("q", TAG)
                            .get("/public/cases")
                            .jsonPath()
                            .getList("items.id", String.class))
                    .containsExactly(publicCase);
        }
        AccessStub.shiftClock(Duration.ofHours(2));
    }

    @AfterEach
    void fresh() {
        AccessStub.shiftClock(null);
    }

    @Test
    @TestSecurity(user = "st-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "st-lead"), @Claim(key = "org", value = "ifit")})
    void membersFailClosedTooForTheStaleCopyMayStillListSomeoneAlreadyRemoved() {
        Response read = given().get("/cases/" + grantedCase);
        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(read.header("Retry-After")).isNotBlank();
        assertThat(Http.fingerprint(given().get("/cases/" + UUID.randomUUID()))).isEqualTo(Http.fingerprint(read));
        assertThat(given().contentType("application/json")
                        .header("If-Match", "\"1\"")
                        .body("{\"dealReached\":true}")
                        .patch("/cases/" + grantedCase + "/results")
                        .statusCode())
                .as("an edit by a member of the stale copy")
                .isEqualTo(503);
        assertThat(given().queryParam("q", TAG).get("/cases").statusCode()).isEqualTo(503);
        assertThat(given().queryParam("team", "mine").get("/cases").statusCode())
                .isEqualTo(503);
    }

    @Test
    @TestSecurity(user = "st-partner", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "st-partner"), @Claim(key = "org", value = "oas")})
    void everyoneElseGetsTheSame503WhateverTheId() {
        Response granted = given().get("/cases/" + grantedCase);
        assertThat(granted.statusCode()).isEqualTo(503);
        assertThat(granted.header("Retry-After")).isNotBlank();
        assertThat(granted.contentType()).startsWith("application/problem+json");
        assertThat(Http.fingerprint(given().get("/cases/" + UUID.randomUUID()))).isEqualTo(Http.fingerprint(granted));
        assertThat(Http.fingerprint(given().get("/cases/not-an-id"))).isEqualTo(Http.fingerprint(granted));
        assertThat(given().queryParam("q", TAG).get("/cases").statusCode()).isEqualTo(503);
        assertThat(given().contentType("application/json")
                        .body("{\"dealReached\":true}")
                        .patch("/cases/" + grantedCase + "/results")
                        .statusCode())
                .isEqualTo(503);
    }

    @Test
    void thePublicRegisterFailsClosed() {
        Response read = given().get("/public/cases/" + publicCase);
        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(read.header("Retry-After")).isNotBlank();
        assertThat(Http.fingerprint(given().get("/public/cases/" + UUID.randomUUID())))
                .isEqualTo(Http.fingerprint(read));
        assertThat(given().get("/public/cases").statusCode()).isEqualTo(503);
        assertThat(given().queryParam("q", TAG).get("/public/cases").statusCode())
                .as("a whole answer kept while fresh")
                .isEqualTo(503);
    }

    @Test
    void aHeartbeatMakesItFreshAgain() {
        AccessStub.shiftClock(null);
        AccessStub.ensureFresh();
        given().get("/public/cases/" + publicCase).then().statusCode(200);
    }
}
