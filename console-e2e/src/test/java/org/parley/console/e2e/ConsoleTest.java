package org.parley.console.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/** What every browser test shares: the running platform, the browser, the seeded cases' titles. */
abstract class ConsoleTest {

    static final String ESCOBAR = "Pablo Escobar and Los Extraditables";
    static final String GULF_CLAN = "Gulf Clan (Clan del Golfo)";
    static final String EL_SALVADOR = "El Salvador – the gang truce";
    static final String HONDURAS = "Honduras – MS-13 and Barrio 18";
    static final String HAITI = "Haiti – NGOs bargaining with gangs";
    static final String MEXICO = "Mexico – church-brokered access";
    static final String BRAZIL = "Brazil – negotiating with prison gangs";
    static final String ECUADOR = "Ecuador – dialogue with and legalisation";
    static final String PANAMA = "Panama – Barrios Seguros";

    /** The public register after the seeds: PUBLICLY_KNOWN, or RESULTS_PUBLIC with results released. */
    static final List<String> PUBLIC = List.of(ESCOBAR, GULF_CLAN, EL_SALVADOR, HONDURAS, ECUADOR, PANAMA);
    /** The seeded cases nobody outside their team (and ifit's secrecy admins, or a grantee) may know. */
    static final List<String> HIDDEN = List.of(HAITI, MEXICO, BRAZIL);

    /** A word that makes this run's case titles unique (letters only, so search finds it as a word). */
    static final String RUN = randomWord();

    static ConsolePlatform platform;
    static Browser browser;

    @BeforeAll
    static void platformAndBrowser() throws Exception {
        platform = ConsolePlatform.get();
        browser = Browser.get(platform);
        browser.resize(Browser.LAPTOP);
    }

    /** The page's source, which must name none of these. */
    static void assertNames(String source, List<String> present, List<String> absent) {
        for (String title : present) {
            assertThat(source).as("page should show %s", title).contains(title);
        }
        for (String title : absent) {
            assertThat(source).as("page must not reveal %s", title).doesNotContain(title);
        }
    }

    /** The values a facet offers on the current page. */
    static List<String> facetValues(String facet) {
        return browser.all("fieldset[data-facet=" + facet + "] input[type=checkbox]").stream()
                .map(box -> box.getAttribute("value"))
                .toList();
    }

    /** Opens a path that names an id nobody ever used, and returns the page's source. */
    static String neverExisted(String prefix) {
        browser.open(prefix + UUID.randomUUID());
        return browser.source();
    }

    private static String randomWord() {
        StringBuilder word = new StringBuilder("Run");
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 6; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    static String randomId() {
        return UUID.randomUUID().toString();
    }

    /** A plain GET of a console page without a session (not through the browser). */
    static HttpResponse<String> anonymousGet(String path, String acceptLanguage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.console + path));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The console path of the newest pending request whose row in the signed-in admin's queue names this text. */
    static String requestLink(String text) {
        browser.open("/requests");
        return browser.all("#requests tbody tr").stream()
                .filter(row -> row.getText().contains(text))
                .map(row -> row.findElement(org.openqa.selenium.By.tagName("a")).getAttribute("href"))
                .map(href -> href.substring(platform.console.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no pending request about " + text));
    }

    /** ana asks to make a new case publicly known; answers the request's path, with ana signed in. */
    static String fileTierRequest(String title) throws Exception {
        String id = platform.newCase(title);
        browser.signIn("ana");
        browser.open("/cases/" + id);
        browser.select("#s-tier", "PUBLICLY_KNOWN");
        browser.type("#s-tier-reason", "The talks were announced publicly.");
        browser.submit("#change-tier");
        return requestLink(title);
    }
}
