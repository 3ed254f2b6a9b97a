package org.parley.interviews.api;

import java.util.List;
import java.util.UUID;

/** Every version of one interview, newest first. */
public record InterviewHistory(UUID interviewId, List<InterviewVersion> versions) {}
