package org.parley.web;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request whose URI is not valid (what {@link URI} cannot parse: a malformed percent escape, a raw
 * {@code |} or brace) with a 400 problem, before any other route, in every service. Quarkus makes the same check
 * and answers a bare 400; {@link ServiceMain} turns its check off so that this one answers instead. The answer names
 * nothing of the request: the URI may hold anything.
 */
@ApplicationScoped
public class UriSyntax {

    private final ObjectMapper json;

    @Inject
    public UriSyntax(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) throws JsonProcessingException {
        installOn(router);
    }

    /** The management interface (health, metrics) gets the same: Quarkus's check is off for the whole JVM. */
    void installOnManagement(@Observes ManagementInterface management) throws JsonProcessingException {
        installOn(management.router());
    }

    private void installOn(Router router) throws JsonProcessingException {
        String refusal = json.writeValueAsString(
                Problems.badRequest("The request's address is not a valid URI: percent-encode every character"
                        + " that is not allowed in it, and '%' itself as %25."));
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (valid(context.request().uri())) {
                context.next();
            } else {
                refuse(context, refusal);
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

    private static void refuse(RoutingContext context, String refusal) {
        context.response()
                .setStatusCode(400)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(refusal);
    }
}
