package org.parley.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageCursorTest {

    @Test
    void aCursorCarriesItsFieldsBackToTheListThatIssuedIt() {
        String cursor = PageCursor.encode("cases", "2019-11-01", "3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6b");
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode("cases", 2, cursor))
                .contains(List.of("2019-11-01", "3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6b"));
    }

    @Test
    void anotherListsCursorOrAnythingElseIsNoCursor() {
        String ledger = PageCursor.encode("ledger", "42");
        assertThat(PageCursor.decode("interviews", 1, ledger)).isEmpty();
        assertThat(PageCursor.decode("ledger", 2, ledger)).isEmpty();
        for (String junk : new String[] {null, "", "%%%", "x".repeat(401), "bGVkZ2Vy", "bGVkZ2VyfDF8Mg"}) {
            assertThat(PageCursor.decode("ledger", 1, junk))
                    .as(String.valueOf(junk))
                    .isEmpty();
        }
    }

    @Test
    void aFieldCannotForgeAnotherField() {
        assertThatThrownBy(() -> PageCursor.encode("cases", "a|b")).isInstanceOf(IllegalArgumentException.class);
    }
}
