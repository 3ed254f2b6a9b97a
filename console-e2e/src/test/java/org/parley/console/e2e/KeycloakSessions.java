package org.parley.console.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.parley.testing.StackInfo;

/**
 * What Keycloak itself says about a user's sign-ins, through the test stack's admin REST API: the ids of the
 * user's live sessions that the console's client takes part in.
 */
final class KeycloakSessions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONSOLE_CLIENT = "parley-console";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloak;

    KeycloakSessions(StackInfo stack) {
        this.keycloak = stack.keycloakUrl();
    }

    /** The ids of the user's live Keycloak sessions in which the console signed in. */
    Set<String> consoleSessions(String username) throws Exception {
        String bearer = "Bearer " + adminToken();
        String admin = keycloak + "/admin/realms/" + StackInfo.REALM;
        JsonNode users = get(
                admin + "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), bearer);
        if (users.size() != 1) {
            throw new IllegalStateException("no single Keycloak user " + username);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode session : get(admin + "/users/" + users.get(0).path("id").asText() + "/sessions", bearer)) {
            boolean console = false;
            for (JsonNode client : session.path("clients")) {
                console |= CONSOLE_CLIENT.equals(client.asText());
            }
            if (console) {
                ids.add(session.path("id").asText());
            }
        }
        return ids;
    }

    private JsonNode get(String url, String bearer) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", bearer)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak admin API answered " + response.statusCode() + " for " + url);
        }
        return JSON.readTree(response.body());
    }

    /** The test stack's master-realm admin (dev and test stacks only). */
    private String adminToken() throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode("admin-dev-only", StandardCharsets.UTF_8);
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("no Keycloak admin token: HTTP " + token.statusCode());
        }
        return JSON.readTree(token.body()).path("access_token").asText();
    }
}
