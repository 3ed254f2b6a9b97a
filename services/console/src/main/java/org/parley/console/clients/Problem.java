package org.parley.console.clients;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.ClientWebApplicationException;

/**
 * An RFC 9457 answer from a service. Its title and detail are written by the service for the caller, so
 * the pages show them; of {@code errors} only the field names are shown, never a message or a value.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public record FieldError(String field, String message) {}

    /** What a service answered when it refused or failed: its problem, else its status alone. */
    public static Problem of(ClientWebApplicationException e) {
        Response response = e.getResponse();
        if (response == null) {
            return new Problem(null, null, 502, null, null);
        }
        try {
            Problem problem = response.readEntity(Problem.class);
            if (problem != null) {
                return new Problem(
                        problem.type(), problem.title(), response.getStatus(), problem.detail(), problem.errors());
            }
        } catch (RuntimeException notAProblem) {
            // a proxy's page or an empty body: the status still says what happened
        }
        return new Problem(null, response.getStatusInfo().getReasonPhrase(), response.getStatus(), null, null);
    }

    /** The names of the fields the service refused, each once; {@code whenNone} alone if it named none. */
    public List<String> fieldNames(String whenNone) {
        List<String> named = fieldNames();
        return named.isEmpty() ? List.of(whenNone) : named;
    }

    /** The names of the fields the service refused, each once; none if it named none. */
    public List<String> fieldNames() {
        return errors == null
                ? List.of()
                : errors.stream().map(FieldError::field).distinct().toList();
    }
}
