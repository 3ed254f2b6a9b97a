package org.parley.console.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 20 in the console: the case list's export (its filters, a ceiling) downloads the cases service's watermarked
 * file; a case page's dossier; the import page (dry run report, confirm, the result) for cases and interviews.
 *
 * <p>Two of these need endpoints other branches bring to the cases service: the dossier ({@code GET
 * /cases/{id}/dossier.pdf}) and the cases import ({@code POST /cases/import}); the export and the interviews import
 * need only what this branch has.
 */
class TransferTest extends ConsoleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path downloads;

    @BeforeAll
    static void downloadsGoToAFolderOfTheirOwn() throws IOException {
        downloads = Files.createTempDirectory("parley-downloads-");
        browser.allowDownloads(downloads);
    }

    @Test
    void theCaseListExportsWhatItShowsAsAWatermarkedCsv() throws Exception {
        browser.signIn("sofia");
        browser.open("/cases?country=SV");
        assertThat(browser.find("#export-csv").getText()).isEqualTo("Export CSV");
        assertThat(browser.find("#export-json").getText()).isEqualTo("Export JSON");
        // the list's filter rides along
        assertThat(browser.find("#export-form input[name=country]").getAttribute("value"))
                .isEqualTo("SV");
        browser.select("#export-ceiling", "SECRET");
        browser.screenshot("export-sofia");
        browser.find("#export-csv").click();

        Path file = downloaded(".csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("# Parley export format=csv ceiling=SECRET reader=");
        assertThat(lines.get(0)).contains(" ledger=");
        assertThat(file.getFileName().toString()).startsWith("parley-cases-");
        String csv = String.join("\n", lines);
        assertThat(csv).contains(EL_SALVADOR).doesNotContain(HAITI, ESCOBAR, PANAMA);
    }

    @Test
    void theJsonExportUnderThePublicCeilingCarriesItsWatermark() throws Exception {
        browser.signIn("sofia");
        browser.open("/cases?country=SV");
        String body = (String) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/cases/export?format=json&ceiling=PUBLICLY_KNOWN&country=SV')
                  .then(r => r.text()).then(done, e => done('failed: ' + e));""");
        JsonNode export = JSON.readTree(body);
        assertThat(export.path("meta").path("ceiling").asText()).isEqualTo("PUBLICLY_KNOWN");
        assertThat(export.path("meta").path("ledger").asText()).isNotBlank();
        assertThat(body).contains(EL_SALVADOR).doesNotContain(HAITI);
    }

    /** Needs the dossier endpoint of the cases service (another branch of issue 20). */
    @Test
    void aCasePageOffersItsDossierAsAPdf() throws Exception {
        browser.signIn("sofia");
        String id = platform.caseId("el-salvador");
        browser.open("/cases/" + id);
        assertThat(browser.find("#dossier-pdf").getText()).isEqualTo("Dossier (PDF)");
        assertThat(browser.find("#dossier-form").getAttribute("action")).endsWith("/cases/" + id + "/dossier.pdf");
        browser.select("#dossier-ceiling", "PUBLICLY_KNOWN");
        String answer = (String) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => done(r.status + ' ' + r.headers.get('content-type') + ' '
                    + new TextDecoder('latin1').decode((await r.arrayBuffer()).slice(0, 5))), e => done('failed ' + e));""", "/cases/" + id + "/dossier.pdf?ceiling=PUBLICLY_KNOWN");
        assertThat(answer).startsWith("200 application/pdf").endsWith("%PDF-");
    }

    /** Needs the cases import endpoint of the cases service (another branch of issue 20). */
    @Test
    void staffImportACaseFromAJsonFileAfterADryRunAndFindItInTheList() throws Exception {
        String title = "Imported case " + RUN;
        String reference = "console-e2e-case-" + RUN;
        JsonNode export = platform.api
                .get("sofia", platform.endpoints.cases() + "/cases/export?format=json&ceiling=SECRET&country=PA")
                .body();
        ObjectNode document = export.path("cases").get(0).deepCopy();
        document.remove(List.of("id", "version"));
        ((ObjectNode) document.path("header")).put("title", title);
        document.put("externalReference", reference);
        ArrayNode rows = JSON.createArrayNode().add(document);
        Path file = Files.createTempFile(downloads, "cases-", ".json");
        Files.writeString(file, JSON.writeValueAsString(rows));

        browser.signIn("sofia");
        browser.open("/import");
        assertThat(browser.h1()).isEqualTo("Import");
        browser.select("#i-kind", "cases-json");
        browser.find("#i-file").sendKeys(file.toString());
        browser.submit("#import-form");

        assertThat(browser.find("#import-dry-run").getText())
                .contains(file.getFileName().toString());
        assertThat(browser.all("#import-report tbody tr")).hasSize(1);
        assertThat(browser.find("#import-report tbody tr").getText()).contains("1", reference, "Create");
        // the progress state waits, hidden, for the confirmation
        assertThat(browser.find("#import-progress").isDisplayed()).isFalse();
        assertThat(browser.find("#import-progress").getAttribute("textContent")).contains("Importing 1 row…");
        assertThat(browser.has("#import-progress progress")).isTrue();
        browser.screenshot("import-cases-dry-run");
        browser.submit("#import-confirm");

        assertThat(browser.find("#import-done").getText()).isEqualTo("Imported.");
        String link = browser.find("#import-report tbody tr a").getAttribute("href");
        assertThat(link).matches(".*/cases/[0-9a-f-]{36}");
        browser.open("/cases?q=" + RUN);
        assertThat(browser.find("#case-list").getText()).contains(title);

        // the same file again: nothing to import
        browser.open("/import");
        browser.select("#i-kind", "cases-json");
        browser.find("#i-file").sendKeys(file.toString());
        browser.submit("#import-form");
        assertThat(browser.find("#import-report tbody tr").getText()).contains("Unchanged");
        assertThat(browser.has("#import-confirm")).isFalse();
    }

    @Test
    void staffImportAnInterviewFromAJsonFileAndOpenIt() throws Exception {
        String pseudonym = "Imported official " + RUN;
        String reference = "console-e2e-interview-" + RUN;
        Map<String, Object> interview = Map.ofEntries(
                Map.entry("externalReference", reference),
                Map.entry("pseudonym", pseudonym),
                Map.entry("descriptor", "a former mediator, imported"),
                Map.entry("category", "GOVERNMENT_OFFICIAL"),
                Map.entry("date", "2019-10"),
                Map.entry("country", "SV"),
                Map.entry("mode", "IN_PERSON"),
                Map.entry("language", "es"),
                Map.entry("linkedCases", List.of(platform.caseId("el-salvador"))),
                Map.entry(
                        "consent",
                        Map.of("mayQuote", true, "attribution", "DESCRIPTOR", "mayShareWithPartners", false)),
                Map.entry("identity", Map.of("name", "Imported Witness " + RUN)));
        Path file = Files.createTempFile(downloads, "interviews-", ".json");
        Files.writeString(file, JSON.writeValueAsString(List.of(interview)));

        browser.signIn("sofia");
        browser.open("/import");
        browser.select("#i-kind", "interviews-json");
        browser.find("#i-file").sendKeys(file.toString());
        browser.submit("#import-form");
        assertThat(browser.find("#import-report tbody tr").getText()).contains(reference, "Create");
        browser.submit("#import-confirm");

        assertThat(browser.find("#import-done").getText()).isEqualTo("Imported.");
        String link = browser.find("#import-report tbody tr a").getAttribute("href");
        assertThat(link).matches(".*/interviews/[0-9a-f-]{36}");
        browser.open(link.replaceAll("^https?://[^/]+", ""));
        assertThat(browser.text()).contains(pseudonym).doesNotContain("Imported Witness");
    }

    @Test
    void aFileTheServiceRefusesShowsWhy() throws Exception {
        Path file = Files.createTempFile(downloads, "broken-", ".json");
        Files.writeString(file, "[{\"externalReference\": \"x\", ");

        browser.signIn("sofia");
        browser.open("/import");
        browser.select("#i-kind", "interviews-json");
        browser.find("#i-file").sendKeys(file.toString());
        browser.submit("#import-form");

        assertThat(browser.find("#import-problem").getText()).contains("400").contains("not well-formed JSON");
        assertThat(browser.has("#import-report")).isFalse();
    }

    @Test
    void partnersHaveNoImportPage() {
        browser.signIn("lucia");
        browser.open("/import");
        assertThat(browser.text()).doesNotContain("Check the file");
        assertThat(browser.has("a[href='/import']")).isFalse();
    }

    /** The file a click downloaded, once Chromium has finished writing it. */
    private static Path downloaded(String suffix) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            try (Stream<Path> files = Files.list(downloads)) {
                                return files.filter(
                                                f -> f.getFileName().toString().endsWith(suffix))
                                        .findFirst()
                                        .orElse(null);
                            }
                        },
                        found -> found != null);
    }
}
