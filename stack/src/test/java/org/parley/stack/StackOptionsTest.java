package org.parley.stack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class StackOptionsTest {

    @Test
    void theStackIsDurableUnlessToldOtherwise() {
        StackOptions options = StackOptions.parse(new String[] {"start", "--state", "target/x"});

        assertThat(options.durable()).isTrue();
        assertThat(options.postgresDurabilitySettings())
                .containsEntry("fsync", "on")
                .containsEntry("synchronous_commit", "on")
                .containsEntry("full_page_writes", "on");
        assertThat(options.kafkaDurabilitySettings()).containsExactly(entry("log.flush.interval.messages", "1"));
    }

    @Test
    void onlyAnExplicitFlagMakesItFastAndForgetful() {
        StackOptions options = StackOptions.parse(new String[] {"start", "--state", "target/x", "--durable", "false"});

        assertThat(options.durable()).isFalse();
        assertThat(options.postgresDurabilitySettings())
                .containsEntry("fsync", "off")
                .containsEntry("synchronous_commit", "off")
                .containsEntry("full_page_writes", "off");
        assertThat(options.kafkaDurabilitySettings()).isEmpty();
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"start", "--state", "x", "--durable", "no"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePasswordFileIsInTheStateDirectory() {
        StackOptions options = StackOptions.parse(new String[] {"start", "--state", "target/x"});

        assertThat(options.postgresPasswordFile()).isEqualTo(options.stateDir().resolve("postgres-password"));
    }
}
