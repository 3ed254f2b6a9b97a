package org.parley.console.web;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * Sends a request whose address is not a valid URI (what {@link URI} cannot parse) to the console's "address not
 * valid" page ({@link AddressSyntaxPage}, a 400), before any other route, whatever its method: no page is served for
 * it and no form is taken from it.
 */
@ApplicationScoped
public class AddressSyntax {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (valid(context.request().uri())) {
                context.next();
            } else {
                context.reroute(HttpMethod.GET, AddressSyntaxPage.PATH);
            }
        });
    }

    static boolean valid(String uri) {
        if (uri == null) {
            return false;
        }
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
