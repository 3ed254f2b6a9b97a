package org.parley.cases.api;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One dated entry of a case's process timeline, part of the PROCESS section.
 *
 * @param date the day it orders by: the first day of what was written
 * @param dateWritten the date as written when it was a year or a month ("2012", "2012-03"); absent for a day
 */
public record TimelineEntry(
        String id,
        LocalDate date,
        TimelineKind kind,
        String summary,
        @JsonInclude(JsonInclude.Include.NON_NULL) String dateWritten) {

    /** An entry dated to the day. */
    public TimelineEntry(String id, LocalDate date, TimelineKind kind, String summary) {
        this(id, date, kind, summary, null);
    }
}
