package org.parley.cases.api.codebook;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.cases.api.codebook.CodedSection.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dimension of the codebook, coded: a section holding a valid value for each of its dimensions (and two
 * entries of each block) passes, and each kind of bad value, put in any one dimension, is refused with that
 * field's path and nothing else. The documents are built from the codebook itself, so a new dimension is tested
 * the day it is added.
 */
class CodedSectionTest {

    private static final Codebook CODEBOOK = Codebook.standard();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<String> sections() {
        return CODEBOOK.sections().stream();
    }

    static Stream<Dimension> dimensions() {
        return CODEBOOK.dimensions().stream();
    }

    @ParameterizedTest
    @MethodSource("sections")
    void aSectionWithEveryDimensionCodedPasses(String section) {
        assertThat(problems(section, fullyCoded(section))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("sections")
    void anEmptyOrAbsentSectionIsUncodedNotWrong(String section) {
        assertThat(problems(section, JSON.objectNode())).isEmpty();
        assertThat(problems(section, null)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dimensions")
    void aValueOfTheWrongKindIsRefusedNamingItsField(Dimension dimension) {
        JsonNode wrong = switch (dimension.type()) {
            case ONE -> JSON.textNode("NOT_A_CODE");
            case SEVERAL -> JSON.arrayNode().add("NOT_A_CODE");
            case NUMBER_OR_RANGE -> JSON.textNode("5-6");
            case DATE -> JSON.textNode("14/03/2012");
            case TEXT -> JSON.numberNode(7);
            case BOOLEAN -> JSON.textNode("yes");
        };
        String field = field(dimension) + (dimension.type() == DimensionType.SEVERAL ? "[0]" : "");
        assertThat(problemsWith(dimension, wrong))
                .extracting(FieldProblem::field)
                .containsExactly(field);
    }

    @ParameterizedTest
    @MethodSource("dimensions")
    void anUncodedValueIsNotAProblem(Dimension dimension) {
        assertThat(problemsWith(dimension, JSON.nullNode())).isEmpty();
    }

    @Test
    void anUnknownDimensionAnywhereIsRefusedNamingIt() {
        ObjectNode context = fullyCoded("CONTEXT");
        context.put("colour", "RED");
        ((ObjectNode) context.withArray("groups").get(1)).put("nickname", "x");
        assertThat(problems("CONTEXT", context))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("context.colour", "context.groups[1].nickname");
    }

    @Test
    void aDimensionOfABlockIsNotAcceptedOutsideItsEntries() {
        ObjectNode context = JSON.objectNode();
        context.put("internalControl", "FRAGMENTED");
        context.putObject("groups").put("internalControl", "FRAGMENTED");
        assertThat(problems("CONTEXT", context))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("context.internalControl", "context.groups");
    }

    @Test
    void severalValuesMayNotRepeatAndAnEmptyListMeansCodedAsNone() {
        Dimension incomes = CODEBOOK.dimension("context.groups.incomeSources").orElseThrow();
        String code = incomes.codes().get(0);
        assertThat(problemsWith(incomes, JSON.arrayNode())).isEmpty();
        assertThat(problemsWith(incomes, JSON.arrayNode().add(code).add(code)))
                .extracting(FieldProblem::field)
                .containsExactly("context.groups[1].incomeSources[1]");
    }

    @Test
    void numbersAndRangesKeepToTheDimensionsBoundsAndOrder() {
        Dimension size = CODEBOOK.dimension("context.groups.estimatedSize").orElseThrow();
        assertThat(problemsWith(size, JSON.numberNode(3000))).isEmpty();
        assertThat(problemsWith(size, range(3000, 4000))).isEmpty();
        assertThat(problemsWith(size, range(4000, 3000)))
                .containsExactly(new FieldProblem(
                        "context.groups[1].estimatedSize", "must not have its low end above its high end"));
        assertThat(problemsWith(size, JSON.numberNode(0)))
                .containsExactly(
                        new FieldProblem("context.groups[1].estimatedSize", "must lie between 1 and 10000000"));
        assertThat(problemsWith(size, range(5, 20_000_000)))
                .extracting(FieldProblem::field)
                .containsExactly("context.groups[1].estimatedSize.high");
        ObjectNode extra = range(1, 2);
        extra.put("mid", 1);
        assertThat(problemsWith(size, extra))
                .extracting(FieldProblem::field)
                .containsExactly("context.groups[1].estimatedSize");
        Dimension change = CODEBOOK.dimension("results.effects.changePercent").orElseThrow();
        assertThat(problemsWith(change, JSON.numberNode(-52))).isEmpty();
        assertThat(problemsWith(change, JSON.numberNode(-101))).hasSize(1);
    }

    @Test
    void datesKeepTheirPrecisionAndStayBetween1900AndAYearFromToday() {
        // a date with no end to keep before
        Dimension start = CODEBOOK.dimension("process.timeline.date").orElseThrow();
        for (String fine : List.of("2012", "2012-03", "2012-03-14", "1900", "2027-12-02")) {
            assertThat(problemsWith(start, JSON.textNode(fine))).as(fine).isEmpty();
        }
        for (String bad : List.of("1899-12-31", "2027-12-03", "2028", "2012-13", "2012-02-30", "12", "2012-3")) {
            assertThat(problemsWith(start, JSON.textNode(bad))).as(bad).hasSize(1);
        }
    }

    @Test
    void anEndBeforeItsStartIsRefusedAtTheDatesPrecision() {
        ObjectNode header = fullyCoded("HEADER");
        ObjectNode period = (ObjectNode) header.get("period");
        period.put("start", "2012").put("end", "2012-03");
        assertThat(problems("HEADER", header)).isEmpty();
        period.put("start", "2012-03-14").put("end", "2012-03");
        assertThat(problems("HEADER", header)).isEmpty();
        period.put("start", "2012-04").put("end", "2012-03");
        assertThat(problems("HEADER", header))
                .containsExactly(new FieldProblem("header.period.end", "must not lie before start"));

        ObjectNode results = fullyCoded("RESULTS");
        ((ObjectNode) results.withArray("effects").get(0))
                .put("periodStart", "2013")
                .put("periodEnd", "2012");
        assertThat(problems("RESULTS", results))
                .extracting(FieldProblem::field)
                .containsExactly("results.effects[0].periodEnd");
    }

    @Test
    void aBlockHoldsNoMoreEntriesThanTheCodebookAllows() {
        Block entities = CODEBOOK.block("context.entities").orElseThrow();
        ObjectNode context = JSON.objectNode();
        ArrayNode list = context.putArray("entities");
        for (int i = 0; i <= entities.max(); i++) {
            list.addObject().put("name", "entity " + i);
        }
        assertThat(problems("CONTEXT", context))
                .containsExactly(
                        new FieldProblem("context.entities", "may hold at most " + entities.max() + " entries"));
    }

    @Test
    void textKeepsToItsLengthAndIsNeverBlank() {
        Dimension title = CODEBOOK.dimension("header.title").orElseThrow();
        assertThat(problemsWith(title, JSON.textNode("x".repeat(title.maxLength()))))
                .isEmpty();
        assertThat(problemsWith(title, JSON.textNode("x".repeat(title.maxLength() + 1))))
                .hasSize(1);
        assertThat(problemsWith(title, JSON.textNode("  "))).hasSize(1);
    }

    @Test
    void valuesCiteAPublicationOrAnExcerptAndNothingElse() throws Exception {
        ObjectNode group =
                (ObjectNode) fullyCoded("CONTEXT").withArray("groups").get(0);
        ObjectNode context = JSON.objectNode();
        context.putArray("groups").add(group);
        group.set("sources", MAPPER.readTree("""
                        {"internalControl": [{"publication": "Cockayne et al. 2024", "page": "12", "endnote": 31},
                                             {"excerpt": "0b6f3c7e-8d1a-4a52-9f3e-2d4c6b8a1e90/3"}],
                         "estimatedSize": [{"publication": "InSight Crime"}]}
                        """));
        assertThat(problems("CONTEXT", context)).isEmpty();

        group.set("sources", MAPPER.readTree("""
                        {"internalControl": [{"publication": "A", "excerpt": "0b6f3c7e-8d1a-4a52-9f3e-2d4c6b8a1e90/1"},
                                             {"excerpt": "not-an-id"},
                                             {"excerpt": "0b6f3c7e-8d1a-4a52-9f3e-2d4c6b8a1e90/1", "page": "3"},
                                             {"publication": "B", "endnote": 0},
                                             {"publication": "C", "url": "x"},
                                             {"excerpt": "0b6f3c7e-8d1a-4a52-9f3e-2d4c6b8a1e90"},
                                             {"excerpt": "0b6f3c7e-8d1a-4a52-9f3e-2d4c6b8a1e90/0"}],
                         "estimatedSize": [],
                         "nickname": [{"publication": "D"}]}
                        """));
        assertThat(problems("CONTEXT", context))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "context.groups[0].sources.internalControl[0]",
                        "context.groups[0].sources.internalControl[1].excerpt",
                        "context.groups[0].sources.internalControl[2].page",
                        "context.groups[0].sources.internalControl[3].endnote",
                        "context.groups[0].sources.internalControl[4].url",
                        // an interview's id alone names no excerpt; quotes count from 1
                        "context.groups[0].sources.internalControl[5].excerpt",
                        "context.groups[0].sources.internalControl[6].excerpt",
                        "context.groups[0].sources.estimatedSize",
                        "context.groups[0].sources.nickname");
    }

    @Test
    void messagesNeverRepeatWhatWasWritten() {
        String secret = "SECRET_NAME_OF_AN_INFORMANT";
        ObjectNode context = JSON.objectNode();
        context.put(secret, secret);
        context.putArray("groups").addObject().put("type", secret).put("estimatedSize", secret);
        assertThat(problems("CONTEXT", context))
                .hasSize(3)
                .allSatisfy(problem -> assertThat(problem.message()).doesNotContain(secret));
        // the field path of an unknown key names what the writer typed as a key, which is not a value
    }

    // ---- documents built from the codebook

    /** A section with a valid value for every dimension and two entries in every block. */
    static ObjectNode fullyCoded(String section) {
        ObjectNode document = JSON.objectNode();
        String prefix = section.toLowerCase(Locale.ROOT) + ".";
        for (Dimension dimension : CODEBOOK.dimensions()) {
            if (!dimension.section().equals(section)) {
                continue;
            }
            if (dimension.block() == null) {
                put(document, dimension.key().substring(prefix.length()), example(dimension));
            } else {
                ArrayNode entries = (ArrayNode) at(document, dimension.block().substring(prefix.length()), true);
                while (entries.size() < 2) {
                    entries.addObject();
                }
                for (JsonNode entry : entries) {
                    put(
                            (ObjectNode) entry,
                            dimension.key().substring(dimension.block().length() + 1),
                            example(dimension));
                }
            }
        }
        return document;
    }

    private static JsonNode example(Dimension dimension) {
        return switch (dimension.type()) {
            case ONE -> JSON.textNode(dimension.codes().get(dimension.codes().size() - 1));
            case SEVERAL ->
                JSON.arrayNode()
                        .add(dimension.codes().get(0))
                        .add(dimension.codes().get(1));
            case NUMBER_OR_RANGE ->
                dimension.key().endsWith("Size")
                        ? range(dimension.min(), dimension.max())
                        : JSON.numberNode(dimension.min() == null ? 0 : dimension.min());
            case DATE -> JSON.textNode(dimension.key().toLowerCase(Locale.ROOT).endsWith("end") ? "2013-06" : "2012");
            case TEXT ->
                JSON.textNode("x".repeat(Math.min(2, dimension.maxLength() == null ? 2 : dimension.maxLength())));
            case BOOLEAN -> JSON.booleanNode(true);
        };
    }

    private static ObjectNode range(double low, double high) {
        ObjectNode range = JSON.objectNode();
        range.put("low", low).put("high", high);
        return range;
    }

    /** The section with every dimension coded, and {@code value} in this dimension (of the second entry). */
    private static List<FieldProblem> problemsWith(Dimension dimension, JsonNode value) {
        ObjectNode document = fullyCoded(dimension.section());
        String prefix = dimension.section().toLowerCase(Locale.ROOT) + ".";
        if (dimension.block() == null) {
            put(document, dimension.key().substring(prefix.length()), value);
        } else {
            ArrayNode entries = (ArrayNode) at(document, dimension.block().substring(prefix.length()), true);
            put(
                    (ObjectNode) entries.get(1),
                    dimension.key().substring(dimension.block().length() + 1),
                    value);
        }
        return problems(dimension.section(), document);
    }

    /** The path a person would be shown for this dimension (in the second entry of a block). */
    private static String field(Dimension dimension) {
        return dimension.block() == null
                ? dimension.key()
                : dimension.block() + "[1]"
                        + dimension.key().substring(dimension.block().length());
    }

    private static void put(ObjectNode document, String path, JsonNode value) {
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? document : (ObjectNode) at(document, path.substring(0, dot), false);
        parent.set(path.substring(dot + 1), value);
    }

    /** The object (or, for a block, the array) at a dotted path, made on the way. */
    private static JsonNode at(ObjectNode document, String path, boolean array) {
        String[] steps = path.split("\\.");
        ObjectNode node = document;
        for (int i = 0; i < steps.length - 1; i++) {
            node = node.has(steps[i]) ? (ObjectNode) node.get(steps[i]) : node.putObject(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (node.has(last)) {
            return node.get(last);
        }
        return array ? node.putArray(last) : node.putObject(last);
    }

    private static List<FieldProblem> problems(String section, JsonNode document) {
        return CodedSection.problems(CODEBOOK, section, document, TODAY);
    }
}
