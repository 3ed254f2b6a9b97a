package org.parley.console.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two secrecy admins through the pages: ana asks to loosen, the dry-run shows who gains what, ana cannot
 * approve her own request, bruno approves, and the change reaches the public register and the partner.
 */
class SecrecyAdminTest extends ConsoleTest {

    @Test
    void aDeclassificationNeedsASecondAdminAndReachesThePublicRegister() throws Exception {
        String title = "Console declassification case " + RUN;
        String id = platform.newCase(title);

        browser.signIn("ana");
        browser.open("/cases/" + id);
        assertThat(browser.has("#secrecy")).isTrue();
        assertThat(browser.has("#process")).isFalse(); // an admin manages the case without reading its process
        browser.select("#s-tier", "PUBLICLY_KNOWN");
        browser.type("#s-tier-reason", "The talks were announced publicly.");
        browser.submit("#change-tier");
        assertThat(browser.find("#notice").getText()).contains("a second secrecy admin must approve");
        assertThat(anonymousGet("/register?q=" + RUN, null).body()).doesNotContain(title);

        // an EXCERPTS grant for oas on Escobar needs a second admin too
        browser.open("/cases/" + platform.caseId("escobar"));
        browser.select("#g-org", "oas");
        browser.select("#g-scope", "EXCERPTS");
        browser.type("#g-reason", "OAS researchers quote Official A.");
        browser.submit("#issue-grant");
        assertThat(browser.find("#notice").getText()).contains("a second secrecy admin must approve");

        browser.open("/requests");
        assertThat(browser.find("#requests").getText()).contains(title, "Pablo Escobar");
        browser.screenshot("requests");
        String tierRequest = requestLink(title);
        browser.open(tierRequest);
        assertThat(browser.find("#dry-run").getText())
                .contains("The public (anonymous readers)", "+ Header", "+ Context");
        assertThat(browser.text()).contains("You filed this request");
        browser.screenshot("dry-run");
        // the requester may withdraw her request, never approve it (RequestWithdrawalTest withdraws one)
        assertThat(browser.has("#approve")).isFalse();
        assertThat(browser.has("#withdraw")).isTrue();
        assertThat(browser.find("#request-status").getText()).isEqualTo("Pending");
        String grantRequest = requestLink("Pablo Escobar");

        browser.signIn("bruno");
        browser.open(tierRequest);
        assertThat(browser.text()).doesNotContain("You filed this request");
        browser.type("#a-reason", "Agreed: announced on the radio.");
        browser.submit("#approve");
        assertThat(browser.find("#notice").getText()).isEqualTo("Approved and applied.");
        assertThat(browser.find("#request-status").getText()).isEqualTo("Approved");
        browser.open(grantRequest);
        // the dry run names the approved excerpt the grant would open (Official A's), by number and month only,
        // and not the security adviser's, whose interview is also linked to Haiti, which oas may not read
        assertThat(browser.find("#opening-h").getText()).contains("oas");
        assertThat(browser.all("#opening li")).hasSize(1);
        assertThat(browser.find("#opening").getText())
                .contains("Excerpt 1 of the interview of")
                .doesNotContain("keep the state standing", "Official A");
        browser.screenshot("dry-run-excerpts");
        browser.submit("#approve");
        assertThat(browser.find("#request-status").getText()).isEqualTo("Approved");

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(
                                anonymousGet("/register?q=" + RUN, null).body())
                        .contains(title));
        browser.signOutEverywhere();
        browser.open("/register/" + id);
        assertThat(browser.h1()).isEqualTo(title);
        assertThat(browser.has("#context")).isTrue(); // publicly known: its context is public (none written yet)
        assertThat(browser.has("#results")).isFalse(); // results not released
        assertThat(browser.has("#process")).isFalse();

        // lucia now finds Official A's approved excerpt on the case page, and only that one: not the proposed
        // one, and nothing of the security adviser's interview, also linked to Haiti, which oas may not know
        browser.signIn("lucia");
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    browser.open("/cases/" + platform.caseId("escobar"));
                    assertThat(browser.has("#shared-excerpts")).isTrue();
                });
        assertThat(browser.find("#shared-excerpts").getText())
                .contains("keep the state standing", "Official A")
                .doesNotContain("plea bargain", "Weak negotiators", "security adviser");
        assertNames(browser.source(), List.of(), HIDDEN);
        browser.screenshot("case-excerpts-lucia");
        // the excerpts page gathers them case by case: Escobar's, and nothing else
        browser.open("/excerpts");
        assertThat(browser.find("#shared").getText())
                .contains(ESCOBAR, "keep the state standing")
                .doesNotContain("plea bargain", "Weak negotiators", "Moving the leaders");
        assertNames(browser.source(), List.of(), HIDDEN);
        browser.screenshot("excerpts-shared-lucia");
        // and by the interview reference, the same
        String officialA = platform.interviewId("escobar", "Official A");
        browser.open("/excerpts?interview=" + officialA);
        assertThat(browser.find("#excerpts").getText())
                .contains("keep the state standing", "Official A")
                .doesNotContain("plea bargain");
        browser.screenshot("excerpts-lucia");
    }

    @Test
    void anAdminRevokesAGrantAtOnce() throws Exception {
        String id = platform.newCase("Console revocation case " + RUN);
        browser.signIn("ana");
        browser.open("/cases/" + id);
        browser.select("#g-org", "medic-ngo");
        browser.select("#g-scope", "SUMMARY");
        browser.type("#g-reason", "Field access planning.");
        browser.submit("#issue-grant");
        assertThat(browser.find("#notice").getText()).isEqualTo("Changed.");
        assertThat(browser.find("#grants").getText()).contains("medic-ngo", "Summary", "Active");
        browser.screenshot("case-ana");
        // one grant per organisation and case: the same again is refused, a wider one replaces it
        browser.select("#g-org", "medic-ngo");
        browser.select("#g-scope", "SUMMARY");
        browser.type("#g-reason", "Field access planning, again.");
        browser.submit("#issue-grant");
        assertThat(browser.find("#notice").getText()).contains("already holds a grant on this case");
        browser.select("#g-org", "medic-ngo");
        browser.select("#g-scope", "RESULTS");
        browser.type("#g-reason", "Results too.");
        browser.submit("#issue-grant");
        assertThat(browser.find("#notice").getText()).isEqualTo("Changed.");
        assertThat(browser.find("#grants").getText()).contains("Replaced by a wider grant", "Results", "Active");
        assertThat(browser.all("#grants form")).hasSize(1); // only the active grant can be revoked

        browser.type("#grants input[name=reason]", "Planning ended.");
        browser.submit("#grants form");
        assertThat(browser.find("#notice").getText()).isEqualTo("Revoked.");
        assertThat(browser.find("#grants").getText()).contains("Revoked");
        assertThat(browser.all("#grants form")).isEmpty();
    }
}
