package org.parley.messaging.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How consumers retry an event ({@code parley.consumer.*}), the same in every service. */
@ConfigMapping(prefix = "parley.consumer")
public interface ConsumerConfig {

    /** Attempts before a non-transient failure makes the event poison (transient ones retry for ever). */
    @WithDefault("3")
    int maxAttempts();

    @WithDefault("PT2S")
    Duration maxBackoff();
}
