package org.parley.access.tier;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.parley.access.ApiEnums;
import org.parley.policy.Tier;
import org.parley.web.VisibleText;

/** The body of {@code POST /cases/{id}/tier} as the service checks it. */
public record TierChange(
        @NotNull Tier tier,
        @NotBlank @VisibleText @Size(max = 2000) String reason) {

    /** Null for a missing body. */
    public static TierChange of(org.parley.access.api.TierChange body) {
        return body == null ? null : new TierChange(ApiEnums.as(Tier.class, body.tier()), body.reason());
    }
}
