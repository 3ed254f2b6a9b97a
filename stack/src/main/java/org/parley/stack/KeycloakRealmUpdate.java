package org.parley.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A changed realm file applied to the realm a kept Keycloak database already holds, through Keycloak's admin API,
 * instead of a new database with the file imported: the users an administrator added in Keycloak (and their roles,
 * passwords and sessions) are acknowledged data, and a new version of the file must not wipe them.
 *
 * <p>What the file defines wins for what it names; what the former file named and this one does not is removed; what
 * no file ever named (made in Keycloak by hand) is left alone:
 *
 * <ul>
 *   <li>the realm's own settings (token lifespans, brute-force protection, locales …) are set from the file;
 *   <li>the user profile (the organisation attribute the services' claim comes from) is set from the file;
 *   <li>realm roles the file adds are created; existing ones are updated in place (description and attributes), never
 *       replaced, since Keycloak replaces a role by deleting it, which would take it from every user who holds it;
 *       composite roles and client roles are refused (below): none of Parley's realm files has any, and applying them
 *       would need steps of their own;
 *   <li>the file's clients and users replace their namesakes (a user keeps its id: the file fixes every id, and the
 *       services know people by it);
 *   <li>users, clients and realm roles the former file named and this one no longer does are deleted: a demo user
 *       taken out of the file, with a password everyone can read in it, must not keep signing in. That needs the
 *       former file's names ({@link RealmNames}, kept beside the database without a password); when they are not
 *       known, nothing is deleted.
 * </ul>
 *
 * A part of the file this cannot apply stops the start before anything is changed, so a realm is never left half as
 * the file says without a word; the database then still records the former file, and the next start tries again.
 */
final class KeycloakRealmUpdate {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String USER_PROFILE_PROVIDER = "org.keycloak.userprofile.UserProfileProvider";
    private static final String USER_PROFILE_CONFIG = "kc.user.profile.config";
    /** The parts of a realm file applied on their own; every other part must be one of the realm's own settings. */
    private static final Set<String> PARTS = Set.of("roles", "clients", "users", "components");

    private final String base;
    private final HttpClient http;

    KeycloakRealmUpdate(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * What a realm file names: its users (by username), clients (by client id) and realm roles. Kept (as JSON, no
     * password in it) with the realm a database was brought to, so that the next file can tell what it dropped.
     */
    record RealmNames(Set<String> users, Set<String> clients, Set<String> roles) {

        static RealmNames of(JsonNode file) {
            return new RealmNames(
                    texts(file.path("users"), "username"),
                    texts(file.path("clients"), "clientId"),
                    texts(file.path("roles").path("realm"), "name"));
        }

        /** What this names and {@code later} does not. */
        RealmNames droppedBy(RealmNames later) {
            return new RealmNames(
                    without(users, later.users), without(clients, later.clients), without(roles, later.roles));
        }

        private static Set<String> texts(JsonNode items, String field) {
            Set<String> names = new TreeSet<>();
            items.forEach(item -> {
                if (item.path(field).isTextual()) {
                    names.add(item.path(field).asText());
                }
            });
            return names;
        }

        private static Set<String> without(Set<String> names, Set<String> kept) {
            Set<String> left = new TreeSet<>(names);
            left.removeAll(kept);
            return left;
        }
    }

    /**
     * Applies {@code realmFile} to the running Keycloak's realm of the same name, and deletes what {@code former} (the
     * names of the file the realm was last brought to, null when unknown) named and the new file does not.
     */
    void apply(Path realmFile, RealmNames former) throws IOException, InterruptedException {
        JsonNode file = JSON.readTree(realmFile.toFile());
        String realm = file.path("realm").asText();
        if (realm.isEmpty()) {
            throw new IllegalStateException("the realm file " + realmFile + " names no realm");
        }
        // Every part it cannot apply is refused before anything is changed.
        String settings = settingsOf(file);
        String userProfile = userProfileOf(file.path("components"));
        refuseRolesItCannotApply(file.path("roles"));
        String token = adminToken();
        String admin = "/admin/realms/" + URLEncoder.encode(realm, StandardCharsets.UTF_8);

        send(token, "PUT", admin, settings, "the realm's settings");
        if (userProfile != null) {
            send(token, "PUT", admin + "/users/profile", userProfile, "the user profile");
        }
        if (file.has("roles")) {
            ObjectNode roles = JSON.createObjectNode();
            roles.put("ifResourceExists", "SKIP");
            roles.set("roles", file.get("roles"));
            send(token, "POST", admin + "/partialImport", JSON.writeValueAsString(roles), "the realm's roles");
            for (JsonNode role : file.path("roles").path("realm")) {
                send(
                        token,
                        "PUT",
                        admin + "/roles/" + encode(role.path("name").asText()),
                        JSON.writeValueAsString(roleUpdate(role)),
                        "the description of a realm role");
            }
        }
        ObjectNode clientsAndUsers = JSON.createObjectNode();
        clientsAndUsers.put("ifResourceExists", "OVERWRITE");
        for (String part : List.of("clients", "users")) {
            if (file.has(part)) {
                clientsAndUsers.set(part, file.get(part));
            }
        }
        if (clientsAndUsers.size() > 1) {
            send(
                    token,
                    "POST",
                    admin + "/partialImport",
                    JSON.writeValueAsString(clientsAndUsers),
                    "the realm's clients and users");
        }
        if (former != null) {
            delete(token, admin, former.droppedBy(RealmNames.of(file)));
        }
    }

    /**
     * What a kept role takes from the file: its description and attributes, either of them cleared when the file gives
     * none (the file wins for what it names). Its users keep it: it is the same role.
     */
    static ObjectNode roleUpdate(JsonNode role) {
        ObjectNode update = JSON.createObjectNode();
        update.put("name", role.path("name").asText());
        update.set("description", role.path("description").isTextual() ? role.get("description") : null);
        update.set("attributes", role.path("attributes").isObject() ? role.get("attributes") : JSON.createObjectNode());
        return update;
    }

    /**
     * Refuses, before anything is changed, roles that an update could not make as the file says: client roles (a
     * client the file overwrites would lose them from its users) and composite roles (whose parts the role's update
     * does not set).
     */
    static void refuseRolesItCannotApply(JsonNode roles) {
        List<String> unsupported = new ArrayList<>();
        roles.path("client").fields().forEachRemaining(client -> {
            if (client.getValue().size() > 0) {
                unsupported.add("client roles of " + client.getKey());
            }
        });
        for (JsonNode role : roles.path("realm")) {
            if (role.path("composite").asBoolean(false)
                    || role.path("composites").size() > 0) {
                unsupported.add("the composite role " + role.path("name").asText());
            }
        }
        if (!unsupported.isEmpty()) {
            throw new IllegalStateException("the realm file has roles a kept Keycloak database cannot take from it: "
                    + unsupported + "; apply them in Keycloak's admin console, or start Keycloak's database afresh");
        }
    }

    /** Deletes what a former file named and the new one dropped; one already gone is fine. */
    private void delete(String token, String admin, RealmNames dropped) throws IOException, InterruptedException {
        for (String username : dropped.users()) {
            for (JsonNode user : read(token, admin + "/users?exact=true&username=" + encode(username))) {
                if (user.path("username").asText().equalsIgnoreCase(username)) {
                    deleteIfThere(
                            token, admin + "/users/" + encode(user.path("id").asText()));
                }
            }
        }
        for (String clientId : dropped.clients()) {
            for (JsonNode client : read(token, admin + "/clients?clientId=" + encode(clientId))) {
                if (client.path("clientId").asText().equals(clientId)) {
                    deleteIfThere(
                            token,
                            admin + "/clients/" + encode(client.path("id").asText()));
                }
            }
        }
        for (String role : dropped.roles()) {
            deleteIfThere(token, admin + "/roles/" + encode(role));
        }
    }

    private void deleteIfThere(String token, String path) throws IOException, InterruptedException {
        int status = exchange(token, "DELETE", path, null).statusCode();
        if (status / 100 != 2 && status != 404) {
            throw new IllegalStateException("Keycloak refused to delete what the realm file no longer names (HTTP "
                    + status + "); the next start tries again; see keycloak.log");
        }
    }

    private JsonNode read(String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = exchange(token, "GET", path, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak did not answer a look-up for the realm file's update (HTTP "
                    + response.statusCode() + "); see keycloak.log");
        }
        return JSON.readTree(response.body());
    }

    /** One call of the admin API as the master admin; {@code body} null for none. */
    private HttpResponse<String> exchange(String token, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The realm's own settings: the file without the parts applied on their own. Any other part that is itself a
     * resource (an object, or a list of objects: groups, flows, identity providers …) has no step here, and is refused
     * rather than left out in silence.
     */
    private static String settingsOf(JsonNode file) throws IOException {
        ObjectNode settings = JSON.createObjectNode();
        List<String> unsupported = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = file.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (PARTS.contains(field.getKey())) {
                continue;
            }
            boolean resource = value.isObject()
                    || (value.isArray() && value.size() > 0 && value.get(0).isObject());
            if (resource) {
                unsupported.add(field.getKey());
            } else {
                settings.set(field.getKey(), value);
            }
        }
        if (!unsupported.isEmpty()) {
            throw new IllegalStateException("the realm file has parts a kept Keycloak database cannot take from it: "
                    + unsupported + "; apply them in Keycloak's admin console, or start Keycloak's database afresh");
        }
        return JSON.writeValueAsString(settings);
    }

    /** The user profile's configuration (a JSON document in a string), or null when the file sets none. */
    private static String userProfileOf(JsonNode components) {
        if (components.isMissingNode()) {
            return null;
        }
        List<String> unsupported = new ArrayList<>();
        components.fieldNames().forEachRemaining(provider -> {
            if (!provider.equals(USER_PROFILE_PROVIDER)) {
                unsupported.add(provider);
            }
        });
        JsonNode profiles = components.path(USER_PROFILE_PROVIDER);
        if (!unsupported.isEmpty() || profiles.size() > 1) {
            throw new IllegalStateException("the realm file has components a kept Keycloak database cannot take from"
                    + " it (only one user profile can be): " + unsupported);
        }
        JsonNode config =
                profiles.path(0).path("config").path(USER_PROFILE_CONFIG).path(0);
        return config.isTextual() ? config.asText() : null;
    }

    private String adminToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(KeycloakServer.ADMIN_USERNAME, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(KeycloakServer.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Keycloak's master admin got no token (HTTP " + response.statusCode() + "): see keycloak.log");
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private void send(String token, String method, String path, String body, String what)
            throws IOException, InterruptedException {
        HttpResponse<String> response = exchange(token, method, path, body);
        if (response.statusCode() / 100 != 2) {
            // Keycloak's answer may name users: it stays out of the message, which reaches the console.
            throw new IllegalStateException("Keycloak refused the realm file's " + what + " (HTTP "
                    + response.statusCode() + "); the realm keeps the former file's, and the next start tries again;"
                    + " see keycloak.log");
        }
    }
}
