package org.parley.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real access tokens from the shared stack's Keycloak (realm parley, public client parley-cli, password grant),
 * and demo users made on the fly through the admin REST API. Every user's password is its name + "-pass".
 */
public final class Tokens {

    public static final String CLIENT_ID = "parley-cli";
    /** The roles this realm defines; the ones {@link #adminCreateUser} sets or removes. */
    public static final Set<String> REALM_ROLES =
            Set.of("staff", "secrecy-admin", "auditor", "identity-custodian", "partner");

    // The master-realm admin that LocalStack sets up for the dev and test stacks only.
    private static final String ADMIN_USERNAME = "admin";
    private static final String ADMIN_PASSWORD = "admin-dev-only";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, CachedToken> CACHE = new ConcurrentHashMap<>();

    private record CachedToken(String accessToken, Instant renewAfter) {}

    private Tokens() {}

    public static String passwordOf(String username) {
        return username + "-pass";
    }

    /** An access token for the user, cached until a minute before it expires. */
    public static String of(String username) {
        CachedToken cached = CACHE.get(username);
        if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
            return cached.accessToken();
        }
        JsonNode response = passwordGrant(SharedStack.get().realmUrl(), CLIENT_ID, username, passwordOf(username));
        String accessToken = response.get("access_token").asText();
        Instant expiry = Instant.now().plusSeconds(response.get("expires_in").asLong());
        CACHE.put(username, new CachedToken(accessToken, expiry.minus(RENEW_BEFORE_EXPIRY)));
        return accessToken;
    }

    /** The claims of a JWT, without checking its signature (the services check it; tests only read it). */
    public static Map<String, Object> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), new TypeReference<>() {});
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable JWT payload", e);
        }
    }

    /**
     * Makes sure the user exists in realm parley with this organisation, exactly these of the realm's roles, and
     * the password name + "-pass". Safe to call again with the same or other values. Returns the user's id.
     */
    public static String adminCreateUser(String username, String organisation, String... roles) {
        for (String role : roles) {
            if (!REALM_ROLES.contains(role)) {
                throw new IllegalArgumentException("no such realm role: " + role);
            }
        }
        StackInfo stack = SharedStack.get();
        Admin admin = new Admin(stack.keycloakUrl(), adminToken(stack));
        Map<String, Object> representation = Map.of(
                "username",
                username,
                "enabled",
                true,
                "firstName",
                username,
                "lastName",
                "Test",
                "email",
                username + "@" + organisation + ".example",
                "emailVerified",
                true,
                "attributes",
                Map.of("organisation", List.of(organisation)));
        String userId = admin.findUserId(username);
        if (userId == null) {
            HttpResponse<String> created = admin.send("POST", "/users", representation);
            // 409: another test JVM created the same user a moment ago; it is updated below like any other.
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException(
                        "creating user " + username + " answered " + created.statusCode() + ": " + created.body());
            }
            userId = admin.findUserId(username);
        }
        admin.expect(204, "PUT", "/users/" + userId, representation);
        admin.expect(
                204,
                "PUT",
                "/users/" + userId + "/reset-password",
                Map.of("type", "password", "value", passwordOf(username), "temporary", false));
        admin.setRealmRoles(userId, new LinkedHashSet<>(List.of(roles)));
        CACHE.remove(username); // its organisation or roles may have changed
        return userId;
    }

    private static String adminToken(StackInfo stack) {
        return passwordGrant(stack.keycloakUrl() + "/realms/master", "admin-cli", ADMIN_USERNAME, ADMIN_PASSWORD)
                .get("access_token")
                .asText();
    }

    private static JsonNode passwordGrant(String realmUrl, String clientId, String username, String password) {
        String form = "grant_type=password&client_id=" + encode(clientId) + "&username=" + encode(username)
                + "&password=" + encode(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "no token for " + username + ": " + response.statusCode() + " " + response.body());
        }
        return readTree(response.body());
    }

    /** The few admin REST calls that adminCreateUser needs, on realm parley. */
    private static final class Admin {
        private final String base;
        private final String token;

        Admin(String keycloakUrl, String token) {
            this.base = keycloakUrl + "/admin/realms/" + StackInfo.REALM;
            this.token = token;
        }

        String findUserId(String username) {
            HttpResponse<String> response = expect(200, "GET", "/users?exact=true&username=" + encode(username), null);
            JsonNode users = readTree(response.body());
            return users.isEmpty() ? null : users.get(0).get("id").asText();
        }

        void setRealmRoles(String userId, Set<String> wanted) {
            String path = "/users/" + userId + "/role-mappings/realm";
            List<JsonNode> toRemove = new ArrayList<>();
            Set<String> present = new LinkedHashSet<>();
            for (JsonNode role : readTree(expect(200, "GET", path, null).body())) {
                String name = role.get("name").asText();
                present.add(name);
                if (REALM_ROLES.contains(name) && !wanted.contains(name)) {
                    toRemove.add(role);
                }
            }
            List<JsonNode> toAdd = wanted.stream()
                    .filter(name -> !present.contains(name))
                    .map(name -> readTree(
                            expect(200, "GET", "/roles/" + encode(name), null).body()))
                    .collect(Collectors.toList());
            if (!toAdd.isEmpty()) {
                expect(204, "POST", path, toAdd);
            }
            if (!toRemove.isEmpty()) {
                expect(204, "DELETE", path, toRemove);
            }
        }

        HttpResponse<String> expect(int status, String method, String path, Object body) {
            HttpResponse<String> response = send(method, path, body);
            if (response.statusCode() != status) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        }

        HttpResponse<String> send(String method, String path, Object body) {
            HttpRequest.BodyPublisher publisher;
            try {
                publisher = body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, publisher)
                    .build();
            return Tokens.send(request);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
