package org.parley.messaging.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The relay's settings ({@code parley.outbox.*}), the same in every service. */
@ConfigMapping(prefix = "parley.outbox")
public interface OutboxConfig {

    /** How often the relay looks for new rows when the last look found none. */
    @WithDefault("PT0.02S")
    Duration pollInterval();

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
