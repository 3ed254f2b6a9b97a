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
                "/cases/new",
                "/interviews/new",
                "/import",
                "/requests",
                "/todo",
                "/register",
                "/register/" + platform.caseId("el-salvador"),
                "/cases/" + platform.caseId("el-salvador"),
                "/cases/" + randomId())) {
            assertAccessible(path);
        }
        // the custodian's page with its lookup's matches and the reveal form
        browser.signIn("carlos");
        assertAccessible("/identity?find=1&pseudonym=official");
        assertThat(browser.all("#lookup-results tbody tr")).isNotEmpty();
        // a member's case page too: every edit form, with its repeated rows
        browser.signIn("sofia");
        assertAccessible("/cases/" + platform.caseId("el-salvador"));
        assertThat(browser.all("#edit form")).hasSizeGreaterThanOrEqualTo(4);
        // the contrast check is not vacuous: pale grey text on white (2.0:1) is caught
        browser.script("const p = document.createElement('p'); p.textContent = 'pale probe';"
                + " p.style.color = '#aaaaaa'; document.querySelector('main').appendChild(p);");
        assertThat(lowContrastText()).anySatisfy(low -> assertThat(low).contains("pale probe"));
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

    /** Language, landmarks, one h1, every input labelled, unique ids, and readable contrast. */
    private static void assertAccessible(String path) {
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
        assertThat(lowContrastText())
                .as("text below WCAG AA contrast on %s", path)
                .isEmpty();
    }

    /**
     * Every element with its own visible text whose colour, against the background it is drawn on (the
     * nearest ancestors' background colours, blended, over white), is below WCAG 2.1 AA: 4.5:1, or 3:1 for
     * large text. Drawings (SVG) are left out: their labels repeat the table beside them.
     */
    @SuppressWarnings("unchecked")
    private static List<String> lowContrastText() {
        return (List<String>) browser.script("""
                const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
                  const p = m[1].split(',').map(parseFloat); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
                const blend = (top, under) => ({r: top.r * top.a + under.r * (1 - top.a),
                  g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1});
                const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
                const background = el => { const layers = [];
                  for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
                    if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
                  let base = {r: 255, g: 255, b: 255, a: 1};
                  for (let i = layers.length - 1; i >= 0; i--) base = blend(layers[i], base);
                  return base; };
                const low = [];
                for (const el of document.querySelectorAll('body *')) {
                  if (el.closest('svg')) continue;
                  if (!Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())) continue;
                  const s = getComputedStyle(el), box = el.getBoundingClientRect();
                  if (s.visibility === 'hidden' || s.display === 'none' || box.width === 0 || box.height === 0) continue;
                  const under = background(el), fg = blend(parse(s.color), under);
                  const a = lum(fg), b = lum(under), ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                  const size = parseFloat(s.fontSize), large = size >= 24 || (parseInt(s.fontWeight) >= 700 && size >= 18.66);
                  if (ratio < (large ? 3 : 4.5)) low.push(el.tagName.toLowerCase() + '.' + el.className + ' '
                      + JSON.stringify(el.textContent.trim().slice(0, 30)) + ' ' + ratio.toFixed(2));
                }
                return low;""");
    }
}
