package org.parley.console.e2e;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, point 6: "New case" for staff, who become the new case's lead; the form's labels and its field
 * errors in the reader's language, with what was typed kept; nothing of it for a partner.
 */
class NewCaseTest extends ConsoleTest {

    /** A staff member of ifit on no team, so the cases she leads are the ones she opens here. */
    private static final String SPANISH_STAFF = "newcase-es";

    @BeforeAll
    static void spanishStaffMember() {
        Tokens.adminCreateUser(SPANISH_STAFF, "ifit", "staff");
    }

    @Test
    void sofiaOpensACaseAndFindsItAmongHerCasesAsItsLead() throws Exception {
        String title = "Console opened case " + RUN;
        browser.signIn("sofia");
        browser.open("/cases");
        browser.find("#new-case").click();
        assertThat(browser.url()).endsWith("/cases/new");
        assertThat(browser.h1()).isEqualTo("Open a new case");
        // the codebook's names and help for the header's dimensions
        assertThat(browser.find("label[for=n-start]").getText()).isEqualTo("Start of the process");
        assertThat(browser.find("label[for=n-status]").getText()).isEqualTo("Status of the process");
        assertThat(browser.find("#n-country-hint").getText()).contains("ISO 3166-1 alpha-2");
        assertThat(browser.find("#n-status option[value=CONCLUDED_WITH_DEAL]").getText())
                .isEqualTo("Concluded with a deal");
        assertThat(browser.has(".field-error")).isFalse();

        browser.type("#n-title", title);
        browser.type("#n-country", "pa");
        browser.type("#n-region", "Panama City, Colón");
        // Barrios Seguros is dated to the month and the year: the case keeps them as typed
        browser.setValue("#n-start", "2014-06");
        browser.setValue("#n-end", "2019");
        browser.select("#n-status", "CONCLUDED_WITH_DEAL");
        browser.screenshot("new-case-sofia");
        browser.submit("#new-case-form");

        assertThat(browser.url()).matches(".*/cases/[0-9a-f-]{36}\\?done=opened");
        String id = browser.url().replaceAll(".*/cases/([0-9a-f-]{36}).*", "$1");
        assertThat(browser.find("#notice").getText()).isEqualTo("The case was opened. You are its lead.");
        assertThat(browser.h1()).isEqualTo(title);
        assertThat(browser.find(".case-header").getText())
                .contains("Panama", "Panama City, Colón", "Concluded with a deal", "Secret");
        JsonNode period = platform.api
                .get("sofia", platform.endpoints.cases() + "/cases/" + id + "/coded")
                .body()
                .path("header")
                .path("period");
        assertThat(period.path("start").asText()).isEqualTo("2014-06");
        assertThat(period.path("end").asText()).isEqualTo("2019");

        // among her own cases
        browser.open("/cases?team=mine&q=" + RUN);
        assertThat(browser.find("#case-list a[href='/cases/" + id + "']").getText())
                .isEqualTo(title);
        // and on its team, as lead, once access has recorded the case
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    browser.open("/cases/" + id);
                    assertThat(browser.all("#team-list li")).hasSize(1);
                    assertThat(browser.find("#team-list li").getText()).contains("Lead");
                });
    }

    @Test
    void inSpanishTheFormSpeaksSpanishAndAFieldErrorKeepsWhatWasTyped() throws Exception {
        String title = "Caso abierto en consola " + RUN;
        browser.signIn(SPANISH_STAFF);
        browser.open("/cases");
        browser.submit("form[action='/language']");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("es");
        assertThat(browser.find("#new-case").getText()).isEqualTo("Nuevo caso");
        browser.find("#new-case").click();
        assertThat(browser.h1()).isEqualTo("Abrir un caso nuevo");
        assertThat(browser.find("label[for=n-title]").getText()).isEqualTo("Título");
        assertThat(browser.find("label[for=n-end]").getText()).isEqualTo("Fin del proceso");
        assertThat(browser.find("#n-status option[value=ACTIVE]").getText()).isEqualTo("En curso");

        browser.type("#n-title", title);
        browser.type("#n-country", "ec");
        browser.type("#n-region", "Guayaquil");
        browser.setValue("#n-start", "2023-05-10");
        browser.setValue("#n-end", "2022-01-15"); // before the start: the cases service refuses it
        browser.select("#n-status", "ACTIVE");
        browser.submit("#new-case-form");

        assertThat(browser.h1()).isEqualTo("Abrir un caso nuevo");
        assertThat(browser.find("#notice").getText()).isEqualTo("Algunos valores no son válidos.");
        assertThat(browser.find("#n-end-error").getText()).isEqualTo("El fin no puede ser anterior al inicio.");
        assertThat(browser.find("#n-end").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#n-end").getAttribute("aria-describedby")).contains("n-end-error");
        assertThat(browser.all(".field-error")).hasSize(1);
        assertThat(browser.find("#n-title").getAttribute("value")).isEqualTo(title);
        assertThat(browser.find("#n-country").getAttribute("value")).isEqualTo("ec");
        assertThat(browser.find("#n-region").getAttribute("value")).isEqualTo("Guayaquil");
        assertThat(browser.find("#n-start").getAttribute("value")).isEqualTo("2023-05-10");
        assertThat(browser.find("#n-end").getAttribute("value")).isEqualTo("2022-01-15");
        assertThat(browser.find("#n-status option[value=ACTIVE]").isSelected()).isTrue();
        assertThat(browser.source()).doesNotContain("header.period", "must not be before");
        browser.screenshot("new-case-error-es");
        assertThat(platform.api
                        .get(SPANISH_STAFF, platform.endpoints.cases() + "/cases?team=mine&q=" + RUN)
                        .body()
                        .path("total")
                        .asInt())
                .as("nothing was opened")
                .isZero();

        browser.setValue("#n-end", "2024-02-01");
        browser.submit("#new-case-form");
        assertThat(browser.find("#notice").getText()).isEqualTo("Se abrió el caso. Usted es su responsable.");
        assertThat(browser.h1()).isEqualTo(title);
        JsonNode mine = platform.api
                .get(SPANISH_STAFF, platform.endpoints.cases() + "/cases?team=mine&q=" + RUN)
                .body();
        assertThat(mine.path("total").asInt()).isEqualTo(1);
        assertThat(mine.path("items").get(0).path("header").path("country").asText())
                .isEqualTo("EC");
        browser.submit("form[action='/language']");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
    }

    @Test
    void aPartnerIsOfferedNoNewCaseAndIsRefusedItsPage() throws Exception {
        browser.signIn("lucia");
        browser.open("/cases");
        assertThat(browser.has("#new-case")).isFalse();
        assertThat(browser.source()).doesNotContain("/cases/new");
        browser.open("/cases/new");
        assertThat(browser.h1()).isEqualTo("Not allowed");
        assertThat(browser.has("#new-case-form")).isFalse();

        // a post with a valid CSRF token (from a page she may open) is refused as well
        browser.open("/cases");
        String title = "Partner opened case " + RUN;
        Object status = browser.script(
                "const token = document.querySelector('input[name=csrf-token]').value;"
                        + "const body = new URLSearchParams({'csrf-token': token, title: arguments[0], country: 'CO',"
                        + " status: 'ACTIVE', start: '2025-01-01'});"
                        + "return fetch('/cases/new', {method: 'POST', body: body, redirect: 'manual'})"
                        + ".then(r => r.status);",
                title);
        assertThat(((Number) status).intValue()).isEqualTo(403);
        // had it been opened, she would lead it and so see it
        assertThat(platform.api
                        .get("lucia", platform.endpoints.cases() + "/cases?q=" + RUN)
                        .raw())
                .doesNotContain(title);
    }
}
