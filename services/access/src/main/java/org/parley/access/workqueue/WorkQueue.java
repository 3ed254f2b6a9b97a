package org.parley.access.workqueue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.parley.access.api.WorkQueueView;
import org.parley.access.grant.Grants;
import org.parley.access.request.SecrecyRequests;
import org.parley.policy.Viewer;

/**
 * The caller's work queue, composed from the features that own each item (requests, grants), and the record of
 * their last visit (table {@code work_queue_visit}, one row per user), which decides what is "new" to a partner.
 */
@ApplicationScoped
public class WorkQueue {

    static final Duration EXPIRING_WITHIN = Duration.ofDays(WorkQueueView.EXPIRING_WITHIN_DAYS);

    private final SecrecyRequests requests;
    private final Grants grants;
    private final EntityManager entityManager;
    private final Clock clock;

    @Inject
    public WorkQueue(SecrecyRequests requests, Grants grants, EntityManager entityManager, Clock clock) {
        this.requests = requests;
        this.grants = grants;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public WorkQueueView of(Viewer viewer) {
        Instant lastVisit = lastVisit(viewer.subject());
        return new WorkQueueView(
                lastVisit,
                requests.waitingFor(viewer),
                grants.expiringOnOwnCases(viewer, EXPIRING_WITHIN),
                grants.sharedWith(viewer, lastVisit));
    }

    @Transactional
    public WorkQueueView.Visit visit(Viewer viewer) {
        // PostgreSQL keeps microseconds: the visit answered is exactly the one the next queue reports
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entityManager
                .createNativeQuery("INSERT INTO work_queue_visit (subject, visited_at) VALUES (?1, ?2)"
                        + " ON CONFLICT (subject) DO UPDATE SET visited_at = GREATEST(work_queue_visit.visited_at,"
                        + " EXCLUDED.visited_at)")
                .setParameter(1, viewer.subject())
                .setParameter(2, now)
                .executeUpdate();
        return new WorkQueueView.Visit(now);
    }

    @SuppressWarnings("unchecked")
    private Instant lastVisit(String subject) {
        List<Object> found = entityManager
                .createNativeQuery("SELECT visited_at FROM work_queue_visit WHERE subject = ?1")
                .setParameter(1, subject)
                .getResultList();
        return found.isEmpty() ? null : toInstant(found.get(0));
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
