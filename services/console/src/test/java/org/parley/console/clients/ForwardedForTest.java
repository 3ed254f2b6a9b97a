package org.parley.console.clients;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console passes the browser's address on as a proxy does: what it was told, then whom it was called from, last,
 * where the services look first (parley-web's ClientAddress reads from the right).
 */
class ForwardedForTest {

    @Test
    void theConsolesCallerComesLast() {
        assertThat(ForwardedFor.chain(List.of(), "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ForwardedFor.chain(List.of("198.51.100.1, 203.0.113.7"), "10.20.1.5"))
                .isEqualTo("198.51.100.1, 203.0.113.7, 10.20.1.5");
        assertThat(ForwardedFor.chain(List.of("198.51.100.1", " ", "203.0.113.7 "), "10.20.1.5"))
                .as("several headers, one blank")
                .isEqualTo("198.51.100.1, 203.0.113.7, 10.20.1.5");
    }
}
