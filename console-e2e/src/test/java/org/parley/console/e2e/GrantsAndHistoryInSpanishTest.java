package org.parley.console.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The journeys of issue 19 that the English tests walk (SecrecyAdminTest, StaffTest), in Spanish: one grant per
 * organisation and case, the dry run's list of excerpts a grant would open, and a section's edit in the History.
 */
class GrantsAndHistoryInSpanishTest extends ConsoleTest {

    @Test
    void anAdminAndALeadInSpanish() throws Exception {
        String title = "Caso en español " + RUN;
        String id = platform.newCase(title);
        browser.signIn("ana");
        browser.open("/language?lang=es");
        try {
            browser.open("/cases/" + id);
            // the same grant again is refused in Spanish; a wider one replaces it
            issue("medic-ngo", "SUMMARY", "Planificación.");
            assertThat(browser.find("#notice").getText()).isEqualTo("Cambiado.");
            issue("medic-ngo", "SUMMARY", "Otra vez.");
            assertThat(browser.find("#notice").getText()).contains("ya tiene en este caso un acceso");
            issue("medic-ngo", "RESULTS", "También los resultados.");
            assertThat(browser.find("#grants").getText()).contains("Sustituido por un acceso más amplio", "Activo");

            // an EXCERPTS grant's dry run says, in Spanish, that no approved excerpt would open (the case has none)
            issue("oas", "EXCERPTS", "Citas para la OEA.");
            browser.open(requestLink(title));
            assertThat(browser.find("#opening-h").getText()).contains("Extractos aprobados", "oas");
            assertThat(browser.find("#opening").getText()).contains("Ningún extracto aprobado se haría visible");
            browser.screenshot("dry-run-excerpts-es");

            // sofia's edit of the results shows in the History, in Spanish, with her name for the team
            assertThat(platform.editResultsTerms("sofia", id, List.of("Una tregua de seis meses")))
                    .isEqualTo(200);
            browser.signIn("sofia"); // signing in forgets every cookie, the language's too
            browser.open("/language?lang=es");
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        browser.open("/cases/" + id);
                        assertThat(browser.find("#history").getText())
                                .contains("Sección editada: Resultados — por sofia");
                    });
            browser.screenshot("history-es");
        } finally {
            browser.open("/language?lang=en");
        }
    }

    private static void issue(String organisation, String scope, String reason) {
        browser.select("#g-org", organisation);
        browser.select("#g-scope", scope);
        browser.type("#g-reason", reason);
        browser.submit("#issue-grant");
    }
}
