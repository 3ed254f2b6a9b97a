package org.parley.web;

import java.util.List;

/** The problems every service answers with, so the same situation reads the same everywhere. */
public final class Problems {

    private static final String BASE = "https://parley.example/problems/";

    private Problems() {}

    /**
     * The one answer for "no such resource", used alike for an id that never existed and for one the
     * caller may not know exists: same status, same body, byte for byte.
     */
    public static Problem notFound(String resourceKind) {
        return new Problem(BASE + "not-found", "Not Found", 404, "No " + resourceKind + " with this id.", null);
    }

    public static Problem badRequest(String detail) {
        return new Problem(BASE + "bad-request", "Bad Request", 400, detail, null);
    }

    public static Problem invalid(List<Problem.FieldError> errors) {
        return new Problem(BASE + "invalid-input", "Bad Request", 400, "The request has invalid fields.", errors);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(BASE + "unauthorized", "Unauthorized", 401, detail, null);
    }

    /** For actions on resources the caller may see but not change. Never for one they may not know of. */
    public static Problem forbidden(String detail) {
        return new Problem(BASE + "forbidden", "Forbidden", 403, detail, null);
    }

    public static Problem conflict(String detail) {
        return new Problem(BASE + "conflict", "Conflict", 409, detail, null);
    }

    public static Problem payloadTooLarge(String detail) {
        return new Problem(BASE + "payload-too-large", "Payload Too Large", 413, detail, null);
    }

    public static Problem tooManyRequests(String detail) {
        return new Problem(BASE + "too-many-requests", "Too Many Requests", 429, detail, null);
    }

    public static Problem unavailable(String detail) {
        return new Problem(BASE + "unavailable", "Service Unavailable", 503, detail, null);
    }

    public static Problem internal(String errorId) {
        return new Problem(
                BASE + "internal",
                "Internal Server Error",
                500,
                "Something failed on our side (error " + errorId + ").",
                null);
    }

    public static ProblemException notFoundException(String resourceKind) {
        return new ProblemException(notFound(resourceKind));
    }
}
