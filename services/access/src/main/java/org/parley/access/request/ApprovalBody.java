package org.parley.access.request;

import jakarta.validation.constraints.Size;

import org.parley.access.api.ReasonBody;
import org.parley.web.VisibleText;

/** The body of an approval or a withdrawal: an optional reason (absent, or visible text). */
public record ApprovalBody(@VisibleText @Size(max = 2000) String reason) {

    /** Null for a missing body. */
    public static ApprovalBody of(ReasonBody body) {
        return body == null ? null : new ApprovalBody(body.reason());
    }
}
