package org.parley.cases.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.parley.cases.api.TimelineKind;

/** The body of {@code POST /cases/{id}/process/timeline}; its date is checked by the codebook (a year, month or day). */
public record NewTimelineEntry(
        @NotNull String date,
        @NotNull TimelineKind kind,
        @NotBlank @Size(max = Limits.TEXT) String summary) {}
