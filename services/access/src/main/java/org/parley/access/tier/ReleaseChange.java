package org.parley.access.tier;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /cases/{id}/release}. */
public record ReleaseChange(
        @NotNull Boolean released,
        @NotBlank @Size(max = 2000) String reason) {}
