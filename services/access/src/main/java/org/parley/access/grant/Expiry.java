package org.parley.access.grant;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;
import org.parley.access.api.GrantStatus;
import org.parley.access.casepolicy.CaseAccess;
import org.parley.access.casepolicy.CaseGrant;
import org.parley.access.casepolicy.CasePolicies;
import org.parley.access.casepolicy.PolicyChanges;
import org.parley.access.request.SecrecyRequests;

/**
 * Expiry without anyone acting. Every consumer already treats a grant past its expiry as absent at
 * decision time; this marks it expired and publishes GrantExpired with a snapshot that no longer has it.
 * Pending requests past their time are marked expired too.
 */
@ApplicationScoped
public class Expiry {

    private static final Logger LOG = Logger.getLogger(Expiry.class);

    private final Clock clock;
    private final CasePolicies policies;
    private final PolicyChanges changes;
    private final SecrecyRequests requests;

    @Inject
    public Expiry(Clock clock, CasePolicies policies, PolicyChanges changes, SecrecyRequests requests) {
        this.clock = clock;
        this.policies = policies;
        this.changes = changes;
        this.requests = requests;
    }

    @Scheduled(
            identity = "access-expiry",
            every = "${parley.access.expiry-check-interval:1s}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expire() {
        List<UUID> due = QuarkusTransaction.requiringNew()
                .call(() -> CaseGrant.<CaseGrant>find(
                                "status = ?1 AND expiresAt <= ?2 ORDER BY expiresAt",
                                GrantStatus.ACTIVE,
                                clock.instant())
                        .page(0, 100)
                        .list()
                        .stream()
                        .map(grant -> grant.id)
                        .toList());
        for (UUID grantId : due) {
            try {
                QuarkusTransaction.requiringNew().run(() -> expireOne(grantId));
            } catch (RuntimeException e) {
                LOG.warnf(
                        "could not mark grant %s expired (%s); will retry",
                        grantId, e.getClass().getSimpleName());
            }
        }
        int expiredRequests = requests.expirePending();
        if (expiredRequests > 0) {
            LOG.infof("%d secrecy change request(s) expired", expiredRequests);
        }
    }

    private void expireOne(UUID grantId) {
        CaseGrant unlocked = CaseGrant.findById(grantId);
        if (unlocked == null) {
            return;
        }
        CaseAccess row = policies.lock(unlocked.caseId);
        CaseGrant grant = CaseGrant.findById(grantId);
        if (row == null
                || grant.status != GrantStatus.ACTIVE
                || grant.expiresAt == null
                || grant.expiresAt.isAfter(clock.instant())) {
            return;
        }
        changes.expireGrant(row, grant);
    }
}
