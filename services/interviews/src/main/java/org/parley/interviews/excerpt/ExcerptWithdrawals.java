package org.parley.interviews.excerpt;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.parley.interviews.api.Consent;
import org.parley.interviews.api.IntervieweeCategory;
import org.parley.interviews.events.InterviewEvents;
import org.parley.interviews.interview.InterviewRecord;
import org.parley.policy.Viewer;
import org.parley.proto.v1.ExcerptWithdrawal;

/**
 * Keeps what partners see equal to what the leads approved. Partners are shown an approved excerpt's quote
 * with an attribution derived from the interview's consent, pseudonym, descriptor and category at read
 * time; so when any of those, the quote or the linked cases change, the approval no longer covers what
 * partners would see, and the excerpt goes back to proposed (a changed quote's excerpt is dropped) in the
 * transaction of the change: partners see nothing of it from that commit on, until the leads approve
 * again. Each withdrawal of an approved excerpt is an {@code ExcerptWithdrawn} event, so the ledger
 * records when partners stopped seeing it and why (a kind, never what changed to what).
 */
@ApplicationScoped
public class ExcerptWithdrawals {

    private final EntityManager entityManager;
    private final InterviewEvents events;

    @Inject
    public ExcerptWithdrawals(EntityManager entityManager, InterviewEvents events) {
        this.entityManager = entityManager;
        this.events = events;
    }

    /**
     * Everything besides the quote that decides what partners are shown with an approved excerpt: whether
     * they see it at all (consent) and how it is attributed.
     */
    public record SharedAs(Consent consent, String pseudonym, String descriptor, IntervieweeCategory category) {

        public static SharedAs of(InterviewRecord row, String descriptor) {
            return new SharedAs(row.consent(), row.pseudonym, descriptor, row.category);
        }

        /**
         * Why approved excerpts stop being shown when the interview goes from this to {@code after}; empty
         * when nothing partners could be shown changed. Any change counts, even one the current attribution
         * does not display (a pseudonym under CATEGORY attribution): the leads approved the excerpt with
         * this consent, and a later consent could display it.
         */
        public Optional<ExcerptWithdrawal> withdrawalTo(SharedAs after) {
            if (equals(after)) {
                return Optional.empty();
            }
            return Optional.of(
                    InterviewRecord.allowsSharingQuotes(after.consent())
                            ? ExcerptWithdrawal.ATTRIBUTION_CHANGED
                            : ExcerptWithdrawal.CONSENT_WITHDRAWN);
        }

        @Override
        public String toString() {
            return "SharedAs[redacted]";
        }
    }

    /** Puts every approved excerpt of the interview back to proposed, recording each withdrawal. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void backToProposed(Viewer actor, UUID interviewId, String firstCaseId, ExcerptWithdrawal reason) {
        List<Object> withdrawn = entityManager
                .createNativeQuery("UPDATE interview_excerpt SET status = 'PROPOSED', approved_by = NULL,"
                        + " approved_at = NULL WHERE interview_id = ?1 AND status = 'APPROVED'"
                        + " RETURNING quote_number")
                .setParameter(1, interviewId)
                .getResultList();
        List<Integer> numbers = withdrawn.stream()
                .map(number -> ((Number) number).intValue())
                .sorted()
                .toList();
        for (int number : numbers) {
            events.excerptWithdrawn(actor, interviewId, firstCaseId, number, reason);
        }
    }

    /**
     * Drops the excerpts (proposed or approved) of quotes that were reworded or removed: they are no longer
     * what was proposed. An approved one is recorded as withdrawn.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void dropExcerptsOf(Viewer actor, UUID interviewId, String firstCaseId, List<Integer> changedQuotes) {
        for (int number : changedQuotes) {
            List<Object> dropped = entityManager
                    .createNativeQuery("DELETE FROM interview_excerpt WHERE interview_id = ?1 AND quote_number = ?2"
                            + " RETURNING status")
                    .setParameter(1, interviewId)
                    .setParameter(2, number)
                    .getResultList();
            if (dropped.contains(ExcerptService.APPROVED)) {
                events.excerptWithdrawn(actor, interviewId, firstCaseId, number, ExcerptWithdrawal.QUOTE_CHANGED);
            }
        }
    }
}
