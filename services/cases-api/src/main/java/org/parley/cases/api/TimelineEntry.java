package org.parley.cases.api;

import java.time.LocalDate;

/** One dated entry of a case's process timeline, part of the PROCESS section. */
public record TimelineEntry(String id, LocalDate date, TimelineKind kind, String summary) {}
