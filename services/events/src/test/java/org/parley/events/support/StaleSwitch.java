package org.parley.events.support;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import io.agroal.api.AgroalDataSource;
import org.parley.projection.PolicyProjection;
import org.parley.projection.ProjectionConfig;

/**
 * The projection with a switch to make it stale on demand: the shared broker may carry heartbeats from
 * another service's test run at the same time, so waiting for silence is not a reliable way to get stale.
 * (How staleness follows the clock is tested in parley-projection.)
 */
@Alternative
@Priority(1)
// @Singleton, not @ApplicationScoped: a client proxy would need a no-argument constructor, which the
// projection (constructor-injected) does not have.
@Singleton
public class StaleSwitch extends PolicyProjection {

    private volatile boolean forcedStale;

    @Inject
    public StaleSwitch(EntityManager entityManager, ProjectionConfig config, Clock clock, AgroalDataSource dataSource) {
        super(entityManager, config, clock, dataSource);
    }

    public void forceStale(boolean stale) {
        forcedStale = stale;
    }

    @Override
    public boolean isStale() {
        return forcedStale || super.isStale();
    }
}
