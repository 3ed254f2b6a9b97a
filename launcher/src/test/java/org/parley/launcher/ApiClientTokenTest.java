package org.parley.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client's token cache against a stand-in for Keycloak's token endpoint (this is the client's timing logic; the
 * e2e suites and the bench use the real Keycloak): callers never wait for a renewal while their token is usable.
 */
class ApiClientTokenTest {

    private static final long LIFETIME_SECONDS = 300;

    private HttpServer keycloak;
    private final AtomicInteger issued = new AtomicInteger();
    /** Number of the request (1-based) that the endpoint holds until {@link #release} opens, 0 for none. */
    private volatile int holdRequest;

    private final CountDownLatch release = new CountDownLatch(1);
    /** Number of the request (1-based) that the endpoint refuses with 500, 0 for none. */
    private volatile int refuseRequest;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T00:00:00Z"));
    private final ExecutorService renewer = Executors.newSingleThreadExecutor();
    private ApiClient client;

    @BeforeEach
    void startTokenEndpoint() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.setExecutor(Executors.newCachedThreadPool());
        keycloak.createContext("/realms/parley/protocol/openid-connect/token", this::answer);
        keycloak.start();
        client = new ApiClient("http://127.0.0.1:" + keycloak.getAddress().getPort(), clock, renewer);
    }

    @AfterEach
    void stop() {
        release.countDown();
        keycloak.stop(0);
        renewer.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        int number = issued.incrementAndGet();
        if (number == holdRequest) {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = number == refuseRequest
                ? "{}".getBytes(StandardCharsets.UTF_8)
                : ("{\"access_token\":\"token-" + number + "\",\"expires_in\":" + LIFETIME_SECONDS + "}")
                        .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(number == refuseRequest ? 500 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void aTokenInTheFirstHalfOfItsLifeIsReusedWithoutAskingAgain() throws Exception {
        assertThat(client.token("staff")).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(LIFETIME_SECONDS / 2 - 1));

        assertThat(client.token("staff")).isEqualTo("token-1");
        assertThat(issued).hasValue(1);
    }

    @Test
    void pastHalfItsLifeCallersKeepTheCurrentTokenWhileOneRenewalRunsInTheBackground() throws Exception {
        assertThat(client.token("staff")).isEqualTo("token-1");
        holdRequest = 2;
        clock.advance(Duration.ofSeconds(LIFETIME_SECONDS / 2));

        // Keycloak holds the renewal: a caller that waited for it would not return before the release.
        for (int call = 0; call < 5; call++) {
            CompletableFuture<String> token = CompletableFuture.supplyAsync(() -> tokenOf("staff"));
            assertThat(token.get(30, TimeUnit.SECONDS)).isEqualTo("token-1");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> issued.get() == 2);

        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> tokenOf("staff").equals("token-2"));
        assertThat(issued).as("one renewal for all the calls made while it ran").hasValue(2);
    }

    @Test
    void aFailedRenewalKeepsTheTokenUntilItIsNoLongerUsableThenTheCallerFetchesOne() throws Exception {
        assertThat(client.token("staff")).isEqualTo("token-1");
        refuseRequest = 2;
        clock.advance(Duration.ofSeconds(LIFETIME_SECONDS / 2));

        assertThat(client.token("staff")).isEqualTo("token-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> issued.get() == 2);
        // 30 s before expiry the old token is no longer handed out.
        clock.advance(Duration.ofSeconds(LIFETIME_SECONDS / 2 - 30));

        assertThat(client.token("staff"))
                .as("past 30 s before expiry: fetched by the caller")
                .isEqualTo("token-3");
    }

    @Test
    void aRenewedTokenStartsAFreshLifeWithoutABackgroundRenewal() throws Exception {
        assertThat(client.token("staff")).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(LIFETIME_SECONDS / 2 - 10));

        assertThat(client.renewToken("staff")).isEqualTo("token-2");
        clock.advance(Duration.ofSeconds(LIFETIME_SECONDS / 2 - 1));
        assertThat(client.token("staff")).isEqualTo("token-2");
        assertThat(issued).hasValue(2);
    }

    @Test
    void eachUserHasAToken() throws Exception {
        assertThat(client.token("staff")).isEqualTo("token-1");
        assertThat(client.token("partner")).isEqualTo("token-2");
        assertThat(client.token("staff")).isEqualTo("token-1");
    }

    private String tokenOf(String user) {
        try {
            return client.token(user);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(instant -> instant.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
