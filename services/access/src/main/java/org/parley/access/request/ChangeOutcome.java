package org.parley.access.request;

import java.net.URI;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;

import org.parley.access.api.RequestView;

/**
 * What a change to a case's secrecy came to: applied at once, or filed as a request that a second secrecy
 * admin decides (the two-person rule). One type for tier, release, grant and team changes, so no caller reads
 * a null to tell which.
 */
public sealed interface ChangeOutcome<T> {

    /** Applied at once; {@code result} is what the change produced. */
    record Applied<T>(T result) implements ChangeOutcome<T> {}

    /** Filed as a request, waiting for a second admin. */
    record Requested<T>(RequestView request) implements ChangeOutcome<T> {}

    static <T> ChangeOutcome<T> applied(T result) {
        return new Applied<>(result);
    }

    static <T> ChangeOutcome<T> requested(RequestView request) {
        return new Requested<>(request);
    }

    /** The HTTP answer: 202 with the request's location, or what {@code whenApplied} makes of the result. */
    default Response respond(Function<T, Response> whenApplied) {
        if (this instanceof Requested<T> requested) {
            return Response.accepted(requested.request())
                    .location(URI.create(
                            "/secrecy-requests/" + requested.request().id()))
                    .build();
        }
        return whenApplied.apply(((Applied<T>) this).result());
    }
}
