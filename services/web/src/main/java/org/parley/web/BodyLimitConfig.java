package org.parley.web;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/**
 * Request body limits beside Vert.x's one ({@code parley.body-limit.*}): a service with a bulk import raises
 * {@code quarkus.http.limits.max-body-size} to the file's limit and keeps every other path at {@link #ordinary()}.
 */
@ConfigMapping(prefix = "parley.body-limit")
public interface BodyLimitConfig {

    /**
     * The largest body of any path but {@link #bulkPaths()}. Unset (every service without a bulk import):
     * {@code quarkus.http.limits.max-body-size} holds for every path.
     */
    Optional<MemorySize> ordinary();

    /** Paths, exactly as requested without the query (an import's), whose body may reach the Vert.x limit. */
    Optional<List<String>> bulkPaths();
}
