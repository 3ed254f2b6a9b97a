package org.parley.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reasons, names and titles say something visible and display as what they are. */
class VisibleTextTest {

    @Test
    void textThatOnlyLooksPresentIsRefused() {
        for (String invisible : List.of(
                "",
                "   ",
                "\u200B",
                "\u200B\u200C\u200D\u2060\uFEFF",
                "\u00AD",
                "\t\n",
                "\u3000\u00A0\u2007",
                "\u3164",
                "\u115F\u1160",
                "\u2800",
                "\u0301\u0301",
                "\uDB40\uDC41", // a tag character
                "\uE000")) {
            assertThat(VisibleText.Validator.refusal(invisible))
                    .as(escape(invisible))
                    .contains(VisibleText.INVISIBLE);
        }
    }

    @Test
    void bidirectionalOverridesAndIsolatesAreRefusedEvenBesideVisibleText() {
        for (int codePoint : new int[] {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}) {
            String disguised = "Approved " + Character.toString(codePoint) + "desrever";
            assertThat(VisibleText.Validator.refusal(disguised))
                    .as("U+%04X", codePoint)
                    .contains(VisibleText.BIDI_CONTROL);
        }
    }

    @Test
    void visibleTextIsAcceptedAsWritten() {
        for (String text : List.of(
                "r",
                "Escobar",
                " padded ",
                "Cártel del Golfo",
                "مذاکره\u200Cها", // Persian needs the zero-width non-joiner
                "שלום\u200F (Hebrew with a right-to-left mark)",
                "👩‍⚖️",
                "٣",
                "-",
                "e\u0301")) {
            assertThat(VisibleText.Validator.refusal(text)).as(text).isEmpty();
        }
        assertThat(VisibleText.Validator.refusal(null)).isEmpty();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(c -> escaped.append(String.format("U+%04X ", c)));
        return escaped.toString();
    }
}
