package org.parley.access.casepolicy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.parley.access.api.GrantStatus;
import org.parley.policy.Grant;
import org.parley.policy.GrantScope;

/** One partner organisation's access to one case, with who issued it and why. */
@Entity
@Table(name = "case_grant")
public class CaseGrant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GrantScope scope;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GrantStatus status;

    /** Null when the grant does not expire. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    /** The second secrecy admin, for scopes that need one. */
    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(nullable = false)
    public String reason;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "end_reason")
    public String endReason;

    /** The wider grant that took this one's place (status REPLACED). */
    @Column(name = "replaced_by")
    public UUID replacedBy;

    public Grant asPolicyGrant() {
        return new Grant(organisation, scope, expiresAt);
    }
}
