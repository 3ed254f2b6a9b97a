package org.parley.cases.api;

/**
 * The body of {@code POST /cases/{id}/process/timeline}.
 *
 * @param date at the precision its source gives: "2012", "2012-03" or "2012-03-14"
 */
public record NewTimelineEntry(String date, TimelineKind kind, String summary) {}
