package org.parley.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Where the shared test stack listens (read from its stack.json), and its Kafka stop/start switch. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StackInfo(
        long pid,
        int postgresPort,
        int kafkaPort,
        int keycloakPort,
        int controlPort,
        String jdbcBase,
        String kafkaBootstrap,
        String keycloakUrl) {

    /** The embedded PostgreSQL trusts local connections; any password is accepted, this one is conventional. */
    public static final String POSTGRES_USER = "postgres";

    public static final String POSTGRES_PASSWORD = "postgres";
    public static final String REALM = "parley";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public String jdbcUrl(String database) {
        return jdbcBase + database;
    }

    /** The OIDC issuer of the parley realm, as services see it in {@code quarkus.oidc.auth-server-url}. */
    public String realmUrl() {
        return keycloakUrl + "/realms/" + REALM;
    }

    /** Stops the broker (SIGTERM) and returns once its process is gone. Remember to {@link #startKafka()}. */
    public void stopKafka() {
        control("/kafka/stop");
    }

    /** Starts the broker again on the same port and log directory; returns once it answers requests. */
    public void startKafka() {
        control("/kafka/start");
    }

    /**
     * Stops PostgreSQL (fast shutdown: every connection is cut) and returns once it is down; its data is kept.
     * Remember to {@link #startPostgres()}, in a finally block: every module of the run shares it.
     */
    public void stopPostgres() {
        control("/postgres/stop");
    }

    /** Starts PostgreSQL again on the same port and data; returns once it accepts connections. */
    public void startPostgres() {
        control("/postgres/start");
    }

    private void control(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort + path))
                .timeout(Duration.ofSeconds(180))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(path + " interrupted", e);
        }
    }
}
