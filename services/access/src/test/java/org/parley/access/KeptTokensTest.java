package org.parley.access;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.parley.testing.Tokens;
import org.parley.web.tokens.KeptTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Verified bearer tokens are kept briefly (KeptTokens), with real Keycloak tokens: a kept token answers as its own
 * user only, any altered token is verified afresh and refused though the original is kept, and a kept token still goes
 * through every check the service makes after verification (here: access refuses organisations it does not know).
 */
@QuarkusTest
class KeptTokensTest extends AccessStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KeptTokens kept;

    @Test
    void aVerifiedTokenIsKeptAndEachKeptTokenAnswersAsItsOwnUser() {
        registerPartners();
        String ana = Tokens.of("ana");
        as("ana").get("/me").then().statusCode(200);

        assertThat(kept.find(ana))
                .hasValueSatisfying(identity -> assertThat(((JsonWebToken) identity.getPrincipal()).getSubject())
                        .isEqualTo(subjectOf("ana")));
        for (int i = 0; i < 3; i++) {
            as("ana")
                    .get("/me")
                    .then()
                    .statusCode(200)
                    .body("username", equalTo("ana"))
                    .body("organisation", equalTo("ifit"));
            as("lucia")
                    .get("/me")
                    .then()
                    .statusCode(200)
                    .body("username", equalTo("lucia"))
                    .body("organisation", equalTo("oas"));
        }
        assertThat(kept.find(Tokens.of("lucia"))).isPresent();
    }

    @Test
    void anAlteredTokenIsVerifiedAfreshAndRefusedThoughTheOriginalIsKept() throws Exception {
        registerPartners();
        String lucia = Tokens.of("lucia");
        as("lucia").get("/me").then().statusCode(200);
        assertThat(kept.find(lucia)).isPresent();

        String[] parts = lucia.split("\\.");
        // One character in the middle of the signature (the last one may change only unused bits).
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        String otherSignature = parts[0] + "." + parts[1] + "." + new String(signature);
        // Lucia's claims with the host's organisation, under Lucia's signature.
        Map<String, Object> claims = new HashMap<>(Tokens.claims(lucia));
        claims.put("org", "ifit");
        String otherClaims = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(claims)) + "."
                + parts[2];

        for (String altered : List.of(otherSignature, otherClaims)) {
            for (int i = 0; i < 2; i++) {
                RestAssured.given()
                        .auth()
                        .oauth2(altered)
                        .get("/me")
                        .then()
                        .statusCode(401)
                        .contentType("application/problem+json");
            }
            assertThat(kept.find(altered)).isEmpty();
        }
        as("lucia").get("/me").then().statusCode(200).body("organisation", equalTo("oas"));
    }

    @Test
    void aKeptTokenIsStillRefusedByTheChecksAfterVerification() {
        Tokens.adminCreateUser("zora", "unregistered-org", "partner");
        String zora = Tokens.of("zora");
        as("zora").get("/me").then().statusCode(401).contentType("application/problem+json");
        // The signature was good, so the verification is kept; access's own check still refuses every request.
        assertThat(kept.find(zora)).isPresent();
        for (int i = 0; i < 3; i++) {
            as("zora").get("/me").then().statusCode(401).contentType("application/problem+json");
            as("zora").get("/organisations").then().statusCode(401);
        }
    }
}
