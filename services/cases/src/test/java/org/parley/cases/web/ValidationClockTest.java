package org.parley.cases.web;

import java.time.Clock;
import java.time.ZoneOffset;

import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.cases.support.CasesTestResource;

import static org.assertj.core.api.Assertions.assertThat;

/** "More than a year in the future" is judged by the service's one clock (UTC), not the JVM's zone. */
@QuarkusTest
class ValidationClockTest {

    static final Class<?> STACK = CasesTestResource.class;

    @Inject
    ValidatorFactory validation;

    @Inject
    Clock clock;

    @Test
    void beanValidationReadsTheServicesClock() {
        assertThat(validation.getClockProvider().getClock()).isSameAs(clock);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }
}
