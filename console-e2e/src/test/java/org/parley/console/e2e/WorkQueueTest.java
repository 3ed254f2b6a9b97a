package org.parley.console.e2e;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.launcher.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "To do" and its count in the navigation, for a secrecy admin, a lead and a partner, in English and Spanish; and
 * the language chosen in the console followed by Keycloak's sign-in page and by the error pages.
 */
class WorkQueueTest extends ConsoleTest {

    @Test
    void theOtherAdminsRequestWaitsInBrunosToDoUntilHeDecidesIt() throws Exception {
        String title = "Console to-do request " + RUN;
        String request = fileTierRequest(title);
        // her own request does not wait for her: she cannot approve it
        browser.open("/todo");
        assertThat(browser.find("#todo-requests").getText()).doesNotContain(title);

        browser.signIn("bruno");
        assertThat(Integer.parseInt(browser.find("#todo-count").getText())).isPositive();
        browser.press("#nav-todo");
        assertThat(browser.h1()).isEqualTo("To do");
        assertThat(browser.find("#todo-requests").getText()).contains(title, "ana");
        browser.submit("form[action='/language']");
        try {
            assertThat(browser.h1()).isEqualTo("Pendientes");
            assertThat(browser.find("#todo-requests-h").getText()).isEqualTo("Solicitudes que esperan su decisión");
            assertThat(browser.find("#todo-requests").getText()).contains(title);
            assertThat(browser.find("#nav-todo").getText()).startsWith("Pendientes");
            browser.screenshot("todo-bruno-es");
        } finally {
            browser.submit("form[action='/language']");
        }

        browser.open(request);
        browser.submit("#approve");
        browser.open("/todo");
        assertThat(browser.find("#todo-requests").getText()).doesNotContain(title);
    }

    @Test
    void aProposedExcerptWaitsInTheLeadsToDoUntilApproved() throws Exception {
        String caseId = platform.newCase("Console to-do excerpt " + RUN);
        String pseudonym = "Official " + RUN;
        String interviews = platform.endpoints.interviews();
        ApiClient.Answer recorded =
                platform.api.post("sofia", interviews + "/interviews", interview(caseId, pseudonym));
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        String interviewId = recorded.body().path("id").asText();
        assertThat(platform.api
                        .post("sofia", interviews + "/interviews/" + interviewId + "/excerpts", Map.of("quote", 1))
                        .status())
                .isEqualTo(201);

        browser.signIn("sofia");
        browser.open("/todo");
        assertThat(browser.find("#todo-excerpts").getText()).contains(pseudonym);
        browser.submit("form[action='/language']");
        try {
            assertThat(browser.find("#todo-excerpts-h").getText()).isEqualTo("Extractos que esperan su aprobación");
            assertThat(browser.find("#todo-excerpts").getText()).contains(pseudonym);
            browser.screenshot("todo-sofia-es");
        } finally {
            browser.submit("form[action='/language']");
        }

        assertThat(platform.api
                        .update(
                                "sofia",
                                "POST",
                                interviews + "/interviews/" + interviewId + "/excerpts/1/approval",
                                recorded.body().path("version").asLong(),
                                Map.of())
                        .status())
                .isEqualTo(200);
        browser.open("/todo");
        assertThat(browser.find("#todo-excerpts").getText()).doesNotContain(pseudonym);
    }

    @Test
    void aCaseNewlySharedWithOasShowsInLuciasToDoOnce() throws Exception {
        String title = "Console to-do shared " + RUN;
        String caseId = platform.newCase(title);
        assertThat(platform.api
                        .post(
                                "ana",
                                platform.endpoints.access() + "/cases/" + caseId + "/grants",
                                Map.of("organisation", "oas", "scope", "SUMMARY", "reason", "for the joint study"))
                        .status())
                .isEqualTo(201);

        browser.signIn("lucia");
        assertThat(Integer.parseInt(browser.find("#todo-count").getText())).isPositive();
        browser.press("#nav-todo");
        assertThat(browser.find("#todo-shared-cases").getText()).contains(title);
        browser.screenshot("todo-lucia");
        // the visit is recorded: nothing is new any more, in either language
        browser.open("/todo");
        browser.submit("form[action='/language']");
        try {
            assertThat(browser.find("#todo-shared-h").getText())
                    .isEqualTo("Compartido recientemente con su organización");
            assertThat(browser.find("#todo-shared").getText())
                    .contains("Ningún caso compartido recientemente.")
                    .doesNotContain(title);
            assertThat(browser.has("#todo-count")).isFalse();
        } finally {
            browser.submit("form[action='/language']");
        }
    }

    @Test
    void keycloaksSignInPageAndTheErrorPagesFollowTheConsolesLanguage() {
        browser.signOutEverywhere();
        browser.open("/");
        browser.submit("form[action='/language']");
        browser.press("#sign-in");
        browser.waitFor("#username");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("es");
        browser.screenshot("keycloak-sign-in-es");
        browser.type("#username", "lucia");
        browser.type("#password", "lucia-pass");
        browser.press("#kc-login");
        browser.waitFor("#who");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("es");

        // a path no page serves: the "not found" page, in Spanish, with the switch (a link: no form token there)
        browser.open("/no-such-page-" + RUN);
        assertThat(browser.h1()).isEqualTo("No encontrado");
        assertThat(browser.find("#language-link").getText()).isEqualTo("English");
        browser.screenshot("not-found-es");
        browser.press("#language-link");
        assertThat(browser.url()).endsWith("/no-such-page-" + RUN);
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        assertThat(browser.find("#language-link").getText()).isEqualTo("Español");
    }

    private static Map<String, Object> interview(String caseId, String pseudonym) {
        return Map.ofEntries(
                Map.entry("pseudonym", pseudonym),
                Map.entry("descriptor", "a former mediator"),
                Map.entry("category", "GOVERNMENT_OFFICIAL"),
                Map.entry("date", "2019-10"),
                Map.entry("country", "CO"),
                Map.entry("mode", "IN_PERSON"),
                Map.entry("language", "es"),
                Map.entry("linkedCases", List.of(caseId)),
                Map.entry(
                        "consent", Map.of("mayQuote", true, "attribution", "DESCRIPTOR", "mayShareWithPartners", true)),
                Map.entry("themes", List.of("RISKS")),
                Map.entry("notes", "Met once."),
                Map.entry("transcript", "Q: How did it start? A: Slowly."),
                Map.entry("quotes", List.of(Map.of("n", 1, "text", "Trust came before any deal."))),
                Map.entry("identity", Map.of("name", "Witness " + RUN, "contact", "none")));
    }
}
