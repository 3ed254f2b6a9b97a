package org.parley.interviews.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.messaging.projection.PolicyProjection;

/**
 * Whether the local policy projection is current enough to decide anything from it (a revocation or a removal
 * may not have arrived yet). Its own bean so tests can make the projection look stale or fresh.
 */
@ApplicationScoped
public class ProjectionFreshness {

    @Inject
    PolicyProjection projection;

    public boolean isStale() {
        return projection.isStale();
    }

    public long retryAfterSeconds() {
        return projection.retryAfterSeconds();
    }
}
