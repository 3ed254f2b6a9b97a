package org.parley.cases.search;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseListFilters;
import org.parley.web.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parameters of the list: defaults, limits, and a 400 naming each bad one. */
class ListQueryTest {

    @Test
    void defaults() {
        ListQuery query = parse(null, null, null, null);
        assertThat(query.limit()).isEqualTo(20);
        assertThat(query.text()).isNull();
        assertThat(query.cursor()).isNull();
        assertThat(parse("  ", null, null, "100").text()).isNull();
        assertThat(parse(" word ", null, null, "1").text()).isEqualTo("word");
    }

    @Test
    void everyBadParameterIsNamed() {
        assertThatThrownBy(() -> ListQuery.parse(new CaseListFilters(
                        "\u0007",
                        List.of("ZZ"),
                        List.of("WON"),
                        List.of("OPEN"),
                        List.of("ARMY"),
                        List.of("GANG"),
                        "2020-02-30",
                        "soon",
                        "%%%",
                        "0")))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().errors())
                                .extracting(f -> f.field())
                                .containsExactlyInAnyOrder(
                                        "q",
                                        "country",
                                        "status",
                                        "tier",
                                        "entityType",
                                        "groupType",
                                        "from",
                                        "to",
                                        "cursor",
                                        "limit"));
        assertThatThrownBy(() -> parse(null, "2021-01-01", "2020-01-01", null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> parse(null, null, null, "101")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> parse(null, null, null, "2.5")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> parse("x".repeat(1001), null, null, null)).isInstanceOf(ProblemException.class);
    }

    @Test
    void codedFiltersNameAKeyOfTheCodedFacetsAndOneOfItsValues() {
        ListQuery query = coded(
                "context.groups.internalControl:FRAGMENTED",
                "context.groups.internalControl:CENTRALISED",
                "results.dealReached:false");
        assertThat(query.coded())
                .containsExactly(
                        java.util.Map.entry("context.groups.internalControl", List.of("FRAGMENTED", "CENTRALISED")),
                        java.util.Map.entry("results.dealReached", List.of(false)));
        for (String bad : List.of(
                "context.groups.internalControl",
                "context.groups.internalControl:",
                "context.groups.internalControl:fragmented",
                "context.groups.name:Gulf Clan",
                "header.status:ACTIVE",
                "results.dealReached:yes",
                "nothing:x")) {
            assertThatThrownBy(() -> coded(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            e -> assertThat(e.problem().errors())
                                    .singleElement()
                                    .satisfies(error -> {
                                        assertThat(error.field()).isEqualTo("coded");
                                        assertThat(error.message()).doesNotContain("Gulf Clan");
                                    }));
        }
    }

    private static ListQuery coded(String... pairs) {
        return ListQuery.parse(
                new CaseListFilters(null, null, null, null, null, null, List.of(pairs), null, null, null, null));
    }

    @Test
    void cursorsRoundTripAndForgedOnesAreRefused() {
        Cursor cursor = new Cursor(LocalDate.of(2011, 2, 3), UUID.randomUUID());
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(Cursor.decode("")).isNull();
        assertThat(Cursor.decode("not base64 !")).isNull();
        assertThat(Cursor.decode(java.util.Base64.getUrlEncoder().encodeToString("c1|2011-02-03|x".getBytes())))
                .isNull();
        assertThat(Cursor.decode(java.util.Base64.getUrlEncoder().encodeToString("c2|2011-02-03|x".getBytes())))
                .isNull();
        assertThat(Cursor.decode("a".repeat(500))).isNull();
    }

    private static ListQuery parse(String q, String from, String to, String limit) {
        return ListQuery.parse(new CaseListFilters(q, null, null, null, null, null, from, to, null, limit));
    }
}
