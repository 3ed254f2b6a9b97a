package org.parley.access.casepolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.parley.access.casepolicy.PolicyPublisher.Actor;
import org.parley.policy.CasePolicy;
import org.parley.policy.TeamRole;
import org.parley.proto.v1.CaseDeleted;
import org.parley.proto.v1.CasePolicyRecorded;

/** Cases come into existence here when the cases service opens them, and end when it deletes them. */
@ApplicationScoped
public class CaseLifecycle {

    private static final Logger LOG = Logger.getLogger(CaseLifecycle.class);

    private final Clock clock;
    private final PolicyPublisher publisher;
    private final CasePolicies policies;

    @Inject
    public CaseLifecycle(Clock clock, PolicyPublisher publisher, CasePolicies policies) {
        this.clock = clock;
        this.publisher = publisher;
        this.policies = policies;
    }

    /**
     * Records policy version 1 (docs/secrecy-model.md §1: every case is born SECRET, its creator the lead)
     * and publishes it. A case access already knows is left alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(UUID caseId, String owningOrganisation, String leadSubject, Actor actor) {
        CasePolicy born = CasePolicy.newCase(caseId.toString(), owningOrganisation, leadSubject);
        Instant now = clock.instant();
        int inserted = CaseAccess.getEntityManager()
                .createNativeQuery("INSERT INTO case_access (case_id, owning_organisation, tier, results_released,"
                        + " deleted, policy_version, created_at, updated_at) VALUES (?1, ?2, ?3, false, false, ?4,"
                        + " ?5, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, caseId)
                .setParameter(2, owningOrganisation)
                .setParameter(3, born.tier().name())
                .setParameter(4, born.version())
                .setParameter(5, now)
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("case %s is already recorded", caseId);
            return;
        }
        born.team().forEach((subject, role) -> {
            TeamMember member = new TeamMember();
            member.caseId = caseId;
            member.subject = subject;
            member.role = role == null ? TeamRole.LEAD : role;
            member.addedBy = actor.subject();
            member.addedAt = now;
            member.persist();
        });
        CaseAccess row = CaseAccess.findById(caseId);
        publisher.recorded(row, actor, envelope -> envelope.setCasePolicyRecorded(CasePolicyRecorded.newBuilder()));
    }

    /** Marks the case deleted: from now on it is "never existed" everywhere, and consumers learn so. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(UUID caseId, Actor actor) {
        CaseAccess row = policies.lock(caseId);
        if (row == null || row.deleted) {
            return;
        }
        row.deleted = true;
        publisher.changed(row, actor, null, null, envelope -> envelope.setCaseDeleted(CaseDeleted.newBuilder()));
    }
}
