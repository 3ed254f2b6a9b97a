package org.parley.web;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * The metrics a service may export, by name; every other meter is dropped before it is registered. Operators read
 * /q/metrics, and they are among the people the secrecy rules protect against: a counter that moves when a case is
 * opened, an interview recorded or an identity revealed tells them that it happened, secret or not. What is left
 * says how the process and its plumbing are doing, never what was done (each is justified in docs/operations.md,
 * "What the metrics may say"). A new metric stays invisible until it is added here, after that review.
 */
@Singleton
public class MetricsAllowList {

    /** The JVM and the machine: memory, GC, threads, CPU, uptime, open files. */
    static final List<String> RUNTIME_PREFIXES = List.of("jvm.", "process.", "system.");

    /** Parley's own health signals: failures and backlogs of the plumbing, and the probing alarm. */
    static final Set<String> PARLEY = Set.of(
            "parley.outbox.backlog",
            "parley.outbox.oldest.unpublished.age",
            "parley.outbox.relay.failures",
            "parley.outbox.gaps.skipped",
            "parley.consumer.retries",
            "parley.consumer.redeliveries",
            "parley.consumer.dead-lettered",
            "parley.interviews.integrity.failures",
            "parley.not_found.throttled");

    public static boolean allowed(String meterName) {
        return PARLEY.contains(meterName) || RUNTIME_PREFIXES.stream().anyMatch(meterName::startsWith);
    }

    @Produces
    @Singleton
    MeterFilter onlyAllowedMeters() {
        return MeterFilter.denyUnless(id -> allowed(id.getName()));
    }
}
