package org.parley.gate;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one clock a service decides and stamps by: UTC. Tests replace it with an alternative producer. */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    Clock systemUtc() {
        return Clock.systemUTC();
    }
}
