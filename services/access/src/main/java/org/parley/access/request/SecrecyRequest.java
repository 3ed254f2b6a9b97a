package org.parley.access.request;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.parley.access.api.RequestKind;
import org.parley.access.api.RequestStatus;
import org.parley.policy.GrantScope;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;

/** A loosening change one secrecy admin asked for, waiting for a different one (docs/secrecy-model.md §5). */
@Entity
@Table(name = "secrecy_request")
public class SecrecyRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_tier")
    public Tier targetTier;

    @Column(name = "target_released")
    public Boolean targetReleased;

    @Column(name = "grant_organisation")
    public String grantOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(name = "grant_scope")
    public GrantScope grantScope;

    @Column(name = "grant_expires_at")
    public Instant grantExpiresAt;

    /** For a TEAM request: who would join the team, and as what. */
    @Column(name = "team_subject")
    public String teamSubject;

    @Enumerated(EnumType.STRING)
    @Column(name = "team_role")
    public TeamRole teamRole;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    /** The case's policy version once the approved change was applied. */
    @Column(name = "resulting_version")
    public Long resultingVersion;

    /**
     * The requested value as the SecrecyChangeRequested event names it: a tier, "true", a scope, or a team
     * role (who would join is a subject, kept here and out of the event like every identity).
     */
    public String target() {
        return switch (kind) {
            case TIER -> targetTier.name();
            case RELEASE -> String.valueOf(targetReleased);
            case GRANT -> grantScope.name();
            case TEAM -> teamRole.name();
        };
    }
}
