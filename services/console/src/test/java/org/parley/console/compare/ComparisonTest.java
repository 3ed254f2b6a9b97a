package org.parley.console.compare;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CompareApi;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTest {

    @Test
    void theDefaultsAreCodedFacets() {
        assertThat(CaseList.CODED_FACETS).containsAll(Comparison.DEFAULT_DIMS);
        Comparison none = Comparison.of(null, null, null, null);
        assertThat(none.dims()).isEqualTo(Comparison.DEFAULT_DIMS);
        assertThat(none.conditions()).doesNotContain(none.outcome()).hasSize(Comparison.DEFAULT_DIMS.size() - 1);
    }

    @Test
    void unknownKeysFallBackAndChosenOnesKeepTheCodebooksOrder() {
        Comparison asked =
                Comparison.of(List.of("results.dealReached", "header.title", "context.groups.type"), "nope", null, "x");
        assertThat(asked.dims()).containsExactly("context.groups.type", "results.dealReached");
        assertThat(asked.rows()).isEqualTo(Comparison.DEFAULT_ROWS);
        assertThat(asked.outcome()).isEqualTo(Comparison.DEFAULT_OUTCOME);
        assertThat(asked.conditions()).containsExactly("context.groups.type");
        assertThat(asked.url("/compare?q=a"))
                .isEqualTo("/compare?q=a&dims=context.groups.type&dims=results.dealReached"
                        + "&rows=context.groups.internalControl&cols=results.dealReached&outcome=results.dealReached"
                        + "&indicator=HOMICIDES");
        assertThat(asked.indicator()).as("no indicator asked: the default").isEqualTo("HOMICIDES");
        assertThat(Comparison.of(null, null, null, null, "KIDNAPPINGS").indicator())
                .isEqualTo("KIDNAPPINGS");
        assertThat(Comparison.of(null, null, null, null, "context.level").indicator())
                .as("not a code of the indicator: the default")
                .isEqualTo("HOMICIDES");
    }

    @Test
    void theTruthTableTakesAsManyConditionsAsTheServiceCrosses() {
        Comparison all = Comparison.of(CaseList.CODED_FACETS, null, null, "results.sideEffects.kind");
        assertThat(all.conditions()).hasSize(Math.min(CompareApi.MAX_CONDITIONS, CaseList.CODED_FACETS.size() - 1));
        assertThat(all.conditionsCut()).isEqualTo(CaseList.CODED_FACETS.size() - 1 > CompareApi.MAX_CONDITIONS);
    }
}
