package org.parley.access.tier;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.parley.policy.Tier;
import org.parley.web.VisibleText;

/** The body of {@code POST /cases/{id}/tier}. */
public record TierChange(
        @NotNull Tier tier,
        @NotBlank @VisibleText @Size(max = 2000) String reason) {}
