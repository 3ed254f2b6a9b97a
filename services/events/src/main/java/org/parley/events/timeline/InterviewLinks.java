package org.parley.events.timeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.parley.proto.v1.Envelope;

/**
 * Every case each interview is linked to, learnt from the interviews service's events (table
 * {@code interview_link_set}), so a timeline entry about an interview is shown only to readers who may
 * know it on all of them. Events that carry the whole set with the interview's version replace an older
 * set (they may arrive out of order: one interview's events travel on its cases' partitions), so
 * unlinking is learnt too. Older events, without a set, can only add cases: stricter, never looser.
 */
@ApplicationScoped
public class InterviewLinks {

    private final EntityManager entityManager;

    @Inject
    public InterviewLinks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Learns the interview's links from the event, if it is about them, in the consuming transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void learn(Envelope envelope) {
        switch (envelope.getPayloadCase()) {
            case INTERVIEW_RECORDED -> {
                var recorded = envelope.getInterviewRecorded();
                learn(recorded.getInterviewId(), recorded.getLinkedCaseIdsList(), recorded.getInterviewVersion());
            }
            case INTERVIEW_LINKED -> {
                var linked = envelope.getInterviewLinked();
                List<String> cases = linked.getLinkedCaseIdsList();
                if (linked.getInterviewVersion() > 0 && !cases.isEmpty()) {
                    learn(linked.getInterviewId(), cases, linked.getInterviewVersion());
                } else {
                    learn(linked.getInterviewId(), List.of(envelope.getCaseId()), 0);
                }
            }
            case INTERVIEW_UPDATED -> {
                var updated = envelope.getInterviewUpdated();
                if (updated.getInterviewVersion() > 0
                        && !updated.getLinkedCaseIdsList().isEmpty()) {
                    learn(updated.getInterviewId(), updated.getLinkedCaseIdsList(), updated.getInterviewVersion());
                }
            }
            default -> {
                // not about an interview's links
            }
        }
    }

    private void learn(String interviewId, List<String> caseIds, long version) {
        if (interviewId.isEmpty() || caseIds.isEmpty()) {
            return;
        }
        String[] cases = canonical(caseIds);
        if (version > 0) {
            entityManager
                    .createNativeQuery("INSERT INTO interview_link_set (interview_id, case_ids, version)"
                            + " VALUES (?1, ?2, ?3) ON CONFLICT (interview_id) DO UPDATE"
                            + " SET case_ids = EXCLUDED.case_ids, version = EXCLUDED.version"
                            + " WHERE interview_link_set.version < EXCLUDED.version")
                    .setParameter(1, interviewId)
                    .setParameter(2, cases)
                    .setParameter(3, version)
                    .executeUpdate();
        } else {
            entityManager
                    .createNativeQuery("INSERT INTO interview_link_set (interview_id, case_ids, version)"
                            + " VALUES (?1, ?2, 0) ON CONFLICT (interview_id) DO UPDATE"
                            + " SET case_ids = ARRAY(SELECT DISTINCT unnest(interview_link_set.case_ids"
                            + " || EXCLUDED.case_ids))")
                    .setParameter(1, interviewId)
                    .setParameter(2, cases)
                    .executeUpdate();
        }
    }

    /** The linked cases of each interview this service knows; interviews it does not know are absent. */
    @SuppressWarnings("unchecked")
    public Map<String, List<String>> of(Collection<String> interviewIds) {
        Map<String, List<String>> links = new HashMap<>();
        if (interviewIds.isEmpty()) {
            return links;
        }
        for (Object[] row : (List<Object[]>) entityManager
                .createNativeQuery(
                        "SELECT interview_id, case_ids FROM interview_link_set WHERE interview_id = ANY (?1)")
                .setParameter(1, interviewIds.toArray(String[]::new))
                .getResultList()) {
            links.put((String) row[0], strings(row[1]));
        }
        return links;
    }

    private static List<String> strings(Object array) {
        Object[] values;
        try {
            values = array instanceof java.sql.Array sql ? (Object[]) sql.getArray() : (Object[]) array;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("stored link sets are text arrays", e);
        }
        List<String> strings = new ArrayList<>();
        for (Object value : values) {
            strings.add(String.valueOf(value));
        }
        return strings;
    }

    /** Canonical UUID text where the id is one (as the projection names cases); other ids stay as given. */
    private static String[] canonical(List<String> caseIds) {
        Set<String> cases = new LinkedHashSet<>();
        for (String caseId : caseIds) {
            try {
                cases.add(UUID.fromString(caseId).toString());
            } catch (IllegalArgumentException notAnId) {
                cases.add(caseId);
            }
        }
        return new ArrayList<>(cases).toArray(String[]::new);
    }
}
