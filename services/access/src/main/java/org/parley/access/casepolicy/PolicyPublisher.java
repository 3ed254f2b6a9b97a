package org.parley.access.casepolicy;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.messaging.outbox.Outbox;
import org.parley.projection.PolicyProtos;
import org.parley.proto.v1.CasePolicySnapshot;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.Grant;

/**
 * The one way a case's policy changes: bump the version, record who and why, and append the event with
 * the whole policy after the change to the outbox, all in the caller's transaction. Reasons are stored
 * here and never put in an event.
 */
@ApplicationScoped
public class PolicyPublisher {

    private final Clock clock;
    private final Outbox outbox;

    @Inject
    public PolicyPublisher(Clock clock, Outbox outbox) {
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Who caused a change: a subject and organisation, or nobody (the scheduler, an expiry). */
    public record Actor(String subject, String organisation) {
        public static final Actor SYSTEM = new Actor(null, null);
    }

    /**
     * Bumps the (locked) case's version and publishes {@code payload} with the new snapshot. The caller
     * has already applied the change to the rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Envelope changed(
            CaseAccess lockedRow, Actor actor, String reason, UUID requestId, Consumer<Envelope.Builder> payload) {
        lockedRow.policyVersion += 1;
        lockedRow.updatedAt = clock.instant();
        return publish(lockedRow, actor, reason, requestId, payload);
    }

    /** Publishes version 1 of a case access has just recorded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Envelope recorded(CaseAccess newRow, Actor actor, Consumer<Envelope.Builder> payload) {
        return publish(newRow, actor, null, null, payload);
    }

    /** An event about a case that does not change its policy (a request, a rejection): no version, no snapshot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Envelope notice(UUID caseId, Actor actor, Consumer<Envelope.Builder> payload) {
        Envelope.Builder envelope =
                Envelopes.about(caseId.toString(), actor.subject(), actor.organisation(), clock.instant());
        payload.accept(envelope);
        return outbox.append(Topics.ACCESS, envelope);
    }

    private Envelope publish(
            CaseAccess row, Actor actor, String reason, UUID requestId, Consumer<Envelope.Builder> payload) {
        Envelope.Builder envelope =
                Envelopes.about(row.caseId.toString(), actor.subject(), actor.organisation(), clock.instant());
        payload.accept(envelope);
        CaseAccess.getEntityManager().flush();
        envelope.setPolicyVersion(row.policyVersion).setPolicy(snapshot(row));

        PolicyChange change = new PolicyChange();
        change.caseId = row.caseId;
        change.policyVersion = row.policyVersion;
        change.change = Envelopes.typeOf(envelope);
        change.actorSubject = actor.subject();
        change.reason = reason;
        change.requestId = requestId;
        change.occurredAt = clock.instant();
        change.persist();
        return outbox.append(Topics.ACCESS, envelope);
    }

    /** The whole policy as it now stands: owner, tier, release, deletion, team, and grants not ended. */
    public static CasePolicySnapshot snapshot(CaseAccess row) {
        CasePolicySnapshot.Builder snapshot = CasePolicySnapshot.newBuilder()
                .setOwningOrganisation(row.owningOrganisation)
                .setTier(PolicyProtos.toProto(row.tier))
                .setResultsReleased(row.resultsReleased)
                .setDeleted(row.deleted);
        List<TeamMember> team = TeamMember.list("caseId", row.caseId);
        team.stream()
                .sorted(Comparator.comparing(member -> member.subject))
                .forEach(member -> snapshot.addTeam(org.parley.proto.v1.TeamMember.newBuilder()
                        .setSubject(member.subject)
                        .setRole(PolicyProtos.toProto(member.role))));
        for (CaseGrant grant : CasePolicies.activeGrants(row.caseId)) {
            Grant.Builder proto = Grant.newBuilder()
                    .setGrantId(grant.id.toString())
                    .setOrganisation(grant.organisation)
                    .setScope(PolicyProtos.toProto(grant.scope));
            if (grant.expiresAt != null) {
                proto.setExpiresAt(Envelopes.timestamp(grant.expiresAt));
            }
            snapshot.addGrants(proto);
        }
        return snapshot.build();
    }
}
