package org.parley.console.session;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CSRF signature key: the configured one if long enough, else a fresh random one per start. */
class CsrfSignatureTest {

    @Test
    void aConfiguredKeyIsUsedAsItIs() {
        String key = "k".repeat(CsrfSignature.MINIMUM_KEY_LENGTH);
        assertThat(CsrfSignature.key(Optional.of(key))).isEqualTo(key);
    }

    @Test
    void aShortConfiguredKeyStopsTheStart() {
        assertThatThrownBy(() -> CsrfSignature.key(Optional.of("too-short")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PARLEY_CONSOLE_CSRF_KEY")
                .hasMessageNotContaining("too-short");
    }

    @Test
    void withoutAKeyEachStartMakesItsOwn() {
        String first = CsrfSignature.key(Optional.empty());
        String second = CsrfSignature.key(Optional.empty());
        assertThat(first).hasSizeGreaterThanOrEqualTo(CsrfSignature.MINIMUM_KEY_LENGTH);
        assertThat(second).isNotEqualTo(first);
    }
}
