package org.parley.gate;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.parley.policy.CasePolicy;

/**
 * Where a service reads case policies from: its projection of access's events (cases, interviews,
 * events), or access's own tables. The gate decides from whichever the service has, the same way.
 */
public interface PolicySource {

    /** The case's policy; empty when the case is unknown or deleted. */
    Optional<CasePolicy> find(UUID caseId);

    /** The policies of those of the given cases that exist and are not deleted. */
    Map<UUID, CasePolicy> findAll(Collection<UUID> caseIds);

    /**
     * True when the policies may be out of date (a revocation may not have arrived): every decision then
     * waits. Access's own tables are never stale.
     */
    boolean isStale();

    /** Seconds a client should wait before retrying a request refused because the source is stale. */
    long retryAfterSeconds();
}
