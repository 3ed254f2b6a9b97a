package org.parley.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Control characters and broken surrogates are refused everywhere; tab and line breaks are text. */
class ControlCharactersTest {

    @Test
    void everyControlCharacterButTabAndLineBreaksIsRefused() {
        for (char c = 0; c < 0x20; c++) {
            boolean allowed = c == '\t' || c == '\n' || c == '\r';
            assertThat(ControlCharacters.refusal("a" + c + "b"))
                    .as("U+%04X", (int) c)
                    .isEqualTo(allowed ? java.util.Optional.empty() : java.util.Optional.of(ControlCharacters.CONTROL));
        }
        for (char c : new char[] {0x7F, 0x80, 0x85, 0x9F}) {
            assertThat(ControlCharacters.refusal("x" + c)).as("U+%04X", (int) c).contains(ControlCharacters.CONTROL);
        }
    }

    @Test
    void ordinaryTextOfEveryScriptIsAccepted() {
        for (String text : List.of(
                "", "Escobar", "línea 1\nlínea 2\r\n\tsangría", "تفاوض", "談判", "emoji 👩‍⚖️", "zero\u200Bwidth")) {
            assertThat(ControlCharacters.refusal(text)).as(text).isEmpty();
        }
        assertThat(ControlCharacters.refusal(null)).isEmpty();
    }

    @Test
    void halfASurrogatePairIsRefused() {
        assertThat(ControlCharacters.refusal("a\uD83D")).contains(ControlCharacters.BROKEN);
        assertThat(ControlCharacters.refusal("\uDC69b")).contains(ControlCharacters.BROKEN);
        assertThat(ControlCharacters.refusal("\uD83D\uDC69")).isEmpty();
    }
}
