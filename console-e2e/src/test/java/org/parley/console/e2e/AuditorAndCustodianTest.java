package org.parley.console.e2e;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** irene reads the ledger and its verification; carlos reveals an identity with a reason. */
class AuditorAndCustodianTest extends ConsoleTest {

    @Test
    void theAuditorFiltersTheLedgerNewestFirstAndSeesTheChainVerify() {
        browser.signIn("irene");
        List<String> nav =
                browser.all("nav.main-nav a").stream().map(a -> a.getText()).toList();
        assertThat(nav).containsExactly("Audit ledger", "Public register");
        browser.open("/ledger");
        assertThat(browser.find("#verification").getText()).contains("The ledger chain verifies.");
        List<Long> sequences = browser.all("#ledger tbody tr td:nth-child(1)").stream()
                .map(cell -> Long.parseLong(cell.getText()))
                .toList();
        assertThat(sequences).hasSizeGreaterThan(1).isSortedAccordingTo(Comparator.reverseOrder());
        browser.screenshot("ledger");

        // The type is a choice of translated names; the choice stays chosen.
        browser.select("#l-type", "TierChanged");
        browser.submit("form.filters");
        List<String> types = browser.all("#ledger tbody tr td:nth-child(2)").stream()
                .map(cell -> cell.getText())
                .toList();
        assertThat(types).isNotEmpty().allMatch("Tier changed"::equals);
        assertThat(browser.find("#l-type").getAttribute("value")).isEqualTo("TierChanged");
        // ifit's own actors by username (the seeds' tier changes are ana's and bruno's), and the filter takes one
        assertThat(browser.all("#ledger .actor-name").stream().map(cell -> cell.getText()))
                .isNotEmpty()
                .allMatch(name -> name.equals("ana") || name.equals("bruno"));
        String someone = browser.find("#ledger .actor-name").getText();
        browser.open("/ledger?type=TierChanged&actor=" + someone);
        assertThat(browser.all("#ledger .actor-name").stream().map(cell -> cell.getText()))
                .isNotEmpty()
                .allMatch(someone::equals);
        assertThat(browser.find("#l-actor").getAttribute("value")).isEqualTo(someone);
        // ids, types, times and hashes only: no case text
        assertNames(browser.source(), List.of(), List.of(EL_SALVADOR, MEXICO, HAITI));

        // One entry: its hashes and the checkpoint that covers it (or that none does yet).
        String first = browser.find("#ledger tbody tr td:nth-child(1) a").getText();
        browser.open("/ledger/" + first);
        assertThat(browser.h1()).isEqualTo("Ledger entry " + first);
        assertThat(browser.find("#entry-hash").getText()).hasSize(64);
        assertThat(browser.find("#entry-prev-hash").getText()).hasSize(64);
        assertThat(browser.has("#checkpoint") || browser.has("#checkpoint-none"))
                .isTrue();
        assertThat(browser.find("#public-key").getText()).isNotBlank();

        // A bad filter is named, and what was typed stays.
        browser.open("/ledger?case=not-a-case&actor=someone&from=2026-01-01");
        assertThat(browser.find("#invalid-filters").getText()).contains("Case id");
        assertThat(browser.find("#l-case").getAttribute("value")).isEqualTo("not-a-case");
        assertThat(browser.find("#l-actor").getAttribute("value")).isEqualTo("someone");
        assertThat(browser.find("#l-from").getAttribute("value")).isEqualTo("2026-01-01");

        // The export of the dates chosen, through the console, as JSON Lines from a header to an end line.
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        browser.open("/ledger?from=2026-01-01&to=" + today);
        String href = browser.find("#ledger-export").getAttribute("href");
        assertThat(href).endsWith("/ledger/export?from=2026-01-01&to=" + today);
        String export = (String) browser.script("return fetch(arguments[0]).then(r => r.text())", href);
        List<String> lines = export.lines().toList();
        assertThat(lines.get(0)).contains("\"kind\":\"header\"");
        assertThat(lines.get(lines.size() - 1)).contains("\"kind\":\"end\"");
        assertThat(export).contains("\"kind\":\"checkpoint\"");

        browser.open("/cases/" + platform.caseId("mexico")); // an auditor reads no case
        assertThat(browser.h1()).isEqualTo("Not found");
    }

    @Test
    void theAuditorsLedgerInSpanish() {
        browser.signIn("irene");
        browser.open("/ledger");
        browser.submit("form[action='/language']");
        try {
            assertThat(browser.h1()).isEqualTo("Registro de auditoría");
            assertThat(browser.find("#l-type option[value='TierChanged']").getText())
                    .isEqualTo("Nivel cambiado");
            browser.select("#l-type", "CaseOpened");
            browser.submit("form.filters");
            assertThat(browser.all("#ledger tbody tr td:nth-child(2)"))
                    .isNotEmpty()
                    .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("Caso abierto"));
            assertThat(browser.find("#ledger-export").getText()).contains("Descargar");
            String first = browser.find("#ledger tbody tr td:nth-child(1) a").getText();
            browser.open("/ledger/" + first);
            assertThat(browser.h1()).isEqualTo("Entrada " + first + " del registro");
            assertThat(browser.source()).contains("Hash anterior", "Punto de control");
            browser.open("/ledger?to=mañana");
            assertThat(browser.find("#invalid-filters").getText()).contains("Estos filtros no son válidos", "Hasta");
            browser.screenshot("ledger-es");
        } finally {
            browser.submit("form[action='/language']");
        }
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
