package org.parley.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The "not found" budget ({@code parley.not-found.*}), the same in every service. */
@ConfigMapping(prefix = "parley.not-found")
public interface NotFoundConfig {

    /** How many 404 answers one signed-in caller may collect per minute before every request answers 429. */
    @WithDefault("600")
    int perMinute();
}
