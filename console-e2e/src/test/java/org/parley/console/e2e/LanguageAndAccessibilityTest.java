package org.parley.console.e2e;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import static org.assertj.core.api.Assertions.assertThat;

/** English and Spanish; labels, landmarks, a skip link and keyboard reach; CSRF on every change. */
class LanguageAndAccessibilityTest extends ConsoleTest {

    @Test
    void theBrowsersLanguageChoosesAndTheSwitchOverrides() throws Exception {
        HttpResponse<String> spanish = anonymousGet("/register", "es-MX,es;q=0.9,en;q=0.5");
        assertThat(spanish.body()).contains("<html lang=\"es\"", "Registro público", "Iniciar sesión");
        HttpResponse<String> english = anonymousGet("/register", "fr-FR,en;q=0.5");
        assertThat(english.body()).contains("<html lang=\"en\"", "Public register");

        browser.signIn("sofia");
        browser.open("/cases/" + platform.caseId("el-salvador"));
        browser.submit("form[action='/language']");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("es");
        assertThat(browser.url()).endsWith("/cases/" + platform.caseId("el-salvador"));
        assertThat(browser.text()).contains("Contexto", "Proceso", "Resultados", "Efectos medidos", "Fracasado");
        browser.screenshot("case-sofia-es");
        browser.open("/cases");
        assertThat(browser.h1()).isEqualTo("Casos");
        browser.submit("form[action='/language']");
        assertThat(browser.h1()).isEqualTo("Cases");
    }

    @Test
    void everyPageHasLandmarksLabelsAndASkipLink() {
        browser.signIn("ana");
        for (String path : List.of(
                "/",
                "/cases",
                "/cases/" + platform.caseId("escobar"),
                "/interviews/new",
                "/requests",
                "/register",
                "/cases/" + randomId())) {
            browser.open(path);
            assertThat(browser.find("html").getAttribute("lang")).as(path).isIn("en", "es");
            assertThat(browser.all("main#main")).as(path).hasSize(1);
            assertThat(browser.all("h1")).as(path).hasSize(1);
            assertThat(browser.all("header.site nav[aria-label]")).as(path).hasSize(1);
            @SuppressWarnings("unchecked")
            List<String> unlabelled = (List<String>) browser.script(
                    "return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))"
                            + ".filter(e => e.labels.length === 0 && !e.getAttribute('aria-label'))"
                            + ".map(e => e.id || e.name);");
            assertThat(unlabelled).as("inputs without a label on %s", path).isEmpty();
            @SuppressWarnings("unchecked")
            List<String> duplicateIds = (List<String>)
                    browser.script("const ids = Array.from(document.querySelectorAll('[id]')).map(e => e.id);"
                            + "return ids.filter((id, i) => ids.indexOf(id) !== i);");
            assertThat(duplicateIds).as("duplicate ids on %s", path).isEmpty();
        }
        // the first Tab reaches the skip link, which leads to the content
        browser.open("/cases");
        browser.find("body").sendKeys(Keys.TAB);
        assertThat(browser.script("return document.activeElement.className")).isEqualTo("skip");
        assertThat(browser.script("return document.activeElement.getAttribute('href')"))
                .isEqualTo("#main");
    }

    @Test
    void aChangeWithoutTheFormsTokenIsRefused() throws Exception {
        String id = platform.newCase("Console CSRF case " + RUN);
        browser.signIn("sofia");
        browser.open("/cases/" + id);
        Object status = browser.script(
                "const body = new URLSearchParams({version: '1', title: 'Forged', country: 'CO', status: 'ACTIVE',"
                        + " start: '2025-01-01'});"
                        + "return fetch('/cases/" + id + "/header', {method: 'POST', body: body, redirect: 'manual'})"
                        + ".then(r => r.status);");
        assertThat(((Number) status).intValue()).isEqualTo(400);
        String title = platform.api
                .get("sofia", platform.endpoints.cases() + "/cases/" + id)
                .body()
                .path("header")
                .path("title")
                .asText();
        assertThat(title).isEqualTo("Console CSRF case " + RUN);
    }
}
