package org.parley.access.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.parley.access.api.ReasonBody;
import org.parley.web.VisibleText;

/** The body of a rejection: a reason is required. */
public record RejectionBody(
        @NotBlank @VisibleText @Size(max = 2000) String reason) {

    /** Null for a missing body. */
    public static RejectionBody of(ReasonBody body) {
        return body == null ? null : new RejectionBody(body.reason());
    }
}
