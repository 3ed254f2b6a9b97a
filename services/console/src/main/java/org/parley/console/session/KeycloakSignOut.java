package org.parley.console.session;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Ends the user's session at Keycloak from the server side: the console, authenticated as its client, posts the
 * session's refresh token to the provider's end-session endpoint (Keycloak's back-channel logout). Keycloak then
 * drops the whole SSO session, so neither that refresh token nor the browser's Keycloak cookie signs anyone in
 * again. It does not depend on the browser following a redirect.
 *
 * <p>Access tokens already issued are JWTs that the services verify locally: they stay valid until they expire
 * (the realm's accessTokenLifespan, 5 minutes).
 */
@ApplicationScoped
public class KeycloakSignOut {

    private static final Logger LOG = Logger.getLogger(KeycloakSignOut.class);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String clientId;
    private final Optional<String> clientSecret;

    @Inject
    public KeycloakSignOut(
            @ConfigProperty(name = "quarkus.oidc.client-id") String clientId,
            @ConfigProperty(name = "quarkus.oidc.credentials.secret") Optional<String> clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /**
     * Asks Keycloak to end the session the refresh token belongs to; true once it confirmed. A failure is
     * logged (status only) and the caller still clears the console's own session: the Keycloak session then
     * ends at its idle timeout.
     */
    public boolean endSession(String endSessionUri, String refreshToken) {
        if (endSessionUri == null || refreshToken == null || refreshToken.isEmpty()) {
            LOG.warn("sign-out: no end-session endpoint or refresh token; the Keycloak session ends at its timeout");
            return false;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endSessionUri))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(refreshToken)));
        clientSecret.ifPresent(secret -> request.header("Authorization", basic(clientId, secret)));
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status / 100 != 2) {
                LOG.warnf("sign-out: Keycloak's end-session endpoint answered %d", status);
                return false;
            }
            return true;
        } catch (IOException e) {
            LOG.warnf(
                    "sign-out: Keycloak's end-session endpoint could not be reached: %s",
                    e.getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String form(String refreshToken) {
        return "client_id=" + encode(clientId) + "&refresh_token=" + encode(refreshToken);
    }

    /** client_secret_basic (RFC 6749 §2.3.1): both parts form-encoded before Base64. */
    static String basic(String id, String secret) {
        String pair = encode(id) + ":" + encode(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
