package org.parley.web;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.ClockProvider;

/**
 * The one clock a service decides and stamps by: UTC. Bean Validation reads it too (a date "from the future"
 * is judged on the same UTC day everywhere). Tests replace it with an alternative producer.
 */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    Clock systemUtc() {
        return Clock.systemUTC();
    }

    /** Quarkus hands a ClockProvider bean to the validator factory. */
    @Produces
    @Singleton
    ClockProvider validationClock(Clock clock) {
        return () -> clock;
    }
}
