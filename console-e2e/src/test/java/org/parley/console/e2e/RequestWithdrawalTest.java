package org.parley.console.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requester of a loosening sees Withdraw, never Approve; once withdrawn, the request leaves the other admin's
 * queue and nobody can approve it: in English and in Spanish.
 */
class RequestWithdrawalTest extends ConsoleTest {

    @Test
    void theRequesterWithdrawsAndTheRequestLeavesTheOtherAdminsQueue() throws Exception {
        String title = "Console withdrawal case " + RUN;
        String request = fileTierRequest(title);

        browser.open(request);
        assertThat(browser.has("#withdraw")).isTrue();
        assertThat(browser.has("#approve")).isFalse();
        assertThat(browser.has("#reject")).isFalse();
        assertThat(browser.find("#decide").getText())
                .contains("You filed this request", "Withdraw the request")
                .doesNotContain("Approve");
        browser.screenshot("request-withdraw");

        browser.signIn("bruno");
        browser.open("/requests");
        assertThat(browser.find("#requests").getText()).contains(title);
        browser.open(request);
        assertThat(browser.has("#approve")).isTrue();
        assertThat(browser.has("#withdraw")).isFalse();

        browser.signIn("ana");
        browser.open(request);
        browser.type("#w-reason", "Filed on the wrong case.");
        browser.submit("#withdraw");
        assertThat(browser.find("#notice").getText()).isEqualTo("Withdrawn: nobody can approve this request any more.");
        assertThat(browser.find("#request-status").getText()).isEqualTo("Withdrawn");

        browser.signIn("bruno");
        browser.open("/requests");
        assertThat(browser.text()).doesNotContain(title);
        browser.open(request);
        assertThat(browser.find("#request-status").getText()).isEqualTo("Withdrawn");
        assertThat(browser.has("#approve")).isFalse();
        browser.open("/requests?status=WITHDRAWN");
        assertThat(browser.find("#requests").getText()).contains(title);
    }

    @Test
    void theRequesterWithdrawsInSpanish() throws Exception {
        String title = "Caso de retiro en la consola " + RUN;
        String request = fileTierRequest(title);

        browser.open(request);
        browser.submit("form[action='/language']");
        try {
            assertThat(browser.has("#approve")).isFalse();
            assertThat(browser.find("#withdraw button").getText()).isEqualTo("Retirar la solicitud");
            assertThat(browser.find("#decide").getText())
                    .contains("Usted presentó esta solicitud")
                    .doesNotContain("Aprobar");
            browser.submit("#withdraw");
            assertThat(browser.find("#notice").getText()).isEqualTo("Retirada: ya nadie puede aprobar esta solicitud.");
            assertThat(browser.find("#request-status").getText()).isEqualTo("Retiradas");
            browser.screenshot("request-withdrawn-es");
        } finally {
            browser.submit("form[action='/language']");
        }

        browser.signIn("bruno");
        browser.open("/requests");
        assertThat(browser.text()).doesNotContain(title);
    }
}
