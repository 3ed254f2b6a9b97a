package org.parley.interviews.api;

import java.util.List;

/** The approved excerpts of a case's interviews, one entry per interview the caller may read them of. */
public record CaseExcerpts(String caseId, List<Excerpts> interviews) {}
