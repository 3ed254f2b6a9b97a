package org.parley.access;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The access service's own settings ({@code parley.access.*}). */
@ConfigMapping(prefix = "parley.access")
public interface AccessConfig {

    /** The host organisation's id, created at startup if missing: nobody can be admin before it exists. */
    @WithDefault("ifit")
    String hostOrganisation();

    /** The host organisation's name, used only when it is first created. */
    @WithDefault("Institute for Integrated Transitions")
    String hostOrganisationName();

    /** How often an AccessHeartbeat is appended to the outbox, so consumers can tell silence from calm. */
    @WithDefault("2s")
    Duration heartbeatInterval();

    /** How long published heartbeat rows are kept in the outbox before they are deleted. */
    @WithDefault("1m")
    Duration heartbeatRetention();

    /** How often expired grants and requests are looked for and marked (a grant's expiry bites at decision time anyway). */
    @WithDefault("1s")
    Duration expiryCheckInterval();

    /** How long a secrecy change request waits for a second admin before it expires. */
    @WithDefault("7d")
    Duration requestTtl();
}
