package org.parley.cases.api;

import java.time.LocalDate;

/** The body of {@code POST /cases/{id}/process/timeline}. */
public record NewTimelineEntry(LocalDate date, TimelineKind kind, String summary) {}
