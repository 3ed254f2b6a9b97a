package org.parley.access.tier;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.parley.web.VisibleText;

/** The body of {@code POST /cases/{id}/release}. */
public record ReleaseChange(
        @NotNull Boolean released,
        @NotBlank @VisibleText @Size(max = 2000) String reason) {}
