package org.parley.access.casepolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.parley.access.api.GrantStatus;
import org.parley.access.casepolicy.PolicyPublisher.Actor;
import org.parley.messaging.Envelopes;
import org.parley.policy.GrantScope;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.projection.PolicyProtos;
import org.parley.proto.v1.GrantExpired;
import org.parley.proto.v1.GrantIssued;
import org.parley.proto.v1.GrantRevoked;
import org.parley.proto.v1.ResultsReleaseChanged;
import org.parley.proto.v1.TeamMemberAdded;
import org.parley.proto.v1.TeamMemberRemoved;
import org.parley.proto.v1.TierChanged;

/**
 * The changes a case's policy can undergo, applied to a case row the caller has locked and already
 * decided may change (who may ask is the business of the endpoints and the two-person rule). Each one
 * bumps the version and publishes exactly one event with the new snapshot.
 */
@ApplicationScoped
public class PolicyChanges {

    private final Clock clock;
    private final PolicyPublisher publisher;

    @Inject
    public PolicyChanges(Clock clock, PolicyPublisher publisher) {
        this.clock = clock;
        this.publisher = publisher;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void setTier(CaseAccess row, Tier target, Actor actor, String reason, UUID requestId) {
        Tier from = row.tier;
        row.tier = target;
        publisher.changed(
                row,
                actor,
                reason,
                requestId,
                envelope -> envelope.setTierChanged(TierChanged.newBuilder()
                        .setFrom(PolicyProtos.toProto(from))
                        .setTo(PolicyProtos.toProto(target))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void setReleased(CaseAccess row, boolean released, Actor actor, String reason, UUID requestId) {
        row.resultsReleased = released;
        publisher.changed(
                row,
                actor,
                reason,
                requestId,
                envelope -> envelope.setResultsReleaseChanged(
                        ResultsReleaseChanged.newBuilder().setReleased(released)));
    }

    /**
     * Issues a grant; {@code approvedBy} is the second admin for scopes that need one. {@code replaces} is the
     * organisation's narrower grant on the case ({@link GrantTargets#replaced}), ended as REPLACED in the same
     * policy version and named in the {@code GrantIssued} event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseGrant issueGrant(
            CaseAccess row,
            String organisation,
            GrantScope scope,
            Instant expiresAt,
            String issuedBy,
            String approvedBy,
            Actor actor,
            String reason,
            UUID requestId,
            Optional<CaseGrant> replaces) {
        CaseGrant grant = new CaseGrant();
        grant.id = UUID.randomUUID();
        grant.caseId = row.caseId;
        grant.organisation = organisation;
        grant.scope = scope;
        grant.status = GrantStatus.ACTIVE;
        grant.expiresAt = expiresAt;
        grant.issuedBy = issuedBy;
        grant.approvedBy = approvedBy;
        grant.requestId = requestId;
        grant.reason = reason;
        grant.issuedAt = clock.instant();
        grant.persist();
        // One policy version for both: the organisation never holds neither grant, nor both.
        replaces.ifPresent(narrower -> {
            end(narrower, GrantStatus.REPLACED, actor.subject(), reason);
            narrower.replacedBy = grant.id;
        });
        publisher.changed(row, actor, reason, requestId, envelope -> {
            GrantIssued.Builder issued = GrantIssued.newBuilder()
                    .setGrantId(grant.id.toString())
                    .setOrganisation(organisation)
                    .setScope(PolicyProtos.toProto(scope));
            if (expiresAt != null) {
                issued.setExpiresAt(Envelopes.timestamp(expiresAt));
            }
            replaces.ifPresent(narrower -> issued.setReplacesGrantId(narrower.id.toString()));
            envelope.setGrantIssued(issued);
        });
        return grant;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void revokeGrant(CaseAccess row, CaseGrant grant, Actor actor, String reason) {
        end(grant, GrantStatus.REVOKED, actor.subject(), reason);
        publisher.changed(
                row,
                actor,
                reason,
                null,
                envelope -> envelope.setGrantRevoked(GrantRevoked.newBuilder()
                        .setGrantId(grant.id.toString())
                        .setOrganisation(grant.organisation)));
    }

    /** Marks a grant whose expiry has passed; nobody acts, so there is no actor and no reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expireGrant(CaseAccess row, CaseGrant grant) {
        end(grant, GrantStatus.EXPIRED, null, null);
        publisher.changed(
                row,
                Actor.SYSTEM,
                null,
                null,
                envelope -> envelope.setGrantExpired(GrantExpired.newBuilder()
                        .setGrantId(grant.id.toString())
                        .setOrganisation(grant.organisation)));
    }

    /**
     * Puts a person on the team with a role. A case has one lead: naming a new lead makes the previous
     * one a member, in the same version. {@code requestId} is the approved request when a second admin
     * had to agree (docs/secrecy-model.md §5), otherwise null.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void putMember(CaseAccess row, String subject, TeamRole role, Actor actor, String reason, UUID requestId) {
        List<TeamMember> team = TeamMember.list("caseId", row.caseId);
        TeamMember member = team.stream()
                .filter(candidate -> candidate.subject.equals(subject))
                .findFirst()
                .orElse(null);
        if (role == TeamRole.LEAD) {
            team.stream()
                    .filter(candidate -> candidate.role == TeamRole.LEAD && !candidate.subject.equals(subject))
                    .forEach(previousLead -> previousLead.role = TeamRole.MEMBER);
        }
        if (member == null) {
            member = new TeamMember();
            member.caseId = row.caseId;
            member.subject = subject;
            member.addedBy = actor.subject();
            member.addedAt = clock.instant();
            member.role = role;
            member.persist();
        } else {
            member.role = role;
        }
        publisher.changed(
                row,
                actor,
                reason,
                requestId,
                envelope -> envelope.setTeamMemberAdded(
                        TeamMemberAdded.newBuilder().setSubject(subject).setRole(PolicyProtos.toProto(role))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void removeMember(CaseAccess row, TeamMember member, Actor actor, String reason) {
        String subject = member.subject;
        member.delete();
        publisher.changed(
                row,
                actor,
                reason,
                null,
                envelope -> envelope.setTeamMemberRemoved(
                        TeamMemberRemoved.newBuilder().setSubject(subject)));
    }

    private void end(CaseGrant grant, GrantStatus status, String by, String reason) {
        grant.status = status;
        grant.endedAt = clock.instant();
        grant.endedBy = by;
        grant.endReason = reason;
    }
}
