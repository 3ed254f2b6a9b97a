package org.parley.console.cases;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.cases.api.Results.Effect;
import org.parley.cases.api.TimelineEntry;
import org.parley.cases.api.TimelineKind;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsTest {

    private static Effect effect(String before, String after) {
        return new Effect("gang homicides per day", before, after, "2012", "IFIT");
    }

    @Test
    void twoNumbersARangeAndAQualifiedNumberAreDrawn() {
        assertThat(Charts.pair(effect("14", "5-6"))).contains(new Charts.Pair(14, 5.5, false));
        assertThat(Charts.pair(effect("1,200", "about 500"))).contains(new Charts.Pair(1200, 500, false));
        assertThat(Charts.pair(effect("12.5", "about 500"))).contains(new Charts.Pair(12.5, 500, false));
    }

    @Test
    void aChangeInPercentAfterALevelInWordsIsAnIndex() {
        assertThat(Charts.pair(effect("pre-truce level", "-40%"))).contains(new Charts.Pair(100, 60, true));
        assertThat(Charts.pair(effect("pre-truce level", "+25 %"))).contains(new Charts.Pair(100, 125, true));
    }

    @Test
    void wordsAreNotDrawn() {
        assertThat(Charts.pair(effect("level before the truce declaration", "increased")))
                .isEmpty();
        assertThat(Charts.pair(effect("not reported", "about 500"))).isEmpty();
        assertThat(Charts.pair(effect(null, null))).isEmpty();
    }

    @Test
    void textFromTheCaseIsEscapedInTheDrawing() {
        List<Charts.EffectChart> charts = Charts.effects(
                List.of(new Effect("<script>alert(1)</script>", "3", "1", null, null)), "Before", "After", "index");
        assertThat(charts).hasSize(1);
        assertThat(charts.get(0).svg()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(charts.get(0).svg())
                .startsWith("<svg")
                .contains("role=\"img\"")
                .contains("<title>");
    }

    @Test
    void theStripPlacesOneMarkerPerDatedEntryInOrderOfTime() {
        String svg = Charts.timelineSvg(
                List.of(
                        new TimelineEntry("1", LocalDate.of(2012, 1, 1), TimelineKind.MEETING, "first \"talks\""),
                        new TimelineEntry("2", LocalDate.of(2014, 1, 1), TimelineKind.BREAKDOWN, "end"),
                        new TimelineEntry("3", null, TimelineKind.OTHER, "undated")),
                "Timeline");
        assertThat(svg.split("<circle", -1)).hasSize(3);
        assertThat(svg)
                .contains("kind-breakdown")
                .contains("2012")
                .contains("2014")
                .contains("&quot;talks&quot;");
        assertThat(Charts.timelineSvg(List.of(), "Timeline")).isEmpty();
    }
}
