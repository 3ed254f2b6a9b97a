package org.parley.cases.content;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.parley.cases.api.TimelineKind;
import org.parley.web.PlausibleDate;

/** The body of {@code POST /cases/{id}/process/timeline}. */
public record NewTimelineEntry(
        @NotNull @PlausibleDate LocalDate date,
        @NotNull TimelineKind kind,
        @NotBlank @Size(max = Limits.TEXT) String summary) {}
