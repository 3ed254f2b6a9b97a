package org.parley.cases.search;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.Sample;
import org.parley.policy.Role;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** "My cases": team=mine narrows a listing, its total and its facets to the caller's own team cases. */
@QuarkusTest
class MyCasesTest {

    static final Class<?> STACK = CasesTestResource.class;
    static final String TAG = "mc" + UUID.randomUUID().toString().substring(0, 6);

    private static String onTeam;
    private static String publicNotOnTeam;

    @Inject
    CaseService cases;

    @BeforeEach
    void setUp() {
        AccessStub.ensureFresh();
        synchronized (MyCasesTest.class) {
            if (onTeam == null) {
                Viewer lead = Viewer.signedIn("mc-lead", "ifit", Set.of(Role.STAFF));
                onTeam = cases.create(
                                lead, Sample.withMarkers(TAG, TAG + "a", "MX", EntityType.CHURCH, GroupType.MAFIA))
                        .id();
                AccessStub.setPolicy(
                        onTeam,
                        "ifit",
                        Tier.SECRET,
                        false,
                        Map.of("mc-lead", TeamRole.LEAD, "mc-member", TeamRole.MEMBER),
                        List.of());
                publicNotOnTeam = cases.create(
                                lead, Sample.withMarkers(TAG, TAG + "b", "CO", EntityType.CHURCH, GroupType.MAFIA))
                        .id();
                AccessStub.setPolicy(
                        publicNotOnTeam,
                        "ifit",
                        Tier.PUBLICLY_KNOWN,
                        true,
                        Map.of("mc-lead", TeamRole.LEAD),
                        List.of());
            }
        }
    }

    @Test
    @TestSecurity(user = "mc-member", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "mc-member"), @Claim(key = "org", value = "ifit")})
    void aMemberSeesOnlyTheirTeamsCasesCountedAndFaceted() {
        Response all = given().queryParam("q", TAG).get("/cases");
        assertThat(all.jsonPath().getList("items.id", String.class)).containsExactlyInAnyOrder(onTeam, publicNotOnTeam);

        Response mine = given().queryParam("q", TAG).queryParam("team", "mine").get("/cases");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.header("Parley-Results")).isNull();
        assertThat(mine.jsonPath().getList("items.id", String.class)).containsExactly(onTeam);
        assertThat(mine.jsonPath().getInt("total")).isEqualTo(1);
        assertThat(mine.jsonPath().getMap("facets.country")).containsOnlyKeys("MX");
    }

    @Test
    @TestSecurity(user = "mc-outsider", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "mc-outsider"), @Claim(key = "org", value = "ifit")})
    void someoneOnNoTeamHasNoCasesOfTheirOwnAndBadValuesAreRefused() {
        Response mine = given().queryParam("q", TAG).queryParam("team", "mine").get("/cases");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.jsonPath().getList("items")).isEmpty();
        assertThat(mine.jsonPath().getInt("total")).isZero();

        Response bad = given().queryParam("team", "ours").get("/cases");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.jsonPath().getString("errors[0].field")).isEqualTo("team");
        assertThat(bad.asString()).doesNotContain("ours");
    }
}
