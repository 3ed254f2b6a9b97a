package org.parley.console.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * carlos finds the interview by what he knows of it (pseudonym, month, category, country), starts the reveal from the
 * match, and keeps everything he typed when something goes wrong: in English and in Spanish.
 */
class CustodianLookupTest extends ConsoleTest {

    @Test
    void theCustodianFindsTheInterviewRevealsFromTheMatchAndKeepsHisInputOnEveryError() throws Exception {
        String expected = platform.interviewId("haiti", "Brazilian NGO official in Haiti");
        browser.signIn("carlos");
        browser.open("/identity");

        // two NGO officials interviewed in Haiti in October 2019; the country tells them apart
        browser.type("#f-pseudonym", "IN HAITI");
        browser.setValue("#f-from", "2019-10");
        browser.setValue("#f-to", "2019-10");
        browser.select("#f-category", "NGO_STAFF");
        browser.submit("#lookup-form");
        assertThat(browser.find("#lookup-count").getText()).isEqualTo("2 interviews found");
        browser.type("#f-country", "BR");
        browser.submit("#lookup-form");
        assertThat(browser.find("#lookup-count").getText()).isEqualTo("1 interview found");
        String results = browser.find("#lookup-results").getText();
        assertThat(results).contains("Brazilian NGO official in Haiti", "2019-10", expected);
        // no content, no identity, no case: pseudonym, month, how many cases, the reference
        assertThat(browser.source())
                .doesNotContain("peace and social-inclusion", "Sample Person", "india@example.invalid", HAITI);
        // what was typed stays in the form
        assertThat(browser.find("#f-pseudonym").getAttribute("value")).isEqualTo("IN HAITI");
        assertThat(browser.find("#f-from").getAttribute("value")).isEqualTo("2019-10");
        assertThat(browser.find("#f-country").getAttribute("value")).isEqualTo("BR");
        browser.screenshot("identity-lookup");

        // Reveal starts the reveal form with the reference filled in, the search still in its form (not run again:
        // each list of matches shown is one ledgered lookup)
        browser.find("#lookup-results a.button").click();
        assertThat(browser.find("#v-interview").getAttribute("value")).isEqualTo(expected);
        assertThat(browser.find("#f-pseudonym").getAttribute("value")).isEqualTo("IN HAITI");
        assertThat(browser.has("#lookup-results")).isFalse();

        // a typo: the form again with what he typed, not "Not found" with his input gone
        String typo = expected.substring(0, expected.length() - 1);
        browser.type("#v-interview", typo);
        browser.type("#v-reason", "Court order 2026-118");
        browser.submit("#reveal-form");
        assertThat(browser.h1()).isEqualTo("Identity vault");
        assertThat(browser.find("#reveal-error").getText())
                .isEqualTo("No interview has this reference. Check it, or find the interview above.");
        assertThat(browser.find("#v-interview").getAttribute("value")).isEqualTo(typo);
        assertThat(browser.find("#v-reason").getAttribute("value")).isEqualTo("Court order 2026-118");
        assertThat(browser.find("#f-pseudonym").getAttribute("value")).isEqualTo("IN HAITI");
        assertThat(browser.find("#f-category").getAttribute("value")).isEqualTo("NGO_STAFF");
        assertThat(browser.find("#f-country").getAttribute("value")).isEqualTo("BR");

        // a reason of spaces only, which the vault refuses: the reference and the reason stay
        browser.type("#v-interview", expected);
        browser.type("#v-reason", "   ");
        browser.submit("#reveal-form");
        assertThat(browser.find("#reveal-error").getText()).isEqualTo("Some values are not valid.");
        assertThat(browser.find("#v-interview").getAttribute("value")).isEqualTo(expected);
        assertThat(browser.find("#v-reason").getAttribute("value")).isEqualTo("   ");

        browser.type("#v-reason", "Court order 2026-118");
        browser.submit("#reveal-form");
        assertThat(browser.find("#revealed-name").getText()).isEqualTo("Sample Person India (fictional)");
        assertThat(browser.find("#reveal-log").getText()).contains("Court order 2026-118");

        // a search value the vault refuses is named, and the typed values stay
        browser.open("/identity?find=1&pseudonym=Official&country=ZZ");
        assertThat(browser.find("#invalid-lookup").getText()).contains("Country");
        assertThat(browser.find("#f-country").getAttribute("value")).isEqualTo("ZZ");
        assertThat(browser.find("#f-pseudonym").getAttribute("value")).isEqualTo("Official");

        // nobody else has the lookup
        for (String other : List.of("sofia", "irene")) {
            browser.signIn(other);
            browser.open("/identity?find=1&pseudonym=Haiti");
            assertThat(browser.h1()).isEqualTo("Not allowed");
        }
    }

    @Test
    void theSameJourneyInSpanish() throws Exception {
        String expected = platform.interviewId("honduras", "Honduran cleric");
        browser.signIn("carlos");
        browser.open("/identity");
        browser.submit("form[action='/language']");
        try {
            assertThat(browser.find("#find-h").getText()).isEqualTo("Encontrar la entrevista");
            browser.type("#f-pseudonym", "cleric");
            browser.select("#f-category", "CLERGY");
            browser.submit("#lookup-form");
            assertThat(browser.find("#lookup-count").getText()).isEqualTo("1 entrevista encontrada");
            assertThat(browser.find("#lookup-results").getText()).contains("Honduran cleric", "2019-10");
            browser.find("#lookup-results a.button").click();
            assertThat(browser.find("#v-interview").getAttribute("value")).isEqualTo(expected);

            String typo = "x" + expected;
            browser.type("#v-interview", typo);
            browser.type("#v-reason", "Orden judicial 2026-119");
            browser.submit("#reveal-form");
            assertThat(browser.find("#reveal-error").getText())
                    .isEqualTo("Ninguna entrevista tiene esta referencia. Revísela, o encuentre la entrevista arriba.");
            assertThat(browser.find("#v-interview").getAttribute("value")).isEqualTo(typo);
            assertThat(browser.find("#v-reason").getAttribute("value")).isEqualTo("Orden judicial 2026-119");
            assertThat(browser.find("#f-pseudonym").getAttribute("value")).isEqualTo("cleric");
            browser.screenshot("identity-lookup-es");

            browser.type("#v-interview", expected);
            browser.submit("#reveal-form");
            assertThat(browser.find("#revealed-name").getText()).isEqualTo("Sample Person Golf (fictional)");

            browser.open("/identity?find=1&country=ZZ&category=CLERGY");
            assertThat(browser.find("#invalid-lookup").getText())
                    .contains("Estos valores de búsqueda no son válidos", "País");
            assertThat(browser.find("#f-category").getAttribute("value")).isEqualTo("CLERGY");
        } finally {
            browser.submit("form[action='/language']");
        }
    }
}
