package org.parley.console.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, point 6: every coded dimension of a section edited with the codebook's controlled choices, repeated
 * blocks for several groups, field errors next to their fields in the reader's language with what was typed kept,
 * and nothing of a section a reader may not see.
 */
class CodedEditTest extends ConsoleTest {

    @Test
    void aLeadAddsASecondCriminalGroupWithInternalControlAndAnEstimatedSizeRange() throws Exception {
        String id = platform.newCase("Coded editing case " + RUN);
        browser.signIn("sofia");
        browser.open("/cases/" + id);
        assertThat(browser.find("label[for=context-groups-0-internalControl]").getText())
                .isEqualTo("Internal control");
        assertThat(browser.find("#context-groups-0-internalControl option[value='']")
                        .getText())
                .isEqualTo("Uncoded");
        browser.type("#context-groups-0-name", "First group " + RUN);
        browser.select("#context-groups-0-type", "STREET_GANG");
        browser.find("#context-settings-URBAN").click();
        browser.submit("#edit-context");
        assertThat(browser.find("#notice").getText()).isEqualTo("Saved.");

        // the saved group is entry 0, entry 1 is blank for another
        assertThat(browser.find("#context-groups-0-name").getAttribute("value")).isEqualTo("First group " + RUN);
        assertThat(browser.find("#context-groups-1-name").getAttribute("value")).isEmpty();
        browser.type("#context-groups-1-name", "Second group " + RUN);
        browser.select("#context-groups-1-internalControl", "CENTRALISED");
        browser.type("#context-groups-1-estimatedSize-low", "300");
        browser.type("#context-groups-1-estimatedSize-high", "500");
        browser.submit("#edit-context");
        assertThat(browser.find("#notice").getText()).isEqualTo("Saved.");

        String context = browser.find("#context").getText();
        assertThat(context)
                .contains("First group " + RUN, "Street gang", "Urban neighbourhoods")
                .contains("Second group " + RUN, "Centralised", "300–500 members");
        assertThat(browser.all("#context [data-block='context.groups'] > li")).hasSize(2);
        browser.screenshot("coded-context-sofia");

        JsonNode saved = platform.api
                .get("sofia", platform.endpoints.cases() + "/cases/" + id + "/coded")
                .body()
                .path("context");
        assertThat(saved.path("settings").toString()).isEqualTo("[\"URBAN\"]");
        JsonNode groups = saved.path("groups");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).path("type").asText()).isEqualTo("STREET_GANG");
        assertThat(groups.get(1).path("internalControl").asText()).isEqualTo("CENTRALISED");
        assertThat(groups.get(1).path("estimatedSize").toString()).isEqualTo("{\"low\":300,\"high\":500}");
    }

    @Test
    void aReversedOrOutOfRangeSizeKeepsWhatWasTypedAndSaysWhyNextToTheFieldInEitherLanguage() throws Exception {
        String id = platform.newCase("Coded errors case " + RUN);
        browser.signIn("sofia");
        browser.open("/cases/" + id);
        browser.type("#context-groups-0-name", "Typed group " + RUN);
        browser.select("#context-groups-0-internalControl", "FRAGMENTED");
        browser.type("#context-groups-0-estimatedSize-low", "900");
        browser.type("#context-groups-0-estimatedSize-high", "300");
        browser.submit("#edit-context");

        assertThat(browser.find("#notice").getText()).isEqualTo("Some values are not valid.");
        assertThat(browser.find("#context-groups-0-estimatedSize-error").getText())
                .isEqualTo("The first number of a range must not be above the second.");
        assertThat(browser.all(".field-error")).hasSize(1);
        assertThat(browser.find("#context-groups-0-estimatedSize-low").getAttribute("value"))
                .isEqualTo("900");
        assertThat(browser.find("#context-groups-0-estimatedSize-high").getAttribute("value"))
                .isEqualTo("300");
        assertThat(browser.find("#context-groups-0-estimatedSize-low").getAttribute("aria-describedby"))
                .contains("context-groups-0-estimatedSize-error");
        assertThat(browser.find("#context-groups-0-name").getAttribute("value")).isEqualTo("Typed group " + RUN);
        assertThat(browser.find("#context-groups-0-internalControl option[value=FRAGMENTED]")
                        .isSelected())
                .isTrue();
        assertThat(browser.source()).doesNotContain("context.groups[", "must not have its low end");
        assertThat(codedGroups(id)).as("nothing was saved").isZero();

        browser.open("/cases/" + id);
        browser.submit("form[action='/language']");
        try {
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("es");
            assertThat(browser.find("label[for=context-groups-0-internalControl]")
                            .getText())
                    .isEqualTo("Control interno");
            browser.type("#context-groups-0-name", "Grupo escrito " + RUN);
            browser.type("#context-groups-0-estimatedSize-low", "0");
            browser.submit("#edit-context");
            assertThat(browser.find("#notice").getText()).isEqualTo("Algunos valores no son válidos.");
            assertThat(browser.find("#context-groups-0-estimatedSize-error").getText())
                    .isEqualTo("Escriba un número entre 1 y 10.000.000.");
            assertThat(browser.find("#context-groups-0-estimatedSize-low").getAttribute("value"))
                    .isEqualTo("0");
            assertThat(browser.find("#context-groups-0-name").getAttribute("value"))
                    .isEqualTo("Grupo escrito " + RUN);
            browser.screenshot("coded-error-es");

            // a typo in a number never reaches the service, and is said the same way
            browser.type("#context-groups-0-estimatedSize-low", "unos 40");
            browser.submit("#edit-context");
            assertThat(browser.find("#context-groups-0-estimatedSize-error").getText())
                    .isEqualTo("Escriba un número, como 1500 o 2.5.");
            assertThat(browser.find("#context-groups-0-estimatedSize-low").getAttribute("value"))
                    .isEqualTo("unos 40");

            browser.type("#context-groups-0-estimatedSize-low", "40");
            browser.submit("#edit-context");
            assertThat(browser.find("#notice").getText()).isEqualTo("Guardado.");
            assertThat(browser.find("#context").getText()).contains("40 miembros");
            assertThat(codedGroups(id)).isEqualTo(1);
        } finally {
            browser.submit("form[action='/language']");
        }
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
    }

    @Test
    void aPartnerWithoutTheProcessSectionSeesNoneOfItsValues() throws Exception {
        String escobar = platform.caseId("escobar");
        JsonNode coded = platform.api
                .get("lucia", platform.endpoints.cases() + "/cases/" + escobar + "/coded")
                .body();
        assertThat(coded.has("process")).as("the service shows her no PROCESS").isFalse();
        JsonNode asTeam = platform.api
                .get("sofia", platform.endpoints.cases() + "/cases/" + escobar + "/coded")
                .body();
        assertThat(asTeam.path("process").isObject()).isTrue();

        browser.signIn("lucia");
        browser.open("/cases/" + escobar);
        assertThat(browser.has("#context")).isTrue();
        assertThat(browser.has("#process")).isFalse();
        assertThat(browser.has("#edit")).isFalse();
        assertThat(browser.all("[data-key^='process.'], [data-block^='process.']"))
                .isEmpty();
        assertThat(browser.source()).doesNotContain("/coded/");
    }

    private static int codedGroups(String id) throws Exception {
        return platform.api
                .get("sofia", platform.endpoints.cases() + "/cases/" + id + "/coded")
                .body()
                .path("context")
                .path("groups")
                .size();
    }
}
