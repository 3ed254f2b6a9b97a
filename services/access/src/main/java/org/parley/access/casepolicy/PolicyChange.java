package org.parley.access.casepolicy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One policy version of one case: what changed, who changed it and why. Reasons never leave this table. */
@Entity
@Table(name = "policy_change")
public class PolicyChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "policy_version", nullable = false)
    public long policyVersion;

    /** The event type that announced the change, e.g. "TierChanged". */
    @Column(nullable = false)
    public String change;

    @Column(name = "actor_subject")
    public String actorSubject;

    public String reason;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
