package org.parley.cases.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
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
import org.parley.web.NotFoundBudget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller who collects too many "not found" answers (probing for hidden cases, or timing them) is refused
 * with 429 for the rest of the minute, whatever they ask; unknown and invisible ids count alike, and other
 * callers are not affected. A signed-in caller is their subject; an anonymous one the address a trusted proxy
 * forwards. The budget is lowered to 4 for these tests (the test profile's is far higher).
 */
@QuarkusTest
class NotFoundThrottleTest {

    static final Class<?> STACK = CasesTestResource.class;

    @Inject
    NotFoundBudget budget;

    @Inject
    CaseService cases;

    private int original;

    @BeforeEach
    void lowBudget() {
        AccessStub.ensureFresh();
        original = limit(4);
        // Other test classes' anonymous calls from loopback may have counted in this minute.
        forgetCallers();
    }

    @AfterEach
    void restore() {
        limit(original);
    }

    @Test
    @TestSecurity(user = "nf-prober", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "nf-prober"), @Claim(key = "org", value = "ifit")})
    void aProberIsRefusedForTheRestOfTheMinuteWhateverTheyAsk() {
        String hidden = hiddenCase();
        Response unknown = given().get("/cases/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        for (String id : List.of(hidden, UUID.randomUUID().toString(), hidden)) {
            Response answer = given().get("/cases/" + id);
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.asString()).isEqualTo(unknown.asString());
        }

        Response list = given().get("/cases");
        assertThat(list.statusCode()).isEqualTo(429);
        assertThat(list.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(list.header("Retry-After"))).isBetween(1L, 60L);
        Response forHidden = given().get("/cases/" + hidden);
        Response forUnknown = given().get("/cases/" + UUID.randomUUID());
        assertThat(forHidden.statusCode()).isEqualTo(429);
        // The seconds left may tick between the two requests on a busy machine; everything else is equal.
        assertThat(withoutSecondsLeft(forHidden.asString()))
                .as("the refusal is the same whether the id exists")
                .isEqualTo(withoutSecondsLeft(forUnknown.asString()));
    }

    @Test
    @TestSecurity(user = "nf-bystander", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "nf-bystander"), @Claim(key = "org", value = "ifit")})
    void otherCallersAreNotAffected() {
        assertThat(given().get("/cases").statusCode()).isEqualTo(200);
        assertThat(given().get("/cases/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(given().get("/cases").statusCode()).isEqualTo(200);
    }

    @Test
    void anAnonymousProberIsRefusedByTheAddressTheConsoleForwardsAndNoOneElseIs() {
        String hidden = hiddenCase();
        // The tests call from loopback, a trusted proxy in the test profile, as the console does.
        String prober = "203.0.113.7";
        for (String id : List.of(
                hidden, UUID.randomUUID().toString(), hidden, UUID.randomUUID().toString())) {
            assertThat(anonymous(prober).get("/public/cases/" + id).statusCode())
                    .isEqualTo(404);
        }
        Response refused = anonymous(prober).get("/public/cases");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);

        // A name written left of the proxy's own entry is the caller's word: it changes nothing.
        assertThat(anonymous("198.51.100.1, " + prober).get("/public/cases").statusCode())
                .isEqualTo(429);
        // Another reader behind the same console, and the console's own address, still read the register.
        assertThat(anonymous("203.0.113.8").get("/public/cases").statusCode()).isEqualTo(200);
        assertThat(given().get("/public/cases").statusCode()).isEqualTo(200);
    }

    @Test
    void anAnonymousIpv6ProberCountsAsTheirWholeNetwork() {
        for (int i = 1; i <= 4; i++) {
            String address = "2001:db8:7:1::" + Integer.toHexString(i);
            assertThat(anonymous(address)
                            .get("/public/cases/" + UUID.randomUUID())
                            .statusCode())
                    .isEqualTo(404);
        }
        assertThat(anonymous("2001:db8:7:1:ffff::9").get("/public/cases").statusCode())
                .as("another address of the same /64")
                .isEqualTo(429);
        assertThat(anonymous("2001:db8:7:2::1").get("/public/cases").statusCode())
                .as("the next /64")
                .isEqualTo(200);
    }

    private static RequestSpecification anonymous(String forwardedFor) {
        return given().header("X-Forwarded-For", forwardedFor);
    }

    private String hiddenCase() {
        Viewer lead = Viewer.signedIn("nf-lead", "ifit", Set.of(Role.STAFF));
        String id = cases.create(
                        lead,
                        Sample.withMarkers(
                                "nf",
                                "nf" + UUID.randomUUID().toString().substring(0, 6),
                                "MX",
                                EntityType.CHURCH,
                                GroupType.MAFIA))
                .id();
        AccessStub.setPolicy(id, "ifit", Tier.SECRET, false, Map.of("nf-lead", TeamRole.LEAD), List.of());
        return id;
    }

    /** Sets the budget's per-minute limit; returns the one it had. */
    private int limit(int perMinute) {
        NotFoundBudget target = ClientProxy.unwrap(budget);
        try {
            var field = NotFoundBudget.class.getDeclaredField("perMinute");
            field.setAccessible(true);
            int before = field.getInt(target);
            field.setInt(target, perMinute);
            return before;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void forgetCallers() {
        NotFoundBudget target = ClientProxy.unwrap(budget);
        try {
            var field = NotFoundBudget.class.getDeclaredField("windows");
            field.setAccessible(true);
            ((Map<?, ?>) field.get(target)).clear();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withoutSecondsLeft(String problem) {
        return problem.replaceAll("try again in \\d+ s", "try again in N s");
    }
}
