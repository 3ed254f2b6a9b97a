package org.parley.interviews.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How an excerpt is attributed: pseudonym and descriptor, or the category only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttributionView(String pseudonym, String descriptor, IntervieweeCategory category) {}
