package org.parley.access;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An auditor reads their own organisation's users by name (for the ledger's actors), and nobody else's. */
@QuarkusTest
class ColleaguesTest extends AccessStackTest {

    @Test
    void anAuditorSeesTheirOwnOrganisationsUsersOnly() {
        registerPartners();
        for (String user : List.of("sofia", "ana", "lucia", "pierre", "irene")) {
            as(user).get("/me").then().statusCode(200); // access records a user when it first sees their token
        }
        List<String> usernames = as("irene")
                .get("/me/colleagues")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("username");
        assertThat(usernames).contains("sofia", "ana", "irene").doesNotContain("lucia", "pierre");
        assertThat(as("irene").get("/me/colleagues").jsonPath().getString("find { it.username == 'sofia' }.subject"))
                .isEqualTo(subjectOf("sofia"));
    }

    @Test
    void nobodyButAnAuditorReadsThem() {
        for (String user : List.of("sofia", "ana", "carlos", "lucia")) {
            as(user).get("/me/colleagues").then().statusCode(403).contentType("application/problem+json");
        }
        io.restassured.RestAssured.given().get("/me/colleagues").then().statusCode(401);
    }
}
