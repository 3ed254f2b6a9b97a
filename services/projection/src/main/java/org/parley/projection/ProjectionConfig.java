package org.parley.projection;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The policy projection's settings ({@code parley.projection.*}), the same in every service that keeps one. */
@ConfigMapping(prefix = "parley.projection")
public interface ProjectionConfig {

    /**
     * How long this service may go without hearing from access (an applied policy or heartbeat) before every
     * decision fails closed with 503: a revocation is enforced at most this late.
     */
    @WithDefault("PT5S")
    Duration stalenessBound();
}
