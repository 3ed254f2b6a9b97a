package org.parley.web;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body is over quarkus.http.limits.max-body-size with a 413 problem
 * before anything reads it (Vert.x would answer a bare 413), in every service. A chunked body without a
 * length still meets Vert.x's own limit and its plain 413. A service with a bulk import raises that limit to
 * the import's and keeps every other path at {@link BodyLimitConfig#ordinary()}.
 */
@ApplicationScoped
public class BodyLimit {

    private final ObjectMapper json;
    private final MemorySize maxBodySize;
    private final BodyLimitConfig config;

    @Inject
    public BodyLimit(
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            BodyLimitConfig config) {
        this.json = json;
        this.maxBodySize = maxBodySize;
        this.config = config;
    }

    void install(@Observes Router router) throws JsonProcessingException {
        long bulkLimit = maxBodySize.asLongValue();
        long limit = config.ordinary().map(MemorySize::asLongValue).orElse(bulkLimit);
        Set<String> bulkPaths = Set.copyOf(config.bulkPaths().orElse(List.of()));
        String tooLarge = tooLarge(limit);
        String bulkTooLarge = tooLarge(bulkLimit);
        router.route().order(Integer.MIN_VALUE + 100).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            boolean bulk = bulkPaths.contains(context.normalizedPath());
            if (length != null && declaredLength(length) > (bulk ? bulkLimit : limit)) {
                context.response()
                        .setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(bulk ? bulkTooLarge : tooLarge);
            } else {
                context.next();
            }
        });
    }

    private String tooLarge(long limit) throws JsonProcessingException {
        return json.writeValueAsString(Problems.payloadTooLarge("The request body is over " + limit + " bytes."));
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
