package org.parley.console.e2e;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.launcher.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, interviews over their life: a member edits an interview (linked cases found with the search box), a
 * refused value and a change saved meanwhile keep every typed value, an excerpt is approved only from the version the
 * lead saw, and a withdrawal of consent takes an approved excerpt from a partner who saw it. English and Spanish.
 */
class InterviewLifeTest extends ConsoleTest {

    /** How long the platform may take to carry a new case or grant to the interviews service's projection. */
    private static final Duration PROPAGATION = Duration.ofSeconds(30);

    @Test
    void aMemberEditsAnInterviewAndAChangeMadeMeanwhileKeepsWhatSheTyped() throws Exception {
        String caseTitle = "Console life case " + RUN;
        // opened first: access publishes in order, so the interviews service knows it once it knows the other
        String otherCase = platform.newCase("Console life second case " + RUN);
        String caseId = platform.newCase(caseTitle);
        String pseudonym = "Console Life Official " + RUN;
        String id = recorded(caseId, pseudonym, "Waiting is a kind of answer " + RUN);
        String renamed = "Console Life Official renamed " + RUN;

        browser.signIn("sofia");
        browser.open("/interviews/" + id);
        assertThat(browser.find("#edit-interview").getAttribute("href")).endsWith("/interviews/" + id + "/edit");
        browser.open("/interviews/" + id + "/edit");
        assertThat(browser.h1()).isEqualTo("Edit the interview");
        assertThat(browser.find("#f-pseudonym").getAttribute("value")).isEqualTo(pseudonym);
        assertThat(browser.find("#chosen-cases").getText()).contains(caseTitle);
        browser.type("#f-pseudonym", renamed);
        browser.type("#f-notes", "Notes typed in the console");
        // the other case is found with the search box, among her team's cases; what she typed stays
        browser.type("#f-case-search", "second " + RUN);
        browser.press("#find-cases");
        assertThat(browser.find("#f-pseudonym").getAttribute("value")).isEqualTo(renamed);
        assertThat(browser.all("#found-cases input[name=case]").stream().map(box -> box.getAttribute("value")))
                .contains(otherCase)
                .doesNotContain(caseId); // already chosen
        browser.find("#lc-" + otherCase).click();
        browser.screenshot("interview-edit");
        browser.submit("#interview-form");
        assertThat(browser.find("#notice").getText()).isEqualTo("Saved.");
        assertThat(browser.h1()).isEqualTo(renamed);
        assertThat(browser.find("#links-h + ul").getText()).contains(caseTitle, "Console life second case " + RUN);
        assertThat(browser.find("#version-list").getText())
                .contains("Version 2", "changed: Pseudonym, Linked cases, Notes", "Version 1", "recorded");

        // a value the service refuses is marked by its field, with every typed value kept
        browser.open("/interviews/" + id + "/edit");
        browser.type("#f-country", "XX");
        browser.type("#f-transcript", "A transcript typed before a mistake");
        browser.submit("#interview-form");
        assertThat(browser.has("#f-country-error")).isTrue();
        assertThat(browser.has("#f-pseudonym-error")).isFalse();
        assertThat(browser.find("#f-country").getAttribute("value")).isEqualTo("XX");
        assertThat(browser.find("#f-transcript").getAttribute("value"))
                .isEqualTo("A transcript typed before a mistake");

        // in Spanish: someone changes the interview between the form's load and its submit
        browser.open("/interviews/" + id + "/edit");
        browser.submit("form[action='/language']");
        browser.open("/interviews/" + id + "/edit");
        assertThat(browser.h1()).isEqualTo("Editar la entrevista");
        long drawnFrom = Long.parseLong(browser.find("#f-version").getAttribute("value"));
        browser.type("#f-notes", "Notas escritas por Sofía");
        String url = platform.endpoints.interviews() + "/interviews/" + id;
        assertThat(platform.api
                        .update("mateo", "PATCH", url, drawnFrom, Map.of("notes", "Notes changed elsewhere"))
                        .status())
                .as("mateo is not on the team")
                .isEqualTo(404);
        assertThat(platform.api
                        .update("sofia", "PATCH", url, drawnFrom, Map.of("notes", "Notes changed elsewhere"))
                        .status())
                .isEqualTo(200);
        browser.submit("#interview-form");
        assertThat(browser.find("#conflict").getText()).startsWith("Alguien guardó una versión más reciente");
        assertThat(browser.find("#f-notes").getAttribute("value")).isEqualTo("Notas escritas por Sofía");
        assertThat(browser.find("#newer-notes").getText())
                .contains("Guardado mientras tanto:", "Notes changed elsewhere");
        assertThat(browser.has("#newer-pseudonym")).isFalse(); // the same on both sides
        assertThat(browser.find("#f-version").getAttribute("value")).isEqualTo(Long.toString(drawnFrom + 1));
        browser.screenshot("interview-conflict-es");
        // saving again deliberately replaces the newer version
        browser.submit("#interview-form");
        assertThat(browser.find("#notice").getText()).isEqualTo("Guardado.");
        assertThat(platform.api.get("sofia", url).body().path("notes").asText()).isEqualTo("Notas escritas por Sofía");
        assertThat(browser.find("#version-list").getText()).contains("Versión 4", "cambió: Notas");
        browser.submit("form[action='/language']");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
    }

    @Test
    void aPartnerWhoSawAnApprovedExcerptNoLongerSeesItOnceConsentIsWithdrawn() throws Exception {
        String caseId = platform.newCase("Console consent case " + RUN);
        ApiClient.Answer requested = platform.api.post(
                "ana",
                platform.endpoints.access() + "/cases/" + caseId + "/grants",
                Map.of("organisation", "oas", "scope", "EXCERPTS", "reason", "console consent journey"));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
        String requestId = requested.body().has("requestId")
                ? requested.body().path("requestId").asText()
                : requested.body().path("id").asText();
        ApiClient.Answer approved = platform.api.post(
                "bruno",
                platform.endpoints.access() + "/secrecy-requests/" + requestId + "/approval",
                Map.of("reason", "ok"));
        assertThat(approved.status()).as(approved.raw()).isBetween(200, 204);
        String quote = "We met under the mango tree " + RUN;
        String id = recorded(caseId, "Console Consent Official " + RUN, quote);
        String excerpts = platform.endpoints.interviews() + "/interviews/" + id + "/excerpts";
        assertThat(platform.api.post("sofia", excerpts, Map.of("quote", 1)).status())
                .isEqualTo(201);
        // the lead approves from the interview's page; a change saved after she opened it (here through the API,
        // as from another tab) refuses the approval, since she would approve an attribution she has not seen
        String approve = "form[action='/interviews/" + id + "/excerpts/1/approval']";
        browser.signIn("sofia");
        browser.open("/interviews/" + id);
        String interviewUrl = platform.endpoints.interviews() + "/interviews/" + id;
        long drawnFrom =
                Long.parseLong(browser.find(approve + " input[name=version]").getAttribute("value"));
        assertThat(platform.api
                        .update("sofia", "PATCH", interviewUrl, drawnFrom, Map.of("notes", "Notes changed elsewhere"))
                        .status())
                .isEqualTo(200);
        browser.submit(approve);
        assertThat(browser.find("#notice").getText())
                .isEqualTo("Someone changed this meanwhile: please look again and redo your change.");
        assertThat(browser.find("#excerpts").getText()).contains("Proposed").doesNotContain("Approved");
        assertThat(platform.api.get("lucia", excerpts).body().path("items").size())
                .isZero();
        browser.open("/interviews/" + id);
        browser.submit(approve);
        assertThat(browser.find("#notice").getText()).isEqualTo("The excerpt was approved.");
        assertThat(browser.find("#excerpts").getText()).contains("Approved");
        await().atMost(PROPAGATION)
                .untilAsserted(() -> assertThat(platform.api
                                .get("lucia", excerpts)
                                .body()
                                .path("items")
                                .size())
                        .isEqualTo(1));

        browser.signIn("lucia");
        browser.open("/excerpts?interview=" + id);
        assertThat(browser.find("#excerpts").getText()).contains(quote);

        // the lead records, in Spanish, that the interviewee withdrew consent to share with partners
        browser.signIn("sofia");
        browser.open("/interviews/" + id);
        browser.submit("form[action='/language']");
        browser.open("/interviews/" + id);
        browser.find("#consent-withdrawal summary").click();
        assertThat(browser.has("#w-quote")).isTrue();
        browser.find("#w-share").click();
        browser.find("#w-confirm").click();
        browser.screenshot("consent-withdrawal-es");
        browser.submit("#withdraw-consent");
        assertThat(browser.find("#notice").getText())
                .isEqualTo("Se registró el retiro del consentimiento: los socios ya no ven ningún extracto de esta"
                        + " entrevista.");
        assertThat(browser.find("#excerpts").getText()).contains("Propuesto").doesNotContain("Aprobado");
        assertThat(browser.find("#version-list").getText()).contains("cambió: Consentimiento");
        assertThat(browser.has("#w-share")).isFalse(); // nothing of that consent left to withdraw
        browser.submit("form[action='/language']");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");

        // the partner's very next read shows nothing of it
        browser.signIn("lucia");
        browser.open("/excerpts?interview=" + id);
        assertThat(browser.find("#excerpts").getText()).contains("No excerpts.");
        assertThat(browser.source()).doesNotContain(quote);
    }

    /** An interview sofia records through the API on her case, once the interviews service knows the case. */
    private static String recorded(String caseId, String pseudonym, String quote) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pseudonym", pseudonym);
        body.put("descriptor", "former municipal official");
        body.put("category", "GOVERNMENT_OFFICIAL");
        body.put("date", "2024-06");
        body.put("country", "CO");
        body.put("mode", "IN_PERSON");
        body.put("language", "es");
        body.put("linkedCases", List.of(caseId));
        body.put("consent", Map.of("mayQuote", true, "attribution", "DESCRIPTOR", "mayShareWithPartners", true));
        body.put("themes", List.of("RISKS"));
        body.put("notes", "SAMPLE DATA. First notes.");
        body.put("quotes", List.of(Map.of("n", 1, "text", quote)));
        String url = platform.endpoints.interviews() + "/interviews";
        // a refused POST stores nothing, so it is asked again until the case has reached the interviews service
        return await().atMost(PROPAGATION)
                .until(
                        () -> {
                            ApiClient.Answer answer = platform.api.post("sofia", url, body);
                            return answer.status() == 201
                                    ? answer.body().path("id").asText()
                                    : null;
                        },
                        java.util.Objects::nonNull);
    }
}
