package org.parley.console.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CSRF token is signed, so a cookie/field pair made up by someone who can plant cookies is refused; signing
 * out takes a POST with the form's token (opening /logout does nothing), and it ends the Keycloak session too.
 */
class SignOutTest extends ConsoleTest {

    /** A user of its own, so that Keycloak's list of its sessions holds only this class's sign-ins. */
    private static final String PROBE = "signout-probe";

    private static final String CSRF_COOKIE = "parley-csrf";
    private static final String CSRF_FIELD = "csrf-token";
    private static final String LANGUAGE_COOKIE = "parley-lang";
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"" + CSRF_FIELD + "\" value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static KeycloakSessions keycloak;

    @BeforeAll
    static void probeUser() {
        Tokens.adminCreateUser(PROBE, "ifit", "staff");
        keycloak = new KeycloakSessions(platform.stack);
    }

    @Test
    void aMadeUpCsrfPairIsRefusedWhileTheConsolesOwnPairPasses() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> home = http.send(
                HttpRequest.newBuilder(URI.create(platform.console + "/")).build(), ofString());
        String cookie = home.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(CSRF_COOKIE + "="))
                .map(header -> header.substring(CSRF_COOKIE.length() + 1, header.indexOf(';')))
                .findFirst()
                .orElseThrow();
        Matcher field = CSRF_INPUT.matcher(home.body());
        assertThat(field.find()).as("the page's form carries the token").isTrue();

        assertThat(switchLanguage(http, cookie, field.group(1)).statusCode())
                .as("the pair the console handed out")
                .isEqualTo(303);
        // A made-up pair (cookie and field alike) in the shape of an unsigned token and of a signed one.
        for (int bytes : new int[] {16, 32}) {
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
            HttpResponse<String> answer = switchLanguage(http, forged, forged);
            assertThat(answer.statusCode()).as("a made-up %d-byte pair", bytes).isEqualTo(400);
            assertThat(answer.headers().allValues("Set-Cookie"))
                    .noneMatch(header -> header.startsWith(LANGUAGE_COOKIE + "="));
        }
        // the console's own field with a cookie it never set
        String otherCookie = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        assertThat(switchLanguage(http, otherCookie, field.group(1)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void openingTheSignOutAddressOrPostingWithoutTheTokenKeepsTheSession() throws Exception {
        browser.signIn(PROBE);
        Set<String> sessions = keycloak.consoleSessions(PROBE);
        assertThat(sessions).isNotEmpty();

        // a link, an image or a typed address: a GET only offers the button
        browser.open("/logout");
        assertThat(browser.has("#who")).as("still signed in after GET /logout").isTrue();
        assertThat(browser.has("main form[action='/logout']")).isTrue();
        browser.open("/");
        assertThat(browser.has("#who")).as("still signed in after GET /logout").isTrue();

        // a cross-site form: no token at all
        assertThat(postLogout(null)).isEqualTo(400);
        // a planted cookie with a matching made-up field (someone who can set cookies for this host)
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        browser.driver.executeCdpCommand(
                "Network.setCookie",
                Map.of("name", CSRF_COOKIE, "value", forged, "url", platform.console + "/", "httpOnly", true));
        assertThat(postLogout(forged)).isEqualTo(400);

        browser.open("/");
        assertThat(browser.has("#who"))
                .as("still signed in after the refused sign-outs")
                .isTrue();
        assertThat(keycloak.consoleSessions(PROBE)).containsAll(sessions);
    }

    @Test
    void theSignOutButtonEndsTheKeycloakSessionToo() throws Exception {
        Set<String> before = keycloak.consoleSessions(PROBE);
        browser.signIn(PROBE);
        Set<String> mine = new HashSet<>(keycloak.consoleSessions(PROBE));
        mine.removeAll(before);
        assertThat(mine).as("the sign-in's Keycloak session").hasSize(1);

        browser.submit("header form[action='/logout']");
        assertThat(browser.has("#sign-in")).isTrue();
        assertThat(browser.has("#who")).isFalse();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(keycloak.consoleSessions(PROBE)).doesNotContainAnyElementsOf(mine));

        // the browser's Keycloak cookie no longer signs anyone in: the login page asks again
        browser.open("/login");
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.has("#username") || browser.has("#who"));
        assertThat(browser.has("#username"))
                .as("Keycloak asks for the password again")
                .isTrue();
        assertThat(browser.has("#who")).isFalse();
    }

    @Test
    void aCsrfCookieOfTheUnsignedShapeDoesNotBreakThePages() {
        browser.signIn(PROBE);
        // what a browser kept from before tokens were signed (or what someone planted): dropped, pages still work
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(16));
        browser.driver.executeCdpCommand(
                "Network.setCookie",
                Map.of("name", CSRF_COOKIE, "value", unsigned, "url", platform.console + "/", "httpOnly", true));
        browser.open("/cases?team=mine");
        assertThat(browser.url()).endsWith("/cases?team=mine");
        assertThat(browser.has("#who")).isTrue();
        assertThat(browser.has("header form[action='/logout'] input[name='" + CSRF_FIELD + "']"))
                .isTrue();
        browser.submit("form[action='/language']");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("es");
        browser.submit("form[action='/language']");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
    }

    @Test
    void theSignOutPageOffersTheButtonThatSignsOut() throws Exception {
        Set<String> before = keycloak.consoleSessions(PROBE);
        browser.signIn(PROBE);
        Set<String> mine = new HashSet<>(keycloak.consoleSessions(PROBE));
        mine.removeAll(before);

        browser.open("/logout");
        browser.submit("main form[action='/logout']");
        assertThat(browser.has("#sign-in")).isTrue();
        browser.open("/cases?team=mine");
        assertThat(browser.has("#who")).as("the session cookie is gone").isFalse();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(keycloak.consoleSessions(PROBE)).doesNotContainAnyElementsOf(mine));
    }

    /** POST /language (a form any page offers) with this CSRF cookie and field, without a session. */
    private static HttpResponse<String> switchLanguage(HttpClient http, String cookie, String field) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(platform.console + "/language"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", CSRF_COOKIE + "=" + cookie)
                        .POST(HttpRequest.BodyPublishers.ofString("lang=es&" + CSRF_FIELD + "=" + field))
                        .build(),
                ofString());
    }

    /** POST /logout from the signed-in page's script, with this token in the form (none if null). */
    private static int postLogout(String token) {
        Object status = browser.script(
                "const body = new URLSearchParams(arguments[0] ? {'" + CSRF_FIELD + "': arguments[0]} : {});"
                        + "return fetch('/logout', {method: 'POST', body: body, redirect: 'manual'})"
                        + ".then(r => r.status);",
                token);
        return ((Number) status).intValue();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static HttpResponse.BodyHandler<String> ofString() {
        return HttpResponse.BodyHandlers.ofString();
    }
}
