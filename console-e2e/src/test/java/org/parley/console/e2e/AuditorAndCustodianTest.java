package org.parley.console.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** irene reads the ledger and its verification; carlos reveals an identity with a reason. */
class AuditorAndCustodianTest extends ConsoleTest {

    @Test
    void theAuditorFiltersTheLedgerAndSeesTheChainVerify() {
        browser.signIn("irene");
        List<String> nav =
                browser.all("nav.main-nav a").stream().map(a -> a.getText()).toList();
        assertThat(nav).containsExactly("Audit ledger", "Public register");
        browser.open("/ledger");
        assertThat(browser.find("#verification").getText()).contains("The ledger chain verifies.");
        assertThat(browser.all("#ledger tbody tr")).isNotEmpty();
        browser.screenshot("ledger");

        browser.type("#l-type", "TierChanged");
        browser.submit("form.filters");
        List<String> types = browser.all("#ledger tbody tr td:nth-child(2)").stream()
                .map(cell -> cell.getText())
                .toList();
        assertThat(types).isNotEmpty().allMatch("TierChanged"::equals);
        // ids, types, times and hashes only: no case text
        assertNames(browser.source(), List.of(), List.of(EL_SALVADOR, MEXICO, HAITI));

        browser.open("/cases/" + platform.caseId("mexico")); // an auditor reads no case
        assertThat(browser.h1()).isEqualTo("Not found");
    }

    @Test
    void theCustodianRevealsAnIdentityWithAReasonAndNobodyElseCan() throws Exception {
        String interview = platform.interviewId("haiti", "NGO representative in Haiti");
        browser.signIn("carlos");
        browser.open("/identity");
        browser.type("#v-interview", interview);
        browser.type("#v-reason", "Court order 2026-117");
        browser.submit("#reveal-form");
        assertThat(browser.find("#revealed-name").getText()).isEqualTo("Sample Person Hotel (fictional)");
        assertThat(browser.url()).doesNotContain("Hotel");
        // the reveal log this read just joined: when, by whom, and the reason, opened from its sealed copy
        assertThat(browser.find("#reveal-log").getText()).contains("Court order 2026-117", "You");
        assertThat(browser.find("#reveal-log").getText()).doesNotContain("Sample Person");
        browser.screenshot("identity");

        browser.signIn("sofia");
        browser.open("/identity");
        assertThat(browser.h1()).isEqualTo("Not allowed");
    }
}
