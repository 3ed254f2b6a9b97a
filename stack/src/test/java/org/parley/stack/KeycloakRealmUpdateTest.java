package org.parley.stack;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an update takes from a realm file's roles, and what it refuses before changing anything (no Keycloak). */
class KeycloakRealmUpdateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void parleysRealmFilesHaveNoRoleAnUpdateRefuses() throws Exception {
        for (String file : new String[] {"parley-realm.json", "parley-realm-demo.json"}) {
            JsonNode roles = JSON.readTree(
                            Path.of("..", "deploy", "keycloak", file).toFile())
                    .path("roles");
            assertThat(roles.path("realm").size()).as(file).isPositive();
            assertThatCode(() -> KeycloakRealmUpdate.refuseRolesItCannotApply(roles))
                    .as(file)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void clientRolesAndCompositeRolesAreRefusedByName() throws Exception {
        JsonNode clientRoles = JSON.readTree(
                "{\"realm\": [{\"name\": \"staff\"}], \"client\": {\"parley-cli\": [{\"name\": \"export\"}], \"empty\": []}}");
        assertThatThrownBy(() -> KeycloakRealmUpdate.refuseRolesItCannotApply(clientRoles))
                .hasMessageContaining("client roles of parley-cli")
                .hasMessageNotContaining("empty");
        JsonNode composite = JSON.readTree("{\"realm\": [{\"name\": \"staff\"},"
                + " {\"name\": \"lead\", \"composite\": true, \"composites\": {\"realm\": [\"staff\"]}}]}");
        assertThatThrownBy(() -> KeycloakRealmUpdate.refuseRolesItCannotApply(composite))
                .hasMessageContaining("the composite role lead")
                .hasMessageNotContaining("role staff");
    }

    @Test
    void aKeptRoleTakesTheFilesDescriptionAndAttributesAndLosesWhatTheFileNoLongerGives() throws Exception {
        ObjectNode described = (ObjectNode) JSON.readTree(
                "{\"name\": \"auditor\", \"description\": \"Reads the trail\", \"attributes\": {\"a\": [\"1\"]}}");
        assertThat(KeycloakRealmUpdate.roleUpdate(described))
                .isEqualTo(
                        JSON.readTree(
                                "{\"name\": \"auditor\", \"description\": \"Reads the trail\", \"attributes\": {\"a\": [\"1\"]}}"));
        assertThat(KeycloakRealmUpdate.roleUpdate(JSON.readTree("{\"name\": \"auditor\"}")))
                .isEqualTo(JSON.readTree("{\"name\": \"auditor\", \"description\": null, \"attributes\": {}}"));
    }
}
