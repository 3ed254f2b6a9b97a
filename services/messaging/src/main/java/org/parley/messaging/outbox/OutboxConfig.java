package org.parley.messaging.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The relay's settings ({@code parley.outbox.*}), the same in every service. */
@ConfigMapping(prefix = "parley.outbox")
public interface OutboxConfig {

    /**
     * How soon the relay looks again when its last look stopped at a gap that may still fill, or found
     * another replica publishing.
     */
    @WithDefault("PT0.02S")
    Duration pollInterval();

    /**
     * How long a relay with nothing to send waits before it looks anyway. A commit that wrote outbox rows
     * in this process wakes it at once; the look after this interval only finds rows written elsewhere
     * (another replica, or by hand).
     */
    @WithDefault("PT1S")
    Duration idleInterval();

    @WithDefault("500")
    int batchSize();

    /** The longest wait between attempts while the broker is unreachable. */
    @WithDefault("PT2S")
    Duration maxBackoff();

    /** How long the producer keeps retrying a record (a broker restart shorter than this loses no order). */
    @WithDefault("PT2M")
    Duration deliveryTimeout();

    /** How long the relay waits at a gap in the ids before it goes on without it (see OutboxRelay). */
    @WithDefault("PT10S")
    Duration gapTimeout();
}
