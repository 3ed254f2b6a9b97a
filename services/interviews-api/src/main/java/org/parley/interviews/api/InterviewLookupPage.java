package org.parley.interviews.api;

import java.util.List;

/** A page of the custodian's lookup; {@code total} counts every match, {@code nextCursor} is null on the last page. */
public record InterviewLookupPage(List<InterviewMatch> items, long total, String nextCursor) {}
