package org.parley.console.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.codebook.Codebook;

import static org.assertj.core.api.Assertions.assertThat;

/** What the case page shows of a coded section, and what its edit form draws. */
class CodedSectionViewTest {

    private static final Codebook CODEBOOK = Codebook.standard();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void valuesAreShownByTheirLabelsInTheReadersLanguageWithUnitsDatesAsWrittenAndCitations() throws Exception {
        JsonNode context = JSON.readTree("""
                {"level": "LOCAL", "priorPolicies": [], "polarisation": null,
                 "groups": [{"name": "Group A", "internalControl": "FRAGMENTED", "militantOrigins": true,
                             "estimatedSize": {"low": 5000, "high": 6000},
                             "sources": {"internalControl": [{"publication": "IFIT 2024", "page": "12", "endnote": 31},
                                                             {"excerpt": "5b0c4a52-3f7e-4c36-9a55-2d1f3a6b7c8d/1"}]}},
                            {}]}
                """);
        CodedSectionView spanish = CodedSectionView.of(CODEBOOK, "CONTEXT", context, "es");

        assertThat(spanish.facts())
                .extracting(CodedSectionView.Fact::key)
                .containsExactly("context.level", "context.priorPolicies"); // uncoded ones are not listed
        assertThat(spanish.facts().get(0).label()).isEqualTo("Nivel del proceso");
        assertThat(spanish.facts().get(0).text()).startsWith("Local (barrios");
        assertThat(spanish.facts().get(1).none()).isTrue();

        assertThat(spanish.blocks()).hasSize(1);
        CodedSectionView.BlockView groups = spanish.blocks().get(0);
        assertThat(groups.label()).isEqualTo("Grupos criminales");
        assertThat(groups.entries()).hasSize(1); // the empty entry is not shown
        Map<String, CodedSectionView.Fact> group = byKey(groups.entries().get(0));
        assertThat(group.get("context.groups.estimatedSize").text()).isEqualTo("5.000–6.000 miembros");
        assertThat(group.get("context.groups.militantOrigins").yesNo()).isTrue();
        assertThat(group.get("context.groups.internalControl").text()).startsWith("Fragmentado");
        assertThat(group.get("context.groups.internalControl").citations())
                .containsExactly(
                        new CodedSectionView.Citation("IFIT 2024", "12", 31, null),
                        new CodedSectionView.Citation(null, null, null, "5b0c4a52-3f7e-4c36-9a55-2d1f3a6b7c8d/1"));
        // staff read a cited excerpt in its interview
        assertThat(group.get("context.groups.internalControl")
                        .citations()
                        .get(1)
                        .interview())
                .isEqualTo("5b0c4a52-3f7e-4c36-9a55-2d1f3a6b7c8d");
        assertThat(group.get("context.groups.internalControl")
                        .citations()
                        .get(0)
                        .interview())
                .isNull();

        CodedSectionView english = CodedSectionView.of(CODEBOOK, "CONTEXT", context, "en");
        assertThat(byKey(english.blocks().get(0).entries().get(0))
                        .get("context.groups.estimatedSize")
                        .text())
                .isEqualTo("5,000–6,000 members");
    }

    @Test
    void aYearStaysAYearAndAnEffectsValuesTakeTheUnitItsEntryChose() throws Exception {
        JsonNode process = JSON.readTree("""
                {"phases": [{"phase": "NEGOTIATION", "start": "2012", "end": "2012-03"}],
                 "timeline": [{"id": "x", "date": "2012-03-14", "kind": "MEETING", "summary": "Met"}]}
                """);
        CodedSectionView view = CodedSectionView.of(CODEBOOK, "PROCESS", process, "en");
        assertThat(view.blocks()).extracting(CodedSectionView.BlockView::key).containsExactly("process.phases");
        Map<String, CodedSectionView.Fact> phase =
                byKey(view.blocks().get(0).entries().get(0));
        assertThat(phase.get("process.phases.start").text()).isEqualTo("2012");
        assertThat(phase.get("process.phases.end").text()).isEqualTo("2012-03");

        JsonNode results = JSON.readTree("""
                {"effects": [{"indicator": "HOMICIDES", "unit": "PER_DAY", "before": 14, "after": {"low": 5, "high": 6},
                              "changePercent": -52}]}
                """);
        Map<String, CodedSectionView.Fact> effect = byKey(CodedSectionView.of(CODEBOOK, "RESULTS", results, "en")
                .blocks()
                .get(0)
                .entries()
                .get(0));
        assertThat(effect.get("results.effects.before").text()).isEqualTo("14 Per day");
        assertThat(effect.get("results.effects.after").text()).isEqualTo("5–6 Per day");
        assertThat(effect.get("results.effects.changePercent").text()).isEqualTo("-52 %");
        assertThat(CodedSectionView.of(CODEBOOK, "RESULTS", null, "en").empty()).isTrue();
    }

    @Test
    void theFormDrawsEachEntryPlusABlankOneWithChoicesInTheReadersLanguageAndErrorsNextToTheirFields()
            throws Exception {
        JsonNode context = JSON.readTree("""
                {"groups": [{"name": "Group A", "internalControl": "FRAGMENTED", "incomeSources": ["EXTORTION"],
                             "sources": {"name": [{"publication": "P"}]}}]}
                """);
        Map<String, List<String>> fields = CodedForm.fields(CODEBOOK, "CONTEXT", context);
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("groups[0].estimatedSize", "Escriba un número entre 1 y 10.000.000.");
        errors.put("", "Se rechazó un valor que este formulario no muestra.");
        CodedFormView form = CodedFormView.of(CODEBOOK, "CONTEXT", 7, fields, errors, "es");

        assertThat(form.id()).isEqualTo("context");
        assertThat(form.version()).isEqualTo(7);
        assertThat(form.once()).extracting(CodedFormView.Input::name).contains("level", "settings", "polarisation");
        CodedFormView.BlockForm groups = form.blocks().stream()
                .filter(b -> b.name().equals("groups"))
                .findFirst()
                .orElseThrow();
        assertThat(groups.entries()).hasSize(2);
        CodedFormView.Entry first = groups.entries().get(0);
        assertThat(first.sources())
                .containsExactly(new CodedFormView.Hidden("groups[0].sources", "{\"name\":[{\"publication\":\"P\"}]}"));
        assertThat(first.remove()).isEqualTo("groups[0].remove");
        Map<String, CodedFormView.Input> inputs = new LinkedHashMap<>();
        first.inputs().forEach(input -> inputs.put(input.name(), input));
        CodedFormView.Input control = inputs.get("groups[0].internalControl");
        assertThat(control.kind()).isEqualTo("select");
        assertThat(control.id()).isEqualTo("context-groups-0-internalControl");
        assertThat(control.label()).isEqualTo("Control interno");
        assertThat(control.value()).isEqualTo("FRAGMENTED");
        assertThat(control.choices()).extracting(CodedFormView.Choice::value).startsWith("CENTRALISED");
        assertThat(inputs.get("groups[0].incomeSources").choices())
                .filteredOn(CodedFormView.Choice::selected)
                .extracting(CodedFormView.Choice::value)
                .containsExactly("EXTORTION");
        CodedFormView.Input size = inputs.get("groups[0].estimatedSize");
        assertThat(size.kind()).isEqualTo("range");
        assertThat(size.unit()).isEqualTo("miembros");
        assertThat(size.error()).isEqualTo("Escriba un número entre 1 y 10.000.000.");
        assertThat(size.describedBy())
                .isEqualTo("context-groups-0-estimatedSize-hint context-groups-0-estimatedSize-error");
        assertThat(inputs.get("groups[0].territorialControlNotes").kind()).isEqualTo("textarea");
        assertThat(groups.entries().get(1).inputs())
                .allSatisfy(input -> assertThat(input.value()).isEmpty());
        assertThat(form.errors()).containsExactly("Se rechazó un valor que este formulario no muestra.");
        assertThat(form.invalid()).isTrue();

        // "add another": the typed fields with a blank entry among them draw one more
        fields.put("groups[1].name", List.of(""));
        assertThat(CodedFormView.of(CODEBOOK, "CONTEXT", 7, fields, Map.of(), "en").blocks().stream()
                        .filter(b -> b.name().equals("groups"))
                        .findFirst()
                        .orElseThrow()
                        .entries())
                .hasSize(3);
    }

    private static Map<String, CodedSectionView.Fact> byKey(List<CodedSectionView.Fact> facts) {
        Map<String, CodedSectionView.Fact> byKey = new LinkedHashMap<>();
        facts.forEach(fact -> byKey.put(fact.key(), fact));
        return byKey;
    }
}
