package org.parley.access.tier;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.parley.web.VisibleText;

/** The body of {@code POST /cases/{id}/release} as the service checks it. */
public record ReleaseChange(
        @NotNull Boolean released,
        @NotBlank @VisibleText @Size(max = 2000) String reason) {

    /** Null for a missing body. */
    public static ReleaseChange of(org.parley.access.api.ReleaseChange body) {
        return body == null ? null : new ReleaseChange(body.released(), body.reason());
    }
}
