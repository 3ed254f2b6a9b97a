package org.parley.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem: bad input is a 4xx naming the field, never a 500, and
 * no answer carries a stack trace, stored content or the caller's own input values. A body field is named
 * by its JSON path ({@code header.title}), a parameter by its name ({@code limit}).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response =
                Response.status(e.problem().status()).type(Problem.MEDIA_TYPE).entity(e.problem());
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return respond(fieldError(e)
                .map(error -> Problems.invalid(List.of(error)))
                .orElseGet(() -> Problems.badRequest("The body is not well-formed JSON.")));
    }

    /**
     * The field a failure to bind a document names, and why, without its value; empty when the JSON itself is not
     * well-formed. What a 400 for the body says, and what an import says of each document of a file.
     */
    public static Optional<Problem.FieldError> fieldError(JsonProcessingException e) {
        if (e instanceof RefusedTextException refused) {
            return Optional.of(new Problem.FieldError(path(refused), refused.reason()));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Optional.of(new Problem.FieldError(path(unknown), "unknown field"));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // Names the field but not the value: the value may be confidential text the caller sent.
            return Optional.of(new Problem.FieldError(path(mapping), "invalid value"));
        }
        return Optional.empty();
    }

    /**
     * Jackson's binding errors (wrong type, unknown enum constant, unknown field, a failed constructor).
     * Quarkus REST has built-in mappers for these subtypes that answer plain JSON quoting the rejected
     * value (which may be an identity typed into the wrong field); these take precedence and name the
     * field only.
     */
    @ServerExceptionMapper({
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class,
        ValueInstantiationException.class,
        JsonMappingException.class
    })
    public Response binding(JsonMappingException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(violation), violation.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return respond(Problems.invalid(errors));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return respond(Problems.unauthorized("A valid bearer token is required."));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problems.forbidden("Your role does not allow this."));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof ProblemException refused) {
            // A parameter converter's refusal (ParameterConverters), wrapped by the framework in a 404 or 400.
            return problem(refused);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 for a query or path parameter that does not convert; it is bad input.
            return respond(Problems.badRequest("A parameter of the request is malformed."));
        }
        Problem problem = switch (status) {
            case 404 -> Problems.notFound("resource");
            case 413 -> Problems.payloadTooLarge("The request body is too large.");
            default ->
                new Problem(
                        "about:blank",
                        Response.Status.fromStatusCode(status) == null
                                ? "Error"
                                : Response.Status.fromStatusCode(status).getReasonPhrase(),
                        status,
                        null,
                        null);
        };
        return respond(problem);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        // Class names and frames only: exception messages can quote stored values (SQL details, input).
        StringBuilder frames = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            frames.append(" <- ").append(t.getClass().getName());
            StackTraceElement[] trace = t.getStackTrace();
            for (int i = 0; i < Math.min(5, trace.length); i++) {
                frames.append(" at ").append(trace[i]);
            }
        }
        LOG.errorf("unexpected failure, error %s:%s", errorId, frames);
        return respond(Problems.internal(errorId));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** "create.body.header.country" becomes "header.country": the method and argument names mean nothing to callers. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replace(".<list element>", "");
        String[] parts = path.split("\\.");
        int start = Math.min(parts.length - 1, 2);
        return String.join(".", java.util.Arrays.copyOfRange(parts, start, parts.length));
    }
}
