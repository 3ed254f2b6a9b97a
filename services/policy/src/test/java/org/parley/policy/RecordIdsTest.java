package org.parley.policy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RecordIdsTest {

    private static final UUID ID = UUID.fromString("3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6b");

    @Test
    void theCanonicalFormNamesTheRecordInEitherLetterCase() {
        assertThat(RecordIds.parse(ID.toString())).contains(ID);
        assertThat(RecordIds.parse(ID.toString().toUpperCase())).contains(ID);
        assertThat(RecordIds.parse("3F2B8C1E-9d4a-4E6F-8a7b-1C2D3E4F5A6B")).contains(ID);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "1-2-3-4-5", // UUID.fromString accepts this
                "3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6",
                "3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6bb",
                "{3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6b}",
                "urn:uuid:3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6b",
                "3f2b8c1e9d4a4e6f8a7b1c2d3e4f5a6b",
                "3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6g",
                " 3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6b",
                "3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6b\n",
                "3f2b8c1e-09d4a-4e6f-8a7b-1c2d3e4f5a6",
                "３f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6b" // a full-width digit
            })
    void everyOtherSpellingNamesNothing(String raw) {
        assertThat(RecordIds.parse(raw)).isEmpty();
    }
}
