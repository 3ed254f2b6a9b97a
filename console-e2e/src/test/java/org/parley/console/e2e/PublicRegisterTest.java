package org.parley.console.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.testing.RawRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Anyone, without signing in: the public register and nothing else. */
class PublicRegisterTest extends ConsoleTest {

    @Test
    void theRegisterListsThePublicCasesAndNothingThatIsSecret() {
        browser.signOutEverywhere();
        browser.open("/register");
        assertThat(browser.h1()).isEqualTo("Public register");
        assertNames(browser.source(), List.of(), HIDDEN);
        assertThat(facetValues("country")).contains("CO", "SV", "HN", "EC").doesNotContain("HT", "MX", "BR");
        assertThat(facetValues("tier")).doesNotContain("SECRET");
        assertThat(browser.has("#sign-in")).isTrue();
        browser.screenshot("register");
        browser.open("/register?country=CO&country=SV&country=HN&country=EC&country=PA&country=MX&country=HT&country=BR"
                + "&to=2020-12-31");
        assertNames(browser.source(), PUBLIC, HIDDEN);

        browser.open("/register?q=Guerrero");
        assertThat(browser.find("#results-heading").getText()).isEqualTo("0 cases");

        // The field keeps to the service's limit, so a pasted paragraph never ends on the refusal page.
        browser.type("#q", "zqxwv ".repeat(200));
        assertThat(browser.find("#q").getDomProperty("value")).hasSize(1000);
        browser.submit("form.search");
        assertThat(browser.h1()).isEqualTo("Public register");
        assertThat(browser.find("#results-heading").getText()).isEqualTo("0 cases");
    }

    /**
     * An anonymous prober of ids is refused by the address the console forwards, not the console's own: after the
     * services' budget of "not found" answers ({@link ConsolePlatform#NOT_FOUND_PER_MINUTE} a minute) the console answers 429
     * with the service's Retry-After, and another browser behind the same console still reads the register.
     */
    @Test
    void anAnonymousProberIsRefusedAndNoOtherBrowserIs() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String prober = "203.0.113." + (1 + new java.util.Random().nextInt(250));
        int notFound = 0;
        HttpResponse<String> answer;
        do {
            answer = http.send(
                    HttpRequest.newBuilder(URI.create(platform.console + "/register/" + UUID.randomUUID()))
                            .header("X-Forwarded-For", prober)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 404) {
                notFound++;
            }
            // a machine so busy that the minute ends first gives the prober a new budget: the refusal still comes
        } while (answer.statusCode() == 404 && notFound < 10 * ConsolePlatform.NOT_FOUND_PER_MINUTE);
        assertThat(notFound).as("404s before the refusal").isGreaterThanOrEqualTo(ConsolePlatform.NOT_FOUND_PER_MINUTE);
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 60L);
        assertThat(answer.body()).contains("Too many requests");

        HttpResponse<String> another = http.send(
                HttpRequest.newBuilder(URI.create(platform.console + "/register"))
                        .header("X-Forwarded-For", "198.51.100.7")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(another.statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressThatIsNotAValidUriGetsTheConsolesPageNotABare400() throws Exception {
        int port = URI.create(platform.console).getPort();
        for (String target : List.of("/register/%zz", "/register?q=CANARY%", "/cases?q=CANARY|x")) {
            RawRequest answer = RawRequest.get(port, target, null);
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.headers().get("content-type")).as(target).startsWith("text/html");
            assertThat(answer.body())
                    .as(target)
                    .contains("Address not valid")
                    .doesNotContain("CANARY")
                    .doesNotContain("%zz");
        }
    }

    /**
     * A search text at the services' limit (1,000 characters) in a script UTF-8 writes in three bytes is 9,000 bytes of
     * address: the console and the cases service answer it, and one character more gets the service's refusal on the
     * console's page, over HTTP/1.1 and over HTTP/2. Netty answered both with a bare 414 past Quarkus's default
     * 4,096-byte request line, and, over HTTP/2, with a bare 431 past Vert.x's 8 KiB header list: an empty page.
     */
    @Test
    void aLongSearchInAnyScriptIsAnsweredOrRefusedOnAPageNeverABareError() throws Exception {
        String atTheLimit = "\u30a2".repeat(1000);
        for (HttpClient.Version version : List.of(HttpClient.Version.HTTP_1_1, HttpClient.Version.HTTP_2)) {
            HttpClient http = HttpClient.newBuilder().version(version).build();
            // The first request asks to upgrade to HTTP/2 (h2c); the ones after it are HTTP/2 when that was taken.
            http.send(
                    HttpRequest.newBuilder(URI.create(platform.console + "/register"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            for (String text : List.of(atTheLimit, atTheLimit + "\u30a2")) {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(platform.console + "/register?q="
                                        + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                String asked = version + ", " + text.length() + " characters, answered " + answer.statusCode();
                assertThat(answer.version()).as(asked).isEqualTo(version);
                assertThat(answer.headers().firstValue("content-type").orElse(""))
                        .as(asked)
                        .startsWith("text/html");
                if (text.equals(atTheLimit)) {
                    assertThat(answer.statusCode()).as(asked).isEqualTo(200);
                    assertThat(answer.body()).as(asked).contains("0 cases");
                } else {
                    assertThat(answer.statusCode()).as(asked).isEqualTo(400);
                    // the refusal says a retry will not help and names the value to change, never echoing it
                    assertThat(answer.body())
                            .as(asked)
                            .contains("<h1 id=\"error-title\">Not accepted</h1>")
                            .contains("<p id=\"refused-fields\">Check these values: <code>q</code></p>")
                            .contains("400 Bad Request")
                            .doesNotContain("\u30a2\u30a2");
                }
            }
        }
        HttpResponse<String> inSpanish =
                anonymousGet("/register?q=" + URLEncoder.encode(atTheLimit + "\u30a2", StandardCharsets.UTF_8), "es");
        assertThat(inSpanish.statusCode()).isEqualTo(400);
        assertThat(inSpanish.body())
                .contains("<h1 id=\"error-title\">No aceptado</h1>")
                .contains("<p id=\"refused-fields\">Revise estos valores: <code>q</code></p>");
    }

    /** Issue 17: everyone compares the register's cases, on their public sections only. */
    @Test
    void everyoneComparesThePublicCasesOnTheirPublicSections() {
        browser.signOutEverywhere();
        browser.open("/register");
        browser.find("#register-compare").click();
        assertThat(browser.h1()).isEqualTo("Compare cases");
        assertThat(browser.all("#matrix tbody tr")).isNotEmpty();
        assertNames(browser.source(), List.of(), HIDDEN);
        // no PROCESS is public: a process column is "not visible" in every row, for every reader
        browser.open("/register/compare?dims=process.risks.kind&dims=results.dealReached");
        List<org.openqa.selenium.WebElement> rows = browser.all("#matrix tbody tr");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(PUBLIC.size());
        for (org.openqa.selenium.WebElement row : rows) {
            assertThat(row.findElements(org.openqa.selenium.By.cssSelector("td"))
                            .get(0)
                            .getText())
                    .isEqualTo("—");
        }
        assertThat(browser.find("#matrix tbody a").getAttribute("href")).contains("/register/");
        // effects across cases: El Salvador's gang homicides per day, 14 before and 5-6 after, drawn (issue 17)
        browser.open("/register/compare?indicator=HOMICIDES");
        assertThat(browser.find("#effects-heading").getText()).contains("Homicides");
        assertThat(browser.all("#effects figcaption"))
                .extracting(org.openqa.selenium.WebElement::getText)
                .anyMatch(caption -> caption.contains("El Salvador"));
        assertThat(browser.find("#effects").getText()).doesNotContain("Mexico");
        browser.open("/register/compare?indicator=KIDNAPPINGS");
        assertThat(browser.find("#effects .empty").getText()).contains("figure before and after");
        browser.open("/register/compare?q=Guerrero");
        assertThat(browser.find("#matrix-total").getText()).isEqualTo("0 cases you may see");
        assertThat(browser.source()).doesNotContain("Mexico").doesNotContain("México");
        browser.screenshot("register-compare");
    }

    @Test
    void aPublicCaseShowsOnlyItsPublicSections() {
        browser.signOutEverywhere();
        browser.open("/register/" + platform.caseId("gulf-clan")); // RESULTS_PUBLIC, released: header and results
        assertThat(browser.h1()).contains(GULF_CLAN);
        assertThat(browser.has("#results")).isTrue();
        assertThat(browser.has("#context")).isFalse();
        assertThat(browser.has("#process")).isFalse();
        assertThat(browser.has("#edit")).isFalse();
        assertThat(browser.has("#secrecy")).isFalse();
        assertThat(browser.has("#history")).isFalse();

        browser.open("/register/" + platform.caseId("el-salvador"));
        assertThat(browser.has("#process")).isFalse();
        assertThat(browser.all("#effect-charts svg.effect-chart")).hasSizeGreaterThanOrEqualTo(2);
        browser.screenshot("register-case");

        browser.open("/register/" + platform.caseId("escobar")); // PUBLICLY_KNOWN, released: context too
        assertThat(browser.has("#context")).isTrue();
        assertThat(browser.has("#process")).isFalse();
        // the register's cases most like it, each leading to the register, none of them secret
        assertThat(browser.all("#comparable-list li")).isNotEmpty();
        assertThat(browser.find("#comparable-list a").getAttribute("href")).contains("/register/");
        assertNames(browser.find("#comparable").getText(), List.of(), HIDDEN);
        assertThat(browser.has("#add-link")).isFalse();
    }

    @Test
    void aSecretCaseAnswersExactlyLikeAnIdThatNeverExisted() {
        browser.signOutEverywhere();
        String neverExisted = neverExisted("/register/");
        assertThat(browser.h1()).isEqualTo("Not found");
        for (String key : new String[] {"mexico", "haiti", "brazil"}) {
            browser.open("/register/" + platform.caseId(key));
            assertThat(browser.source()).as(key).isEqualTo(neverExisted);
        }
        browser.open("/register/not-an-id");
        assertThat(browser.source()).isEqualTo(neverExisted);
    }

    @Test
    void everyOtherPageAsksToSignIn() {
        browser.signOutEverywhere();
        for (String path : new String[] {"/cases", "/cases/" + platform.caseId("escobar"), "/ledger", "/requests"}) {
            browser.open(path);
            assertThat(browser.url()).as(path).startsWith(platform.stack.keycloakUrl() + "/realms/parley/");
        }
    }
}
