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
import org.parley.policy.Tier;

/** One case's tier, release and policy version: the single source of truth for them. */
@Entity
@Table(name = "case_access")
public class CaseAccess extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "owning_organisation", nullable = false)
    public String owningOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tier tier;

    @Column(name = "results_released", nullable = false)
    public boolean resultsReleased;

    @Column(nullable = false)
    public boolean deleted;

    /** Grows by one with every change; consumers keep the highest they have seen. */
    @Column(name = "policy_version", nullable = false)
    public long policyVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
