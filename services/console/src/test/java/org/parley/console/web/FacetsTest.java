package org.parley.console.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseList;

import static org.assertj.core.api.Assertions.assertThat;

/** The facet groups of a listing: named facets first, then the codebook's, ticked from what was asked. */
class FacetsTest {

    @Test
    void codebookFacetsSendTheirKeyAndValueAndComeAfterTheNamedOnes() {
        String control = "context.groups.internalControl";
        assertThat(CaseList.CODED_FACETS).contains(control);
        List<Facets.Group> groups = Facets.of(
                Map.of(
                        "country",
                        Map.of("MX", 2L),
                        control,
                        Map.of("FRAGMENTED", 3L, "COHESIVE", 5L),
                        "results.dealReached",
                        Map.of()),
                Map.of(
                        "country",
                        List.of(),
                        Facets.CODED,
                        List.of(control + ":FRAGMENTED", "results.dealReached:true")));

        assertThat(groups).extracting(Facets.Group::name).containsExactly("country", control);
        Facets.Group country = groups.get(0);
        assertThat(country.coded()).isFalse();
        assertThat(country.sent(country.values().get(0))).isEqualTo("MX");

        Facets.Group coded = groups.get(1);
        assertThat(coded.coded()).isTrue();
        assertThat(coded.param()).isEqualTo("coded");
        assertThat(coded.values())
                .containsExactly(new Facets.Value("COHESIVE", 5, false), new Facets.Value("FRAGMENTED", 3, true));
        assertThat(coded.sent(coded.values().get(1))).isEqualTo(control + ":FRAGMENTED");
        assertThat(coded.anyChecked()).isTrue();
    }
}
