package org.parley.interviews.workqueue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.parley.gate.CaseGate;
import org.parley.interviews.access.InterviewGate;
import org.parley.interviews.api.InterviewWorkQueue;
import org.parley.interviews.api.InterviewWorkQueue.ExcerptToApprove;
import org.parley.interviews.api.InterviewWorkQueue.RecentReveal;
import org.parley.interviews.api.InterviewWorkQueue.SharedExcerpt;
import org.parley.interviews.interview.InterviewRecord;
import org.parley.policy.CasePolicy;
import org.parley.policy.InterviewAccess;
import org.parley.policy.Role;
import org.parley.policy.Viewer;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * The caller's work queue (see {@link InterviewWorkQueue}). Each list's SQL only narrows the candidates (interviews
 * linked to a case the caller leads, or to one their organisation holds a grant on); every candidate is then decided
 * by the interview rules through {@link InterviewGate}, as reading it would be, so no count includes an excerpt the
 * caller could not open. Nothing is decrypted, so nothing is ledgered.
 */
@ApplicationScoped
public class InterviewWorkQueueService {

    private final EntityManager entityManager;
    private final InterviewGate gate;
    private final CaseGate cases;
    private final Clock clock;

    @Inject
    public InterviewWorkQueueService(EntityManager entityManager, InterviewGate gate, CaseGate cases, Clock clock) {
        this.entityManager = entityManager;
        this.gate = gate;
        this.cases = cases;
        this.clock = clock;
    }

    @Transactional
    public InterviewWorkQueue of(Viewer viewer, String rawSince) {
        Instant since = since(rawSince);
        cases.refuseWhileStale();
        return new InterviewWorkQueue(toApprove(viewer), sharedSince(viewer, since), recentReveals(viewer));
    }

    /** Proposed excerpts on interviews whose every linked case the caller leads, and whose consent allows sharing. */
    @SuppressWarnings("unchecked")
    private List<ExcerptToApprove> toApprove(Viewer viewer) {
        if (viewer.subject() == null) {
            return List.of();
        }
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT e.interview_id, i.pseudonym, e.quote_number, e.proposed_at"
                        + " FROM interview_excerpt e JOIN interview i ON i.id = e.interview_id"
                        + " WHERE e.status = 'PROPOSED' AND EXISTS (SELECT 1 FROM interview_case_link l"
                        + "   JOIN case_team_member m ON m.case_id = l.case_id AND m.subject = ?1 AND m.role = 'LEAD'"
                        + "   WHERE l.interview_id = e.interview_id)"
                        + " ORDER BY e.proposed_at DESC, e.interview_id, e.quote_number LIMIT ?2")
                .setParameter(1, viewer.subject())
                .setParameter(2, InterviewWorkQueue.MAX_ITEMS)
                .getResultList();
        Map<UUID, Boolean> approvable = new HashMap<>();
        List<ExcerptToApprove> items = new ArrayList<>();
        for (Object[] row : rows) {
            UUID interviewId = (UUID) row[0];
            if (approvable.computeIfAbsent(interviewId, id -> mayApprove(viewer, id))) {
                items.add(new ExcerptToApprove(
                        interviewId.toString(), (String) row[1], ((Number) row[2]).intValue(), instant(row[3])));
            }
        }
        return items;
    }

    private boolean mayApprove(Viewer viewer, UUID interviewId) {
        List<CasePolicy> linked = gate.linkedPolicies(interviewId);
        if (linked.isEmpty() || gate.accessTo(viewer, linked) != InterviewAccess.CONTENT) {
            return false;
        }
        return gate.leadsEveryCase(viewer, new InterviewGate.Admitted(interviewId, InterviewAccess.CONTENT, linked))
                && InterviewRecord.<InterviewRecord>findById(interviewId).allowsSharingQuotes();
    }

    /** For partners: approved excerpts their organisation may read now, approved after {@code since}. */
    @SuppressWarnings("unchecked")
    private List<SharedExcerpt> sharedSince(Viewer viewer, Instant since) {
        if (!viewer.has(Role.PARTNER) || viewer.organisation() == null) {
            return List.of();
        }
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT e.interview_id, e.quote_number, e.approved_at FROM interview_excerpt e"
                        + " WHERE e.status = 'APPROVED' AND e.approved_at > ?2 AND EXISTS (SELECT 1"
                        + "   FROM interview_case_link l JOIN case_grant g ON g.case_id = l.case_id"
                        + "   AND g.organisation = ?1 WHERE l.interview_id = e.interview_id)"
                        + " ORDER BY e.approved_at DESC, e.interview_id, e.quote_number LIMIT ?3")
                .setParameter(1, viewer.organisation())
                .setParameter(2, since == null ? Instant.EPOCH : since)
                .setParameter(3, InterviewWorkQueue.MAX_ITEMS)
                .getResultList();
        Map<UUID, List<CasePolicy>> readable = new HashMap<>();
        List<SharedExcerpt> items = new ArrayList<>();
        for (Object[] row : rows) {
            UUID interviewId = (UUID) row[0];
            List<CasePolicy> linked = readable.computeIfAbsent(interviewId, id -> readableExcerpts(viewer, id));
            if (!linked.isEmpty()) {
                items.add(new SharedExcerpt(
                        interviewId.toString(), linked.get(0).caseId(), ((Number) row[1]).intValue(), instant(row[2])));
            }
        }
        return items;
    }

    /** The interview's linked cases when the caller may read its approved excerpts, else none. */
    private List<CasePolicy> readableExcerpts(Viewer viewer, UUID interviewId) {
        List<CasePolicy> linked = gate.linkedPolicies(interviewId);
        if (linked.isEmpty()) {
            return List.of();
        }
        boolean shareable =
                InterviewRecord.<InterviewRecord>findById(interviewId).allowsSharingQuotes();
        return gate.accessTo(viewer, linked).showsExcerpt(true, shareable) ? linked : List.of();
    }

    /** For the identity custodian: their own reveals of the last days, newest first. */
    @SuppressWarnings("unchecked")
    private List<RecentReveal> recentReveals(Viewer viewer) {
        if (!viewer.has(Role.IDENTITY_CUSTODIAN) || viewer.subject() == null) {
            return List.of();
        }
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT r.interview_id, i.pseudonym, r.revealed_at FROM identity_reveal r"
                        + " JOIN interview i ON i.id = r.interview_id"
                        + " WHERE r.custodian_subject = ?1 AND r.revealed_at > ?2"
                        + " ORDER BY r.revealed_at DESC, r.id DESC LIMIT ?3")
                .setParameter(1, viewer.subject())
                .setParameter(2, clock.instant().minus(Duration.ofDays(InterviewWorkQueue.RECENT_REVEAL_DAYS)))
                .setParameter(3, InterviewWorkQueue.MAX_ITEMS)
                .getResultList();
        return rows.stream()
                .map(row -> new RecentReveal(row[0].toString(), (String) row[1], instant(row[2])))
                .toList();
    }

    private static Instant since(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problems.invalid(List.of(
                    new Problem.FieldError("since", "must be an ISO-8601 instant, e.g. 2026-12-01T09:30:00Z"))));
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
