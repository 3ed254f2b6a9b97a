package org.parley.interviews.api;

import java.util.List;
import java.util.UUID;

/** One interview's excerpts, as the caller may see them. */
public record Excerpts(UUID interviewId, List<ExcerptView> items) {}
