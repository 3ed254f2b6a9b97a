package org.parley.console.e2e;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Staff: sofia leads every seeded case; mateo is staff on no team. */
class StaffTest extends ConsoleTest {

    @Test
    void sofiaSeesHerCasesWithFacetsAndEverySectionOfACase() {
        browser.signIn("sofia");
        browser.open("/cases");
        assertThat(facetValues("country")).contains("CO", "MX", "HT", "BR", "SV");
        assertThat(facetValues("tier")).contains("SECRET", "RESULTS_PUBLIC", "PUBLICLY_KNOWN");
        assertThat(browser.has("a[href='/interviews/new']")).isTrue();
        assertThat(browser.has("a[href='/ledger']")).isFalse();
        browser.screenshot("cases-sofia");
        // "My cases": her team's cases only, also in the navigation; the public ones she is not on drop out
        browser.find("nav.main-nav a[href='/cases?team=mine']").click();
        assertThat(browser.h1()).isEqualTo("My cases");
        assertThat(browser.find("#f-mine").isSelected()).isTrue();
        assertNames(browser.source(), List.of(ESCOBAR, HAITI, MEXICO, EL_SALVADOR), List.of());
        browser.open("/cases?country=MX&country=HT&country=BR&country=SV");
        assertNames(browser.source(), List.of(EL_SALVADOR, HAITI, MEXICO, BRAZIL), List.of(ESCOBAR));

        browser.open("/cases?q=Guerrero");
        assertThat(browser.source()).contains(MEXICO);

        browser.open("/cases/" + platform.caseId("el-salvador"));
        for (String section :
                List.of("#context", "#process", "#results", "#interviews", "#history", "#edit", "#team")) {
            assertThat(browser.has(section)).as(section).isTrue();
        }
        assertThat(browser.has("#secrecy")).isFalse(); // sofia is not a secrecy admin
        assertThat(browser.all("svg.timeline-strip circle.marker")).hasSize(7);
        assertThat(browser.all("#effect-charts svg.effect-chart")).hasSize(3);
        assertThat(browser.find("#interviews").getText()).contains("OAS diplomat", "Salvadoran ex-official");
        browser.screenshot("case-sofia");
        browser.resize(Browser.PHONE);
        browser.open("/cases/" + platform.caseId("el-salvador"));
        assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("no sideways scrolling on a phone")
                .isTrue();
        browser.screenshot("case-sofia-phone");
        browser.resize(Browser.LAPTOP);
    }

    @Test
    void aMemberEditsTheHeaderAddsATimelineEntryAndIsToldWhenSomeoneElseChangedTheCase() throws Exception {
        String id = platform.newCase("Console editing case " + RUN);
        browser.signIn("sofia");
        browser.open("/cases/" + id);
        browser.type("#h-region", "Valle de Aburrá");
        // a period known to the year and the month stays so: no day is made up
        browser.setValue("#h-start", "2024");
        browser.setValue("#h-end", "2025-03");
        browser.submit("#edit-header");
        assertThat(browser.find("#notice").getText()).isEqualTo("Saved.");
        assertThat(browser.find(".case-header").getText()).contains("Valle de Aburrá");
        assertThat(browser.find("#h-start").getAttribute("value")).isEqualTo("2024");
        assertThat(browser.find("#h-end").getAttribute("value")).isEqualTo("2025-03");
        JsonNode period = platform.api
                .get("sofia", platform.endpoints.cases() + "/cases/" + id + "/coded")
                .body()
                .path("header")
                .path("period");
        assertThat(period.path("start").asText()).isEqualTo("2024");
        assertThat(period.path("end").asText()).isEqualTo("2025-03");

        browser.setValue("#t-date", "2025-02");
        browser.select("#t-kind", "MEETING");
        browser.type("#t-summary", "First exploratory meeting in Medellín.");
        browser.submit("#add-entry");
        assertThat(browser.find("#notice").getText()).isEqualTo("The entry was added.");
        assertThat(browser.find("#process-timeline").getText()).contains("First exploratory meeting in Medellín.");

        // the sections' forms come from the codebook: an input per dimension, named by its path
        browser.select("#process-objectives-scope", "LIMITED");
        browser.type("#process-objectives-items-0-text", "Reduce homicides in the comunas");
        browser.press("#process-objectives-items-add"); // another objective, without JavaScript
        assertThat(browser.find("#process-objectives-items-0-text").getAttribute("value"))
                .isEqualTo("Reduce homicides in the comunas");
        browser.type("#process-objectives-items-1-text", "Open a humanitarian corridor");
        browser.select("#process-trustBuilding-0-kind", "REGULAR_MEETINGS");
        browser.type("#process-trustBuilding-0-description", "Weekly calls through the parish");
        browser.type("#process-redlines-0-party", "The government");
        browser.type("#process-redlines-0-description", "No territory ceded");
        browser.type("#process-mediators-0-name", "The diocese of Medellín");
        browser.select("#process-mediators-0-role", "GUARANTOR");
        browser.select("#process-risks-0-kind", "SPOILERS");
        browser.type("#process-risks-0-description", "A splinter faction rejects the talks");
        browser.submit("#edit-process");
        assertThat(browser.find("#notice").getText()).isEqualTo("Saved.");
        assertThat(browser.find("#process").getText())
                .contains("Limited", "Reduce homicides in the comunas", "Open a humanitarian corridor")
                .contains("Weekly calls through the parish", "No territory ceded", "The diocese of Medellín")
                .contains("Guarantor", "A splinter faction rejects the talks");
        // the saved risk is entry 0 now, with a blank entry 1 to add another; removing entry 0 removes it
        assertThat(browser.has("#process-risks-1-kind")).isTrue();
        browser.find("#process-risks-0-remove").click();
        browser.submit("#edit-process");
        assertThat(browser.find("#notice").getText()).isEqualTo("Saved.");
        assertThat(browser.find("#process").getText())
                .doesNotContain("A splinter faction")
                .contains("The diocese of Medellín");

        browser.select("#results-effects-0-indicator", "HOMICIDES");
        browser.select("#results-effects-0-unit", "PER_MONTH");
        browser.type("#results-effects-0-before-low", "40");
        browser.type("#results-effects-0-after-low", "12");
        browser.type("#results-effects-0-period", "first quarter of the truce");
        browser.select("#results-sideEffects-0-kind", "CONTAGION");
        browser.type("#results-sideEffects-0-description", "A neighbouring gang asked for the same terms");
        browser.submit("#edit-results");
        assertThat(browser.find("#notice").getText()).isEqualTo("Saved.");
        assertThat(browser.find("#results").getText())
                .contains("Homicides", "40 Per month", "first quarter of the truce", "A neighbouring gang asked");

        browser.select("#context-entities-0-type", "LOCAL_GOVERNMENT");
        browser.select("#context-entities-0-relativeStrength", "WEAKER");
        browser.type("#context-entities-0-name", "Alcaldía de Medellín");
        browser.type("#context-groups-0-name", "La Oficina de Envigado");
        browser.select("#context-groups-0-type", "MAFIA");
        browser.select("#context-groups-0-internalControl", "FRAGMENTED");
        browser.submit("#edit-context");
        assertThat(browser.find("#notice").getText()).isEqualTo("Saved.");
        assertThat(browser.find("#context").getText())
                .contains("Alcaldía de Medellín", "State or local government", "La Oficina de Envigado", "Fragmented");
        browser.screenshot("case-edited-sofia");
        // the History shows each section's edit, and to the team who made it (events arrive asynchronously)
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    browser.open("/cases/" + id);
                    assertThat(browser.find("#history").getText())
                            .contains("Section edited: Context — by sofia", "Section edited: Process — by sofia");
                });

        // someone else edits the case while this page is open: the form's version is stale
        assertThat(platform.editResultsTerms("sofia", id, List.of("Changed elsewhere")))
                .isEqualTo(200);
        browser.type("#h-title", "A title typed on an old page");
        browser.submit("#edit-header");
        assertThat(browser.find("#notice").getText()).contains("changed this meanwhile");
        assertThat(browser.h1()).isEqualTo("Console editing case " + RUN);
    }

    @Test
    void sofiaLogsAnInterviewWithConsentThemesAndLinksAndReadsIt() throws Exception {
        String id = platform.newCase("Console interview case " + RUN);
        browser.signIn("sofia");
        browser.open("/interviews/new?case=" + id);
        browser.type("#f-pseudonym", "Console Official Q");
        browser.type("#f-descriptor", "former provincial security official");
        browser.select("#f-category", "GOVERNMENT_OFFICIAL");
        browser.setValue("#f-date", "2025-03");
        browser.type("#f-country", "CO");
        browser.type("#f-language", "es");
        browser.select("#f-mode", "REMOTE");
        browser.find("#f-mayQuote").click();
        browser.select("#f-attribution", "CATEGORY");
        browser.find("#th-RISKS").click();
        browser.find("#th-SPOILERS").click();
        browser.type("#f-transcript", "SAMPLE DATA. The talks began with a phone call about a river crossing.");
        browser.type("#f-quotes", "Nobody wanted to be seen at the table.");
        browser.screenshot("interview-form");
        browser.submit("#interview-form");

        assertThat(browser.find("#notice").getText()).isEqualTo("The interview was recorded.");
        assertThat(browser.h1()).isEqualTo("Console Official Q");
        assertThat(browser.find("#transcript").getText()).contains("river crossing");
        assertThat(browser.text()).contains("Risks", "Spoilers", "Category only", "Console interview case");
        browser.screenshot("interview");

        browser.open("/interviews?theme=SPOILERS");
        assertThat(browser.find("#interview-list").getText()).contains("Console Official Q");
        browser.open("/cases/" + id);
        assertThat(browser.find("#interviews").getText()).contains("Console Official Q");
    }

    /** Issue 16, part 3: research questions on interviews and excerpts, with the codebook's labels, both languages. */
    @Test
    void sofiaTagsAnInterviewAndAnExcerptWithResearchQuestionsAndFindsItByQuestion() throws Exception {
        String caseId = platform.newCase("Console questions case " + RUN);
        String pseudonym = "Console Mediator RQ " + RUN;
        browser.signIn("sofia");
        browser.open("/interviews/new?case=" + caseId);
        assertThat(browser.all("#f-questions input[name=question]")).hasSize(8);
        assertThat(browser.find("label[for=rq-RQ3]").getText())
                .startsWith("RQ3")
                .contains("Are comprehensive settlements possible and desirable with criminal groups");
        browser.type("#f-pseudonym", pseudonym);
        browser.type("#f-descriptor", "church mediator in a border town");
        browser.select("#f-category", "CLERGY");
        browser.setValue("#f-date", "2024-11");
        browser.type("#f-country", "XX"); // refused by the service: the questions ticked must survive
        browser.type("#f-language", "es");
        browser.find("#f-mayQuote").click();
        browser.find("#f-share").click();
        browser.find("#rq-RQ3").click();
        browser.find("#rq-RQ5").click();
        browser.type("#f-quotes", "The bishop carried the letters both ways.");
        browser.submit("#interview-form");

        assertThat(browser.find("#f-country").getAttribute("value")).isEqualTo("XX");
        assertThat(browser.find("#rq-RQ3").isSelected()).isTrue();
        assertThat(browser.find("#rq-RQ5").isSelected()).isTrue();
        assertThat(browser.find("#rq-RQ1").isSelected()).isFalse();
        browser.type("#f-country", "CO");
        browser.submit("#interview-form");

        assertThat(browser.find("#notice").getText()).isEqualTo("The interview was recorded.");
        String interviewId = browser.url().replaceAll(".*/interviews/([0-9a-f-]{36}).*", "$1");
        assertThat(browser.find("#questions").getText())
                .contains("RQ3", "Are comprehensive settlements possible", "RQ5", "representative and authoritative")
                .doesNotContain("RQ1");

        // an excerpt proposed with the question it informs
        browser.find("#quotes details.questions summary").click();
        browser.find("#eq-1-RQ7").click();
        browser.submit("form[action='/interviews/" + interviewId + "/excerpts']");
        assertThat(browser.find("#excerpts").getText()).contains("bishop carried the letters", "RQ7");
        browser.screenshot("interview-questions");

        browser.open("/interviews?question=RQ3");
        assertThat(browser.find("#interview-list").getText()).contains(pseudonym, "RQ3", "RQ5");
        browser.open("/interviews?question=RQ8");
        assertThat(browser.text()).doesNotContain(pseudonym);

        // in Spanish, the codebook's Spanish wording
        browser.open("/interviews/" + interviewId);
        browser.submit("form[action='/language']");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("es");
        assertThat(browser.find("#questions").getText())
                .contains("Preguntas de investigación", "¿Son posibles y deseables los acuerdos integrales");
        browser.open("/interviews/new");
        assertThat(browser.find("label[for=rq-RQ7]").getText())
                .contains("¿Qué papel constructivo puede desempeñar la comunidad internacional");
        browser.submit("form[action='/language']");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
    }

    /** Issue 16, list facets for coded dimensions: labelled from the codebook, counted only where seen. */
    @Test
    void codedFacetsFilterTheListInBothLanguagesAndCountOnlyWhatTheReaderSees() {
        String fragmented = "input[value='context.groups.internalControl:FRAGMENTED']";
        browser.signIn("sofia");
        browser.open("/cases");
        assertThat(browser.find("fieldset[data-facet='context.groups.internalControl'] legend")
                        .getText())
                .isEqualTo("Internal control");
        assertThat(browser.find("label[for='" + browser.find(fragmented).getAttribute("id") + "']")
                        .getText())
                .startsWith("Fragmented: no effective central leadership");
        assertThat(browser.has("fieldset[data-facet='process.risks.kind']")).isTrue(); // she sees PROCESS
        // a ticked box submits the form by script (console.js): open the address it sends, as the box would
        assertThat(browser.find(fragmented).getAttribute("name")).isEqualTo("coded");
        browser.open("/cases?coded=context.groups.internalControl:FRAGMENTED");
        assertThat(browser.find(fragmented).isSelected()).isTrue();
        assertNames(browser.source(), List.of(HAITI, MEXICO, HONDURAS), List.of(ESCOBAR));

        browser.submit("form[action='/language']");
        assertThat(browser.find("fieldset[data-facet='context.groups.internalControl'] legend")
                        .getText())
                .isEqualTo("Control interno");
        assertThat(browser.text()).contains("Fragmentado: sin dirección central efectiva");
        browser.submit("form[action='/language']");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");

        // mateo knows Honduras (publicly known) but not the secret Haiti and Mexico: neither list nor count
        browser.signIn("mateo");
        browser.open("/cases?coded=context.groups.internalControl:FRAGMENTED");
        assertNames(browser.source(), List.of(HONDURAS), HIDDEN);
        assertThat(browser.find("#results-heading").getText()).isEqualTo("1 case");
    }

    /**
     * Issue 17: Compare shows the cases side by side, counts two coded dimensions and builds the truth table over the
     * cases the user sees, never more.
     */
    @Test
    void compareShowsAndCountsOnlyWhatEachUserMaySee() {
        browser.signIn("sofia");
        browser.find("nav.main-nav a[href='/compare']").click();
        assertThat(browser.h1()).isEqualTo("Compare cases");
        assertThat(browser.find("#crosstab caption").getText()).isEqualTo("Internal control × Deal reached");
        assertThat(browser.all("#crosstab tbody tr")).isNotEmpty();
        assertThat(browser.all("#matrix tbody tr")).isNotEmpty();
        assertThat(browser.all("#truthtable tbody tr")).isNotEmpty();
        browser.select("#rows", "process.risks.kind");
        browser.submit("#compare-form");
        assertThat(browser.find("#crosstab caption").getText()).startsWith("Kind of risk");
        browser.screenshot("compare-sofia");
        // a word only the secret Mexico case holds: sofia, its lead, sees and counts it
        browser.open("/compare?q=Guerrero");
        assertThat(browser.find("#crosstab-total").getText()).isEqualTo("1 case counted");
        assertThat(browser.find("#truthtable-total").getText()).isEqualTo("1 case counted");
        assertThat(browser.find("#matrix-total").getText()).startsWith("1 case you may see");
        assertThat(browser.all("#matrix tbody tr")).hasSize(1);
        assertThat(browser.find("#matrix tbody th").getText()).startsWith("Mexico");
        browser.submit("form[action='/language']");
        assertThat(browser.h1()).isEqualTo("Comparar casos");
        assertThat(browser.find("#crosstab-total").getText()).isEqualTo("1 caso contado");
        assertThat(browser.find("#matrix-total").getText()).startsWith("1 caso que usted puede ver");
        browser.submit("form[action='/language']");
        // the CSV holds the page she sees, labels in her language (last: any GET renews the form token, so a
        // form of the page it was fetched from would be refused as expired)
        String csv = (String) browser.script(
                "return fetch(arguments[0]).then(function (r) { return r.text(); })",
                browser.find("#matrix-csv").getAttribute("href"));
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("id,Case,");
        assertThat(csv).contains("Mexico");

        // mateo may not know it exists: nothing is shown or counted, not even as uncoded
        browser.signIn("mateo");
        browser.open("/compare?q=Guerrero");
        assertThat(browser.find("#crosstab-total").getText()).isEqualTo("0 cases counted");
        assertThat(browser.find("#truthtable-total").getText()).isEqualTo("0 cases counted");
        assertThat(browser.find("#matrix-total").getText()).isEqualTo("0 cases you may see");
        assertThat(browser.has("#crosstab")).isFalse();
        assertThat(browser.has("#matrix")).isFalse();
        assertThat(browser.source()).doesNotContain("Mexico").doesNotContain("México");
    }

    /**
     * Issue 17: a case page shows the cases most like it, and its links; a link to a case a reader may not know leaves
     * no trace for them.
     */
    @Test
    void aLeadLinksHerSecretCaseAndOnlyThoseWhoKnowBothSeeTheLink() {
        String mexico = platform.caseId("mexico");
        String escobar = platform.caseId("escobar");
        browser.signIn("sofia");
        browser.open("/cases/" + mexico);
        assertThat(browser.all("#comparable-list li")).isNotEmpty();
        assertThat(browser.find("#comparable-list").getText())
                .doesNotContain(MEXICO)
                .contains("Alike in");
        // the other case is found with the search box, not picked from a list of every case
        browser.type("#l-search", "Extraditables");
        browser.submit("#find-link-target");
        assertThat(browser.all("#l-target option").stream().map(option -> option.getAttribute("value")))
                .contains(escobar)
                .doesNotContain(mexico);
        browser.type("#l-search", "zzznothingmatcheszzz");
        browser.submit("#find-link-target");
        assertThat(browser.find("#link-targets-none").getText()).isEqualTo("No case you may see matches these words.");
        assertThat(browser.has("#add-link")).isFalse();
        browser.type("#l-search", "Escobar Extraditables");
        browser.submit("#find-link-target");
        browser.select("#l-kind", "DETERRED");
        browser.select("#l-target", escobar);
        browser.type("#l-note", "Seen from Guerrero " + RUN);
        browser.submit("#add-link");
        assertThat(browser.find("#notice").getText()).isEqualTo("The cases were linked.");
        assertThat(browser.find("#links-list").getText())
                .contains("Deterred")
                .contains(ESCOBAR)
                .contains("Seen from Guerrero " + RUN);
        browser.screenshot("links-sofia");
        // from the other end, read the other way round
        browser.open("/cases/" + escobar);
        assertThat(browser.find("#links-list").getText())
                .contains(MEXICO)
                .contains("Deterred")
                .contains("this case");

        // mateo sees Escobar, never Mexico: no link, no note, no count
        browser.signIn("mateo");
        browser.open("/cases/" + escobar);
        assertThat(browser.find("#links").getText()).contains("No link to a case you may see.");
        assertThat(browser.source()).doesNotContain("Mexico").doesNotContain("Guerrero " + RUN);

        // and the lead removes it
        browser.signIn("sofia");
        browser.open("/cases/" + mexico);
        browser.submit("#links-list form");
        assertThat(browser.find("#notice").getText()).isEqualTo("The link was removed.");
        assertThat(browser.has("#links-list")).isFalse();
    }

    @Test
    void mateoCannotTellThatTheSecretCasesExist() throws Exception {
        browser.signIn("mateo");
        browser.open("/cases");
        assertNames(browser.source(), List.of(), HIDDEN);
        assertThat(facetValues("country")).contains("CO", "SV", "HN", "EC").doesNotContain("MX", "HT", "BR");
        assertThat(facetValues("tier")).doesNotContain("SECRET");
        browser.screenshot("cases-mateo");
        browser.open("/cases?team=mine"); // on no team: nothing of his own, and still nothing hidden
        assertThat(browser.find("#results-heading").getText()).isEqualTo("0 cases");
        assertNames(browser.source(), List.of(), HIDDEN);
        browser.open("/cases?country=SV&country=HN&country=EC&country=MX&country=HT&country=BR");
        assertNames(browser.source(), List.of(EL_SALVADOR, HONDURAS, ECUADOR), HIDDEN);

        browser.open("/cases?q=Guerrero");
        assertThat(browser.find("#results-heading").getText()).isEqualTo("0 cases");
        assertThat(browser.source()).doesNotContain("Mexico").doesNotContain("México");

        String neverExisted = neverExisted("/cases/");
        assertThat(browser.h1()).isEqualTo("Not found");
        for (String key : List.of("mexico", "haiti", "brazil")) {
            browser.open("/cases/" + platform.caseId(key));
            assertThat(browser.source()).as(key).isEqualTo(neverExisted);
        }

        String mexicanMediator = platform.interviewId("mexico", "Mexican mediator");
        String noInterview = neverExisted("/interviews/");
        browser.open("/interviews/" + mexicanMediator);
        assertThat(browser.source()).isEqualTo(noInterview);
        browser.open("/interviews");
        assertThat(browser.source()).doesNotContain("Mexican mediator");

        // a public case: what anyone may read, and no member's tools
        browser.open("/cases/" + platform.caseId("escobar"));
        assertThat(browser.has("#context")).isTrue();
        for (String section : List.of("#process", "#edit", "#team", "#interviews", "#secrecy")) {
            assertThat(browser.has(section)).as(section).isFalse();
        }
    }
}
