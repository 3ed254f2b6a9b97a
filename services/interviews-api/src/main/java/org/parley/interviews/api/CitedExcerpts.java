package org.parley.interviews.api;

import java.util.List;

/** Excerpts written {@code <interview id>/<quote number>}: the ones asked about, or the ones the caller may see. */
public record CitedExcerpts(List<String> excerpts) {}
