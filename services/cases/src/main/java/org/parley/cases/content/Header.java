package org.parley.cases.content;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.parley.cases.api.CaseStatus;
import org.parley.web.VisibleText;

/**
 * The HEADER section as written by members. Its tier and results release belong to the access service
 * and are shown, never set, here.
 */
public record Header(
        @NotBlank @VisibleText @Size(max = Limits.TITLE) String title,
        @NotNull @IsoCountry String country,
        @VisibleText @Size(max = Limits.TEXT) String region,
        @NotNull @Valid Period period,
        @NotNull CaseStatus status) {}
