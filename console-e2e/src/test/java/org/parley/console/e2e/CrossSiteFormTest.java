package org.parley.console.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change sent by another origin's page is refused even with a valid CSRF pair. The pair is signed but not bound
 * to the session, so someone able to plant the console's CSRF cookie (from a host of the same site, where the
 * SameSite=Lax session cookie is still sent) could otherwise post with a pair they fetched; the browser's
 * {@code Sec-Fetch-Site} tells the console where the post came from. Here the other origin is the console's host
 * on another port: same site, another origin, and the browser holds a pair the page knows.
 */
class CrossSiteFormTest extends ConsoleTest {

    private HttpServer elsewhere;

    @AfterEach
    void stopElsewhere() {
        if (elsewhere != null) {
            elsewhere.stop(0);
        }
    }

    @Test
    void aFormPostedFromAnotherOriginChangesNothingAndTheConsolesOwnFormStillWorks() throws IOException {
        browser.signIn("sofia");
        browser.open("/");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        String token =
                browser.find("form[action='/language'] input[name=csrf-token]").getAttribute("value");

        URI page = serveElsewhere("<!doctype html><title>elsewhere</title>"
                + "<form id=\"attack\" method=\"post\" action=\"" + browser.origin() + "/language\">"
                + "<input type=\"hidden\" name=\"csrf-token\" value=\"" + token + "\">"
                + "<button id=\"go\" type=\"submit\" name=\"lang\" value=\"es\">go</button></form>");
        browser.openElsewhere(page);
        browser.find("#go").click();
        assertThat(browser.h1()).isEqualTo("Not allowed");
        browser.open("/");
        assertThat(browser.find("html").getAttribute("lang"))
                .as("the language was not changed")
                .isEqualTo("en");

        // the console's own form, with the same kind of pair, is accepted
        browser.submit("form[action='/language']");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("es");
        browser.submit("form[action='/language']");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
    }

    /** Serves one page from the console's host on another port: another origin of the same site. */
    private URI serveElsewhere(String html) throws IOException {
        String host = browser.origin().getHost();
        elsewhere = HttpServer.create(new InetSocketAddress(host, 0), 0);
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        elsewhere.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        elsewhere.start();
        return URI.create("http://" + host + ":" + elsewhere.getAddress().getPort() + "/");
    }
}
