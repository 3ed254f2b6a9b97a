package org.parley.web;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The "not found" budget ({@code parley.not-found.*}), the same in every service. */
@ConfigMapping(prefix = "parley.not-found")
public interface NotFoundConfig {

    /**
     * How many 404 answers one caller (signed in: the token's subject; anonymous: their address, {@link
     * ClientAddress}) may collect per minute before every request answers 429.
     */
    @WithDefault("600")
    int perMinute();

    /**
     * Our own proxies (addresses and networks: the console, an ingress), whose {@code X-Forwarded-For} names an
     * anonymous caller; none: every anonymous caller is the connection's peer.
     */
    Optional<List<String>> trustedProxies();
}
