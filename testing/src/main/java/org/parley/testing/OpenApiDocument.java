package org.parley.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A service's OpenAPI document ({@code /q/openapi?format=json}), read for what its contract must keep saying:
 * the summaries of the operations and their refusals as RFC 9457 problems. The descriptions sit on the API
 * interfaces; an annotation left on an implementing class is silently dropped from the document, which these
 * checks catch.
 */
public final class OpenApiDocument {

    /** Where a problem response's schema points. */
    public static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public static OpenApiDocument parse(String json) {
        try {
            return new OpenApiDocument(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new AssertionError("the OpenAPI document is not JSON", e);
        }
    }

    /**
     * The operation ({@code method} in lower case, as in the document) has this summary, and documents the
     * {@code status} response as a problem: every content of it has the {@code Problem} component as its schema.
     */
    public OpenApiDocument documents(String method, String path, String summary, String status) {
        String operation = method + " " + path;
        JsonNode found = root.path("paths").path(path).path(method);
        check(found.isObject(), operation + " is not in the document");
        String actual = found.path("summary").asText(null);
        check(summary.equals(actual), operation + ": summary " + actual + ", expected " + summary);
        JsonNode content = found.path("responses").path(status).path("content");
        List<String> schemas = new ArrayList<>();
        content.forEach(media -> schemas.add(media.path("schema").path("$ref").asText(null)));
        check(
                !schemas.isEmpty() && schemas.stream().allMatch(PROBLEM_REF::equals),
                operation + ": the " + status + " response's schemas are " + schemas + ", expected " + PROBLEM_REF);
        return this;
    }

    /** The {@code Problem} component is defined, with its {@code status}. */
    public OpenApiDocument definesProblem() {
        JsonNode problem = root.path("components").path("schemas").path("Problem");
        check(problem.isObject(), "components.schemas.Problem is not defined");
        check(
                problem.path("properties").has("status"),
                "components.schemas.Problem has no status: " + Objects.toString(problem.path("properties")));
        return this;
    }

    private static void check(boolean holds, String otherwise) {
        if (!holds) {
            throw new AssertionError(otherwise);
        }
    }
}
