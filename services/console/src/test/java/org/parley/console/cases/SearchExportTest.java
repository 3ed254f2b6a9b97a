package org.parley.console.cases;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseListFilters;

import static org.assertj.core.api.Assertions.assertThat;

/** The export form and the console's export carry the list's filters, and never a page of them. */
class SearchExportTest {

    @Test
    void anExportHasTheListsFiltersButNoPage() {
        Search search = Search.of(
                "/cases",
                new CaseListFilters(
                        " truce ",
                        List.of("SV", ""),
                        List.of("CONCLUDED"),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of("outcome.type:AGREEMENT"),
                        "2012-01-01",
                        "not a date",
                        "a-cursor",
                        "20"),
                "mine");

        CaseListFilters exported = search.exportFilters();

        assertThat(exported.cursor()).isNull();
        assertThat(exported.limit()).isNull();
        assertThat(exported.q()).isEqualTo("truce");
        assertThat(exported.country()).containsExactly("SV");
        assertThat(exported.to()).isNull();
        assertThat(search.params())
                .containsExactlyInAnyOrder(
                        new Search.Param("q", "truce"),
                        new Search.Param("country", "SV"),
                        new Search.Param("status", "CONCLUDED"),
                        new Search.Param("coded", "outcome.type:AGREEMENT"),
                        new Search.Param("from", "2012-01-01"),
                        new Search.Param("team", "mine"));
    }
}
