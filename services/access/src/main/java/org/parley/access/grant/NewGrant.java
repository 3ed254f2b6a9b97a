package org.parley.access.grant;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.parley.access.ApiEnums;
import org.parley.policy.GrantScope;
import org.parley.web.VisibleText;

/** The body of {@code POST /cases/{id}/grants} as the service checks it; {@code expiresAt} is optional. */
public record NewGrant(
        @NotBlank @Size(max = 63) String organisation,
        @NotNull GrantScope scope,
        @NotBlank @VisibleText @Size(max = 2000) String reason,
        Instant expiresAt) {

    /** Null for a missing body. */
    public static NewGrant of(org.parley.access.api.NewGrant body) {
        return body == null
                ? null
                : new NewGrant(
                        body.organisation(),
                        ApiEnums.as(GrantScope.class, body.scope()),
                        body.reason(),
                        body.expiresAt());
    }
}
