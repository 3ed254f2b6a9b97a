package org.parley.cases.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import org.parley.cases.content.Limits;
import org.parley.web.Problem;
import org.parley.web.Problems;

/**
 * Refuses a request whose declared body is over {@link Limits#BODY_BYTES} with a 413 problem, before
 * anything reads it. (A chunked body without a length meets quarkus.http.limits.max-body-size instead.)
 */
@ApplicationScoped
public class BodyLimit {

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) throws JsonProcessingException {
        String tooLarge = json.writeValueAsString(
                Problems.payloadTooLarge("The request body is over " + Limits.BODY_BYTES + " bytes."));
        router.route().order(Integer.MIN_VALUE + 100).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && declaredLength(length) > Limits.BODY_BYTES) {
                context.response()
                        .setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(tooLarge);
            } else {
                context.next();
            }
        });
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
