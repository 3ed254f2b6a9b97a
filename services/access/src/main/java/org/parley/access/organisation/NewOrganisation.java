package org.parley.access.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.parley.access.api.OrganisationKind;
import org.parley.web.VisibleText;

/** The body of {@code POST /organisations}. */
public record NewOrganisation(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "lower-case letters, digits and dashes")
        String id,

        @NotBlank @VisibleText @Size(max = 200) String name,
        @NotNull OrganisationKind kind) {}
