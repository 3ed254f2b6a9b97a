package org.parley.interviews.api;

import java.util.List;

/** A page of search hits; {@code total} counts every hit of the search, {@code nextCursor} is null on the last page. */
public record InterviewPage(List<InterviewSummary> items, long total, String nextCursor) {}
