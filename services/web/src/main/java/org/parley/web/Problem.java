package org.parley.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem detail. {@code detail} and {@code errors} are written for the caller and never
 * carry stored content or whether something the caller may not know about exists.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        @Nullable String detail,
        @Nullable List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input field: where it is ({@code header.country}) and what is wrong with it. */
    public record FieldError(String field, String message) {}
}
