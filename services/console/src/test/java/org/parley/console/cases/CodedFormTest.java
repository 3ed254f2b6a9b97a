package org.parley.console.cases;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.i18n.Message;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.CodedSection;
import org.parley.console.i18n.CodedMsg;

import static org.assertj.core.api.Assertions.assertThat;

/** A coded section as form fields and back, entries added and removed, numbers and ranges, errors in words. */
class CodedFormTest {

    private static final Codebook CODEBOOK = Codebook.standard();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    private static final String CONTEXT = """
            {"level": "LOCAL", "settings": ["URBAN", "PRISON"], "priorPolicies": [],
             "sources": {"level": [{"publication": "IFIT 2024", "page": "12", "endnote": 31}]},
             "entities": [{"type": "HUMANITARIAN_NGO", "name": "An NGO", "relativeStrength": "WEAKER"},
                          {"type": "CHURCH", "notes": "Two lines\\nof notes",
                           "sources": {"type": [{"excerpt": "5b0c4a52-3f7e-4c36-9a55-2d1f3a6b7c8d/1"}]}}],
             "groups": [{"name": "Group A", "type": "STREET_GANG", "internalControl": "FRAGMENTED",
                         "estimatedSize": {"low": 5000, "high": 6000}, "militantOrigins": false,
                         "incomeSources": ["EXTORTION", "LOCAL_DRUG_SALES"]},
                        {"name": "Group B", "estimatedSize": 1500.5, "leadershipImprisoned": true}]}
            """;

    @Test
    void aDocumentBecomesFieldsAndTheFieldsTheSameDocument() throws Exception {
        JsonNode document = JSON.readTree(CONTEXT);
        assertThat(CodedSection.problems(CODEBOOK, "CONTEXT", document, TODAY)).isEmpty();

        Map<String, List<String>> fields = CodedForm.fields(CODEBOOK, "CONTEXT", document);
        assertThat(fields)
                .containsEntry("level", List.of("LOCAL"))
                .containsEntry("settings", List.of("URBAN", "PRISON"))
                .containsEntry("priorPolicies", List.of(CodedForm.NONE))
                .containsEntry("groups[0].estimatedSize.low", List.of("5000"))
                .containsEntry("groups[0].estimatedSize.high", List.of("6000"))
                .containsEntry("groups[1].estimatedSize.low", List.of("1500.5"))
                .containsEntry("groups[1].leadershipImprisoned", List.of("true"))
                .containsEntry("groups[0].militantOrigins", List.of("false"))
                .containsKeys("sources", "entities[1].sources")
                .doesNotContainKey("groups[1].estimatedSize.high");

        CodedForm.Parsed parsed = CodedForm.parse(CODEBOOK, "CONTEXT", fields);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.document()).isEqualTo(document);
    }

    @Test
    void nestedObjectsAndANestedBlockRoundTripAndTheTimelineIsLeftToItsOwnForm() throws Exception {
        JsonNode document = JSON.readTree("""
                {"objectives": {"scope": "LIMITED", "items": [{"text": "Fewer homicides"}]},
                 "verification": {"methods": ["KNOWN_LEADERS"], "notes": "Checked",
                                  "sources": {"methods": [{"publication": "A book"}]}},
                 "phases": [{"phase": "EXPLORATION", "start": "2012", "end": "2012-03"}],
                 "timeline": [{"id": "1", "date": "2012-03-14", "kind": "MEETING", "summary": "Met"}]}
                """);
        Map<String, List<String>> fields = CodedForm.fields(CODEBOOK, "PROCESS", document);
        assertThat(fields)
                .containsEntry("objectives.items[0].text", List.of("Fewer homicides"))
                .containsEntry("verification.methods", List.of("KNOWN_LEADERS"))
                .containsEntry("phases[0].start", List.of("2012"))
                .containsKey("verification.sources");
        assertThat(fields.keySet()).noneMatch(name -> name.startsWith("timeline"));

        JsonNode parsed = CodedForm.parse(CODEBOOK, "PROCESS", fields).document();
        ((com.fasterxml.jackson.databind.node.ObjectNode) document).remove("timeline");
        assertThat(parsed).isEqualTo(document);
    }

    @Test
    void aBlankEntryIsDroppedARemovedOneTooAndTheServicesPathsPointAtTheFormsEntries() throws Exception {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("groups[0].name", List.of("Kept"));
        form.put("groups[0].internalControl", List.of("CENTRALISED"));
        form.put("groups[1].name", List.of("Removed"));
        form.put("groups[1].remove", List.of("yes"));
        form.put("groups[2].name", List.of("  "));
        form.put("groups[2].type", List.of(""));
        form.put("groups[3].name", List.of("Second kept"));
        form.put("groups[3].internalControl", List.of("COHESIVE"));
        form.put("groups[4].name", List.of(""));

        CodedForm.Parsed parsed = CodedForm.parse(CODEBOOK, "CONTEXT", form);

        assertThat(parsed.document().toString())
                .isEqualTo("{\"groups\":[{\"name\":\"Kept\",\"internalControl\":\"CENTRALISED\"},"
                        + "{\"name\":\"Second kept\",\"internalControl\":\"COHESIVE\"}]}");
        assertThat(parsed.formField("CONTEXT", "context.groups[1].internalControl"))
                .isEqualTo("groups[3].internalControl");
        assertThat(parsed.formField("CONTEXT", "context.groups[0].estimatedSize.low"))
                .isEqualTo("groups[0].estimatedSize");
        assertThat(parsed.formField("CONTEXT", "context.groups")).isEqualTo("groups");
        assertThat(parsed.formField("CONTEXT", "process.risks[0].kind")).isNull();
        assertThat(parsed.formField("CONTEXT", "context.nothing")).isNull();
    }

    @Test
    void aRangeIsOneNumberWhenItsEndsAgreeOrItsHighIsEmptyAndIsKeptAsTypedWhenReversed() {
        assertThat(size("12", "12").toString()).isEqualTo("12");
        assertThat(size("12", "").toString()).isEqualTo("12");
        assertThat(size("", "7").toString()).isEqualTo("7");
        assertThat(size("2.50", "").toString()).isEqualTo("2.5");
        assertThat(size("300", "900").toString()).isEqualTo("{\"low\":300,\"high\":900}");
        assertThat(size("", "")).isNull();

        Map<String, List<String>> form = sizeForm("900", "300");
        CodedForm.Parsed parsed = CodedForm.parse(CODEBOOK, "CONTEXT", form);
        assertThat(parsed.document().at("/groups/0/estimatedSize").toString()).isEqualTo("{\"low\":900,\"high\":300}");
        // the service refuses it: its path names the range, the typed ends say why
        String field = parsed.formField("CONTEXT", "context.groups[0].estimatedSize");
        assertThat(parsed.reason(field, "context.groups[0].estimatedSize", TODAY)
                        .kind())
                .isEqualTo(CodedForm.Kind.REVERSED);
        assertThat(said(parsed.reason(field, "context.groups[0].estimatedSize", TODAY), "es"))
                .isEqualTo("El primer número de un rango no puede ser mayor que el segundo.");
    }

    @Test
    void aNumberOutOfTheCodebooksBoundsIsSaidWithTheBoundsInTheReadersLanguage() {
        CodedForm.Parsed parsed = CodedForm.parse(CODEBOOK, "CONTEXT", sizeForm("0", "50"));
        List<CodedSection.FieldProblem> problems = CodedSection.problems(CODEBOOK, "CONTEXT", parsed.document(), TODAY);
        assertThat(problems)
                .extracting(CodedSection.FieldProblem::field)
                .containsExactly("context.groups[0].estimatedSize.low");
        String path = problems.get(0).field();
        CodedForm.FieldError error = parsed.reason(parsed.formField("CONTEXT", path), path, TODAY);
        assertThat(said(error, "en")).isEqualTo("Enter a number between 1 and 10,000,000.");
        assertThat(said(error, "es")).isEqualTo("Escriba un número entre 1 y 10.000.000.");
    }

    @Test
    void aTypoInANumberIsAnErrorOfItsFieldAndLeavesTheValueOut() {
        CodedForm.Parsed parsed = CodedForm.parse(CODEBOOK, "CONTEXT", sizeForm("about 40", ""));
        assertThat(parsed.errors()).containsOnlyKeys("groups[0].estimatedSize");
        CodedForm.FieldError error = parsed.errors().get("groups[0].estimatedSize");
        assertThat(said(error, "en")).isEqualTo("Enter a number, such as 1500 or 2.5.");
        assertThat(said(error, "es")).isEqualTo("Escriba un número, como 1500 o 2.5.");
        assertThat(parsed.document().at("/groups/0/estimatedSize").isMissingNode())
                .isTrue();
    }

    @Test
    void citationsThatAreNotAnObjectAreRefusedAndAYesNoOnlyTakesYesOrNo() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("groups[0].name", List.of("A"));
        form.put("groups[0].sources", List.of("[1, 2]"));
        form.put("groups[0].militantOrigins", List.of("maybe"));
        form.put("sources", List.of("{not json"));
        CodedForm.Parsed parsed = CodedForm.parse(CODEBOOK, "CONTEXT", form);
        assertThat(parsed.errors().keySet())
                .containsExactlyInAnyOrder("groups[0].sources", "groups[0].militantOrigins", "sources");
        assertThat(parsed.errors().get("sources").kind()).isEqualTo(CodedForm.Kind.SOURCES);
    }

    @Test
    void datesAndTextsAreSaidByWhatWasTyped() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("phases[0].phase", List.of("NEGOTIATION"));
        form.put("phases[0].start", List.of("2013-05"));
        form.put("phases[0].end", List.of("2012"));
        form.put("phases[1].start", List.of("1850"));
        form.put("phases[2].start", List.of("March 2012"));
        form.put("phases[3].start", List.of("2031"));
        CodedForm.Parsed parsed = CodedForm.parse(CODEBOOK, "PROCESS", form);
        assertThat(kind(parsed, "process.phases[0].end")).isEqualTo(CodedForm.Kind.BEFORE_START);
        assertThat(kind(parsed, "process.phases[1].start")).isEqualTo(CodedForm.Kind.DATE_EARLY);
        assertThat(kind(parsed, "process.phases[2].start")).isEqualTo(CodedForm.Kind.DATE);
        assertThat(kind(parsed, "process.phases[3].start")).isEqualTo(CodedForm.Kind.DATE_FUTURE);
        assertThat(CodedSection.problems(CODEBOOK, "PROCESS", parsed.document(), TODAY))
                .extracting(CodedSection.FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "process.phases[0].end",
                        "process.phases[1].start",
                        "process.phases[2].start",
                        "process.phases[3].start");

        Map<String, List<String>> longText = Map.of("communication.labelText", List.of("x".repeat(2001)));
        CodedForm.Parsed text = CodedForm.parse(CODEBOOK, "PROCESS", longText);
        CodedForm.FieldError tooLong = text.reason("communication.labelText", "process.communication.labelText", TODAY);
        assertThat(said(tooLong, "en")).isEqualTo("Write at most 2,000 characters.");
    }

    private static CodedForm.Kind kind(CodedForm.Parsed parsed, String path) {
        return parsed.reason(parsed.formField("PROCESS", path), path, TODAY).kind();
    }

    private static JsonNode size(String low, String high) {
        return CodedForm.parse(CODEBOOK, "CONTEXT", sizeForm(low, high))
                .document()
                .path("groups")
                .path(0)
                .get("estimatedSize");
    }

    private static Map<String, List<String>> sizeForm(String low, String high) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("groups[0].name", List.of("A group"));
        form.put("groups[0].estimatedSize.low", List.of(low));
        form.put("groups[0].estimatedSize.high", List.of(high));
        return form;
    }

    /** The error in words, as the console says it: the bundle's English, or its Spanish file. */
    static String said(CodedForm.FieldError error, String language) {
        return CodedWords.said(
                bundle(language), NumberFormat.getNumberInstance(Locale.forLanguageTag(language)), error);
    }

    static CodedMsg bundle(String language) {
        Properties spanish = new Properties();
        try (InputStream in =
                CodedFormTest.class.getClassLoader().getResourceAsStream("messages/coded_es.properties")) {
            spanish.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return (CodedMsg) Proxy.newProxyInstance(
                CodedMsg.class.getClassLoader(), new Class<?>[] {CodedMsg.class}, (proxy, method, args) -> {
                    String template = language.equals("es")
                            ? spanish.getProperty(method.getName())
                            : method.getAnnotation(Message.class).value();
                    // the parameters in the order they appear ({min} then {max})
                    Matcher names = Pattern.compile("\\{(\\w+)}").matcher(template);
                    List<String> order = new ArrayList<>();
                    while (names.find()) {
                        order.add(names.group(1));
                    }
                    String text = template;
                    for (int i = 0; i < order.size(); i++) {
                        text = text.replace("{" + order.get(i) + "}", String.valueOf(args[i]));
                    }
                    return text;
                });
    }
}
