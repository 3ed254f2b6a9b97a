package org.parley.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The parley realm's admin API of a test's local Keycloak, as the stack's master admin, with a fresh token each time. */
final class KeycloakAdmin {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    KeycloakAdmin(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** {@code method} on {@code /admin/realms/parley} + {@code path}, with a JSON {@code body} or none. */
    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/admin/realms/parley" + path))
                .header(
                        "Authorization",
                        "Bearer "
                                + token(
                                        "master",
                                        "admin-cli",
                                        KeycloakServer.ADMIN_USERNAME,
                                        KeycloakServer.ADMIN_PASSWORD))
                .header("Content-Type", "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON answer of a GET that must answer 200. */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The one user named {@code username}. */
    JsonNode user(String username) throws IOException, InterruptedException {
        JsonNode users = get("/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
        assertThat(users).as("users named " + username).hasSize(1);
        return users.get(0);
    }

    /** An access token of {@code username} in {@code realm} by the password grant of {@code client}. */
    String token(String realm, String client, String username, String password)
            throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + client + "&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/realms/" + realm + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token of " + username).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }
}
