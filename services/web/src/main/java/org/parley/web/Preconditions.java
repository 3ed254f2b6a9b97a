package org.parley.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Conditional changes: an update names the version it was made from in {@code If-Match}, so an edit made
 * from an old read fails (412) instead of silently overwriting a concurrent one. Where an update requires
 * the header, its absence is a 428. Services check both only after they decided the caller may know the
 * resource exists (and may change it): a missing header must never turn a "never existed" 404 into a tell.
 */
public final class Preconditions {

    public static final String IF_MATCH = "If-Match";

    /** What {@link #ifMatch} answers for a header that names no version: it matches nothing, so a 412. */
    public static final long NO_VERSION = -1;

    private static final String BASE = "https://parley.example/problems/";

    private Preconditions() {}

    /**
     * The version an If-Match names ({@code "7"}, {@code W/"7"}, {@code 7}); null when the header is absent,
     * blank or {@code *}; {@link #NO_VERSION} for anything else (a list, a word, zero).
     */
    public static @Nullable Long ifMatch(@Nullable String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            return version > 0 ? version : NO_VERSION;
        } catch (NumberFormatException e) {
            return NO_VERSION;
        }
    }

    /**
     * The version an update was made from; ends the request with 428 when it names none. {@code *} is
     * refused too: "whatever is there now" is exactly the overwrite the header exists to prevent.
     */
    public static long required(Long ifMatch) {
        if (ifMatch == null) {
            throw new ProblemException(preconditionRequired());
        }
        return ifMatch;
    }

    /** 428: the update came without If-Match. Names the header, nothing about the resource. */
    public static Problem preconditionRequired() {
        return new Problem(
                BASE + "precondition-required",
                "Precondition Required",
                428,
                "This change needs the If-Match header with the version you read (its ETag, e.g. \"3\"),"
                        + " so that it cannot overwrite a change made meanwhile.",
                List.of(new Problem.FieldError(IF_MATCH, "required: the ETag of the version you read")));
    }

    /** 412: the resource moved on since the version in If-Match. */
    public static ProblemException preconditionFailed(String resourceKind) {
        return new ProblemException(new Problem(
                BASE + "precondition-failed",
                "Precondition Failed",
                412,
                "The " + resourceKind + " has changed since the version in If-Match; read it again.",
                null));
    }
}
