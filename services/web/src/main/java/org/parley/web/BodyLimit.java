package org.parley.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body is over quarkus.http.limits.max-body-size with a 413 problem
 * before anything reads it (Vert.x would answer a bare 413), in every service. A chunked body without a
 * length still meets Vert.x's own limit and its plain 413.
 */
@ApplicationScoped
public class BodyLimit {

    private final ObjectMapper json;
    private final MemorySize maxBodySize;

    @Inject
    public BodyLimit(
            ObjectMapper json, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.maxBodySize = maxBodySize;
    }

    void install(@Observes Router router) throws JsonProcessingException {
        long limit = maxBodySize.asLongValue();
        String tooLarge =
                json.writeValueAsString(Problems.payloadTooLarge("The request body is over " + limit + " bytes."));
        router.route().order(Integer.MIN_VALUE + 100).handler(context -> {
            if (declaredLength(context) > limit) {
                refuse(context, tooLarge);
            } else {
                context.next();
            }
        });
    }

    /**
     * The body length a request declares ({@code Content-Length}): 0 without one, more than any limit when it is
     * not a number.
     */
    public static long declaredLength(RoutingContext context) {
        String header = context.request().getHeader("Content-Length");
        if (header == null) {
            return 0;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Ends the request with a 413 problem ({@code problem}: its JSON), closing the connection unread. */
    public static void refuse(RoutingContext context, String problem) {
        context.response()
                .setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(problem);
    }
}
