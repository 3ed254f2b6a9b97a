package org.parley.console.clients;

import java.util.List;

/** An RFC 9457 answer from a service; only the field names of {@code errors} are shown to users. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public record FieldError(String field, String message) {}
}
