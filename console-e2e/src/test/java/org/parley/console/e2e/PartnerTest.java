package org.parley.console.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner (lucia, oas): the cases shared with her organisation, search, approved excerpts; nothing else. */
class PartnerTest extends ConsoleTest {

    @Test
    void luciaSeesTheSharedAndPublicCasesAndNothingElse() {
        browser.signIn("lucia");
        List<String> nav = browser.all("nav.main-nav a:not(#nav-todo)").stream()
                .map(a -> a.getText())
                .toList();
        assertThat(nav).containsExactly("Shared cases", "Compare", "Excerpts", "Public register");
        assertThat(browser.find("#nav-todo").getText()).startsWith("To do");

        browser.open("/cases");
        assertThat(browser.h1()).isEqualTo("Shared cases");
        assertNames(browser.source(), List.of(), HIDDEN);
        assertThat(facetValues("country")).contains("SV").doesNotContain("MX", "HT", "BR");
        assertThat(facetValues("tier")).doesNotContain("SECRET");
        browser.screenshot("cases-lucia");
        browser.open("/cases?country=SV&country=MX&country=HT&country=BR");
        assertNames(browser.source(), List.of(EL_SALVADOR), HIDDEN);

        browser.open("/cases?q=Guerrero");
        assertThat(browser.find("#results-heading").getText()).isEqualTo("0 cases");
        browser.open("/compare?q=Guerrero"); // the secret Mexico case counts for nobody outside its team
        assertThat(browser.find("#crosstab-total").getText()).isEqualTo("0 cases counted");
        assertThat(browser.find("#matrix-total").getText()).isEqualTo("0 cases you may see");
        // side by side, the public Colombian cases show her no PROCESS value: the cells say it is not hers to see
        browser.open("/compare?country=CO&dims=context.groups.type&dims=process.risks.kind");
        List<WebElement> colombian = browser.all("#matrix tbody tr");
        assertThat(colombian).hasSize(2);
        for (WebElement row : colombian) {
            List<WebElement> cells = row.findElements(By.cssSelector("td"));
            assertThat(cells).hasSize(2);
            assertThat(cells.get(1).getText()).isEqualTo("—");
            assertThat(cells.get(1).findElement(By.cssSelector(".hidden-value")).getAttribute("title"))
                    .isEqualTo("Not visible to you");
        }

        // the oas PROCESS grant shows her El Salvador's process, never the team's tools
        browser.open("/cases/" + platform.caseId("el-salvador"));
        assertThat(browser.has("#process")).isTrue();
        assertThat(browser.has("#results")).isTrue();
        for (String section : List.of("#edit", "#team", "#interviews", "#secrecy", "#shared-excerpts")) {
            assertThat(browser.has(section)).as(section).isFalse();
        }
        assertNames(browser.source(), List.of(), HIDDEN);
        browser.screenshot("case-lucia");

        // the excerpts page: only what a grant covering excerpts shares (oas has PROCESS on El Salvador only, so
        // nothing of its approved quotes; whatever another test may have granted since, nothing hidden)
        browser.open("/excerpts");
        assertThat(browser.has("#shared")).isTrue();
        assertThat(browser.find("#shared").getText())
                .doesNotContain("Moving the leaders", "We called them conversations", EL_SALVADOR);
        assertNames(browser.source(), List.of(), HIDDEN);

        browser.open("/cases/" + platform.caseId("ecuador")); // public, no grant: no process
        assertThat(browser.has("#process")).isFalse();
        assertThat(browser.has("#context")).isTrue();
    }

    @Test
    void hiddenCasesAndStaffPagesGiveHerNothing() throws Exception {
        browser.signIn("lucia");
        String neverExisted = neverExisted("/cases/");
        for (String key : List.of("mexico", "haiti", "brazil")) {
            browser.open("/cases/" + platform.caseId(key));
            assertThat(browser.source()).as(key).isEqualTo(neverExisted);
        }
        // excerpts of an interview on a case she may not know: the same "not found"
        String noExcerpts = neverExisted("/excerpts?interview=");
        browser.open("/excerpts?interview=" + platform.interviewId("mexico", "Mexican mediator"));
        assertThat(browser.source()).isEqualTo(noExcerpts);
        // and of one on a case she only partly sees (a PROCESS grant, not EXCERPTS): the same
        browser.open("/excerpts?interview=" + platform.interviewId("el-salvador", "Salvadoran ex-official"));
        assertThat(browser.source()).isEqualTo(noExcerpts);

        for (String path : List.of("/interviews", "/interviews/new", "/ledger", "/requests", "/identity")) {
            browser.open(path);
            assertThat(browser.h1()).as(path).isEqualTo("Not allowed");
        }
    }
}
