package org.parley.cases.api.codebook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rule of {@link CodebookRules} fires on a copy of the shipped codebook broken in one place. */
class CodebookRulesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theShippedCodebookHasNoProblem() {
        Codebook codebook = Codebook.standard();
        assertThat(CodebookRules.problems(codebook)).isEmpty();
        assertThat(codebook.blocks()).hasSize(17);
        assertThat(codebook.dimensions()).hasSize(126);
        assertThat(codebook.dimensions().stream()
                        .mapToInt(d -> d.values().size())
                        .sum())
                .isEqualTo(450);
        assertThat(codebook.researchQuestions())
                .extracting(ResearchQuestion::code)
                .containsExactly("RQ1", "RQ2", "RQ3", "RQ4", "RQ5", "RQ6", "RQ7", "RQ8");
        assertThat(Codebook.standard()).as("read once").isSameAs(codebook);
    }

    @Test
    void lookupsFindDimensionsFacetsAndBlocks() {
        Codebook codebook = Codebook.standard();
        Dimension control = codebook.dimension("context.groups.internalControl").orElseThrow();
        assertThat(control.type()).isEqualTo(DimensionType.ONE);
        assertThat(control.ordered()).isTrue();
        assertThat(control.codes()).containsExactly("CENTRALISED", "COHESIVE", "DECENTRALISED", "FRAGMENTED");
        assertThat(control.value("COHESIVE").orElseThrow().label().in("es")).isNotBlank();
        assertThat(codebook.dimension("context.groups.nothing")).isEmpty();
        assertThat(codebook.facets())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.facet()).isTrue())
                .extracting(Dimension::key)
                .contains("header.status", "context.groups.internalControl", "results.dealReached");
        assertThat(codebook.inBlock("context.groups"))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.key()).startsWith("context.groups."))
                .extracting(Dimension::key)
                .contains("context.groups.type", "context.groups.internalControl");
        assertThat(codebook.inBlock("no.such.block")).isEmpty();
        assertThat(codebook.block("process.risks").orElseThrow().section()).isEqualTo("PROCESS");
    }

    @Test
    void aLabelFallsBackToEnglish() {
        Label label = new Label("Fragmented", "Fragmentado");
        assertThat(label.in("es")).isEqualTo("Fragmentado");
        assertThat(label.in("en")).isEqualTo("Fragmented");
        assertThat(label.in("fr")).isEqualTo("Fragmented");
        assertThat(new Label("Fragmented", " ").in("es")).isEqualTo("Fragmented");
    }

    @Test
    void anUnknownFieldIsNotRead() {
        ObjectNode tree = shipped();
        dimension(tree, "header.title").put("colour", "blue");
        assertThatThrownBy(() -> read(tree)).hasMessageContaining("colour");
    }

    @Test
    void keysAreUnique() {
        assertProblem(
                tree -> ((ObjectNode) dimension(tree, "header.region")).put("key", "header.country"),
                "The dimension key header.country appears more than once.");
        assertProblem(
                tree -> block(tree, "process.redlines").put("key", "process.risks"),
                "The block key process.risks appears more than once.");
        assertProblem(
                tree -> ((ObjectNode) tree.withArray("researchQuestions").get(1)).put("code", "RQ1"),
                "The research question code RQ1 appears more than once.");
        assertProblem(
                tree -> dimension(tree, "header.region").put("migratedFrom", "header.country"),
                "The migratedFrom header.country appears more than once.");
    }

    @Test
    void aKeyStartsWithItsSectionInLowerCase() {
        assertProblem(
                tree -> dimension(tree, "context.level").put("section", "PROCESS"),
                "Dimension context.level does not start with its section in lower case (process.).");
        assertProblem(
                tree -> dimension(tree, "context.level").put("section", "APPENDIX"),
                "Dimension context.level is in section APPENDIX, which is not one of");
        assertProblem(
                tree -> block(tree, "process.risks").put("section", "RESULTS"),
                "Block process.risks does not start with its section in lower case (results.).");
    }

    @Test
    void aBlockExistsAndSharesItsDimensionsSection() {
        assertProblem(
                tree -> dimension(tree, "context.groups.type").put("block", "context.gangs"),
                "Dimension context.groups.type is in block context.gangs, which does not exist.");
        assertProblem(
                tree -> dimension(tree, "context.groups.type").put("block", "context.entities"),
                "Dimension context.groups.type does not start with its block's key context.entities.");
        assertProblem(
                tree -> {
                    dimension(tree, "process.risks.kind").put("key", "results.risks.kind");
                    dimension(tree, "results.risks.kind").put("section", "RESULTS");
                    dimension(tree, "results.risks.kind").put("block", "results.effects");
                    block(tree, "results.effects").put("section", "PROCESS");
                },
                "Dimension results.risks.kind is in section RESULTS but its block results.effects is in PROCESS.");
    }

    @Test
    void oneAndSeveralHaveTwoValuesOrMoreAndTheOtherTypesNone() {
        assertProblem(
                tree -> {
                    ArrayNode values = dimension(tree, "header.status").withArray("values");
                    while (values.size() > 1) {
                        values.remove(1);
                    }
                },
                "Dimension header.status is ONE with 1 value(s): it needs 2 or more.");
        assertProblem(
                tree -> dimension(tree, "header.status")
                        .put("type", "SEVERAL")
                        .withArray("values")
                        .removeAll(),
                "Dimension header.status is SEVERAL with 0 value(s): it needs 2 or more.");
        assertProblem(
                tree -> dimension(tree, "header.title")
                        .set("values", dimension(tree, "header.status").get("values")),
                "Dimension header.title is TEXT but has values: only ONE and SEVERAL may.");
    }

    @Test
    void codesAreUpperSnakeAndUniqueWithinADimension() {
        assertProblem(
                tree -> value(tree, "header.status", 0).put("code", "Exploratory"),
                "Dimension header.status has the code Exploratory, which is not UPPER_SNAKE.");
        assertProblem(
                tree -> value(tree, "header.status", 0).put("code", "CONCLUDED__DEAL"),
                "Dimension header.status has the code CONCLUDED__DEAL, which is not UPPER_SNAKE.");
        assertProblem(
                tree -> value(tree, "header.status", 1).put("code", "EXPLORATORY"),
                "Dimension header.status has the code EXPLORATORY twice.");
    }

    @Test
    void everyBlockDimensionAndValueIsLabelledInEnglishAndSpanish() {
        assertProblem(
                tree -> ((ObjectNode) block(tree, "process.risks").get("label")).put("es", " "),
                "Block process.risks has a blank Spanish label.");
        assertProblem(
                tree -> ((ObjectNode) dimension(tree, "header.title").get("label")).put("en", ""),
                "Dimension header.title has a blank English label.");
        assertProblem(tree -> dimension(tree, "header.title").putNull("label"), "Dimension header.title has no label.");
        assertProblem(
                tree -> ((ObjectNode) dimension(tree, "header.title").get("help")).putNull("es"),
                "Dimension header.title has a blank Spanish help.");
        assertProblem(
                tree -> ((ObjectNode) value(tree, "header.status", 0).get("label")).put("es", ""),
                "Dimension header.status value EXPLORATORY has a blank Spanish label.");
        assertProblem(
                tree -> ((ObjectNode) tree.withArray("researchQuestions").get(0).get("label")).put("en", ""),
                "Research question RQ1 has a blank English label.");
    }

    @Test
    void onlyOneSeveralAndBooleanAreFacets() {
        assertProblem(
                tree -> dimension(tree, "header.title").put("facet", true),
                "Dimension header.title is a facet but is TEXT: only ONE, SEVERAL and BOOLEAN may be.");
        assertThat(CodebookRules.problems(read(
                        edited(tree -> dimension(tree, "results.dealReached").put("facet", true)))))
                .as("BOOLEAN may be a facet")
                .isEmpty();
    }

    @Test
    void aNumberOrRangeHasAUnitAndMinAtMostMax() {
        assertProblem(
                tree -> dimension(tree, "process.entities.teamSize").putNull("unit"),
                "Dimension process.entities.teamSize is NUMBER_OR_RANGE without a unit.");
        assertProblem(
                tree -> dimension(tree, "process.entities.teamSize")
                        .put("min", 20)
                        .put("max", 10),
                "Dimension process.entities.teamSize has min 20.0 above max 10.0.");
        assertProblem(
                tree -> dimension(tree, "header.title").put("min", 1),
                "Dimension header.title has a unit, min or max but is TEXT: only NUMBER_OR_RANGE may.");
    }

    @Test
    void theOtherFieldsFitTheirType() {
        assertProblem(
                tree -> dimension(tree, "header.title").put("ordered", true),
                "Dimension header.title is ordered but is TEXT: only ONE and SEVERAL may be.");
        assertProblem(
                tree -> dimension(tree, "header.title").putNull("maxLength"),
                "Dimension header.title is TEXT: it needs a maxLength of 1 or more.");
        assertProblem(
                tree -> dimension(tree, "header.status").put("maxLength", 10),
                "Dimension header.status has a maxLength but is ONE: only TEXT may.");
        assertProblem(tree -> tree.withArray("languages").add("fr"), "The languages are [en, es, fr]");
        assertProblem(tree -> tree.withArray("sections").remove(3), "The sections are [HEADER, CONTEXT, PROCESS]");
        assertProblem(tree -> block(tree, "process.risks").put("max", 0), "Block process.risks allows 0 entries");
    }

    @Test
    void researchQuestionsAndCoverageNameOnlyExistingKeys() {
        assertProblem(
                tree -> ((ArrayNode) tree.withArray("researchQuestions").get(0).get("dimensions"))
                        .add("context.groups.colour"),
                "Research question RQ1 names context.groups.colour, which is no dimension.");
        assertProblem(
                tree -> ((ArrayNode) tree.withArray("coverage").get(0).get("dimensions")).add("header.colour"),
                "Coverage of Research Scope names header.colour, which is no dimension.");
    }

    @Test
    void everyDimensionIsNamedBySomeCoverageEntry() {
        assertProblem(
                tree -> {
                    for (JsonNode entry : tree.withArray("coverage")) {
                        ArrayNode keys = (ArrayNode) entry.get("dimensions");
                        for (int i = keys.size() - 1; i >= 0; i--) {
                            if (keys.get(i).asText().equals("header.region")) {
                                keys.remove(i);
                            }
                        }
                    }
                },
                "Dimension header.region is named by no coverage entry.");
    }

    private static void assertProblem(Consumer<ObjectNode> breakIt, String problem) {
        assertThat(CodebookRules.problems(read(edited(breakIt))))
                .anySatisfy(p -> assertThat(p).startsWith(problem));
    }

    private static ObjectNode edited(Consumer<ObjectNode> edit) {
        ObjectNode tree = shipped();
        edit.accept(tree);
        return tree;
    }

    private static ObjectNode shipped() {
        try (InputStream in = Codebook.class.getResourceAsStream(Codebook.RESOURCE)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Codebook read(JsonNode tree) {
        try {
            return Codebook.read(new ByteArrayInputStream(JSON.writeValueAsBytes(tree)));
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static ObjectNode dimension(ObjectNode tree, String key) {
        return find(tree, "dimensions", key);
    }

    private static ObjectNode block(ObjectNode tree, String key) {
        return find(tree, "blocks", key);
    }

    private static ObjectNode value(ObjectNode tree, String key, int index) {
        return (ObjectNode) dimension(tree, key).get("values").get(index);
    }

    private static ObjectNode find(ObjectNode tree, String list, String key) {
        for (JsonNode node : tree.withArray(list)) {
            if (node.get("key").asText().equals(key)) {
                return (ObjectNode) node;
            }
        }
        throw new IllegalArgumentException("No " + key + " in " + list);
    }
}
