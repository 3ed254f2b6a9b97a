package org.parley.interviews.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The caller's work queue in the interviews service: ids, pseudonyms, quote numbers and times, never content. */
public record InterviewWorkQueue(
        List<ExcerptToApprove> excerptsToApprove, List<SharedExcerpt> newlyShared, List<RecentReveal> recentReveals) {

    /** The custodian's reveals of this many days are listed. */
    public static final int RECENT_REVEAL_DAYS = 30;

    /** At most this many items per list: a queue to read, not an export. */
    public static final int MAX_ITEMS = 100;

    /** How many items wait for a decision or are new: what the console's navigation shows (reveals are not). */
    public int count() {
        return excerptsToApprove.size() + newlyShared.size();
    }

    /** A proposed excerpt the caller, lead of every linked case, may approve. */
    public record ExcerptToApprove(String interviewId, String pseudonym, int quote, Instant proposedAt) {}

    /** An approved excerpt the caller's organisation may read; {@code caseId} is a linked case to read it from. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SharedExcerpt(String interviewId, String caseId, int quote, Instant approvedAt) {}

    /** One of the custodian's own reveals. */
    public record RecentReveal(String interviewId, String pseudonym, Instant revealedAt) {}
}
