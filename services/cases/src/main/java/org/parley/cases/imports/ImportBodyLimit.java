package org.parley.cases.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import org.parley.cases.content.Limits;
import org.parley.web.BodyLimit;
import org.parley.web.Problems;

/**
 * Keeps 1 MB the limit of every body but an import's. The service's {@code quarkus.http.limits.max-body-size} is 5M,
 * the largest file {@code POST /cases/import} takes (parley-web's BodyLimit answers over that); this handler, ahead
 * of it, answers any other request that declares a body over {@link Limits#BODY_BYTES} with the same 413 as before.
 * A chunked body without a length meets only the 5M limit of Vert.x.
 */
@ApplicationScoped
public class ImportBodyLimit {

    private static final String IMPORT_PATH = "/cases/import";

    private final ObjectMapper json;

    @Inject
    public ImportBodyLimit(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) throws JsonProcessingException {
        String tooLarge = json.writeValueAsString(
                Problems.payloadTooLarge("The request body is over " + Limits.BODY_BYTES + " bytes."));
        router.route().order(Integer.MIN_VALUE + 90).handler(context -> {
            boolean anImport = context.request().method() == HttpMethod.POST
                    && IMPORT_PATH.equals(context.request().path());
            if (!anImport && BodyLimit.declaredLength(context) > Limits.BODY_BYTES) {
                BodyLimit.refuse(context, tooLarge);
            } else {
                context.next();
            }
        });
    }
}
