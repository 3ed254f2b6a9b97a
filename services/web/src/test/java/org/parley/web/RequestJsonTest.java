package org.parley.web;

import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every string of a request body meets the control-character rule; the problem names its JSON path. */
class RequestJsonTest {

    record Period(String start) {}

    record Header(String title, Period period, List<String> tags) {}

    record Body(Header header, List<Header> more) {}

    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(RequestJson.textChecks());

    @Test
    void aNulInANestedFieldIsRefusedNamingItsPath() {
        assertThat(fieldOf("{\"header\":{\"title\":\"a\\u0000b\"}}", Body.class))
                .isEqualTo("header.title");
        assertThat(fieldOf("{\"header\":{\"title\":\"t\",\"period\":{\"start\":\"\\u0007\"}}}", Body.class))
                .isEqualTo("header.period.start");
        assertThat(fieldOf("{\"header\":{\"tags\":[\"ok\",\"\\u001b[31m\"]}}", Body.class))
                .isEqualTo("header.tags[1]");
        assertThat(fieldOf("{\"more\":[{},{\"title\":\"\\ud800\"}]}", Body.class))
                .isEqualTo("more[1].title");
    }

    @Test
    void aMergePatchTreeIsCheckedToo() {
        assertThat(fieldOf("{\"criminalGroups\":[{\"name\":\"g\"},{\"name\":\"\\u0000\"}]}", JsonNode.class))
                .isEqualTo("criminalGroups[1].name");
        assertThat(fieldOf("\"\\u0000\"", JsonNode.class)).isEqualTo("body");
    }

    @Test
    void textWithTabsAndLineBreaksAndEveryScriptPasses() throws Exception {
        Body body = json.readValue(
                "{\"header\":{\"title\":\"l\\u00ednea\\n\\ttab\\r\\n\\u062a\\ud83d\\udc69\",\"tags\":[\"x\"]}}",
                Body.class);
        assertThat(body.header().title()).isEqualTo("línea\n\ttab\r\nت\uD83D\uDC69");
        assertThat(json.readTree("{\"a\":[\"b\",{\"c\":\"d\\n\"}]}")
                        .path("a")
                        .get(1)
                        .path("c")
                        .asText())
                .isEqualTo("d\n");
        assertThat(json.readValue("null", JsonNode.class).isNull()).isTrue();
    }

    @Test
    void theProblemNamesTheFieldAndTheRuleButNeverTheValue() {
        MismatchedInputException refused = catchThrowableOfType(
                () -> json.readValue("{\"header\":{\"title\":\"SECRET\\u0000\"}}", Body.class),
                MismatchedInputException.class);
        Response response = new ProblemMappers().malformedJson(refused);
        Problem problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("header.title", ControlCharacters.CONTROL));
        assertThat(problem.toString()).doesNotContain("SECRET");
    }

    @Test
    void storedTextIsNotTheEdgesBusiness() throws Exception {
        // The plain mapper (used for stored documents) keeps reading what was accepted before the rule.
        assertThat(new ObjectMapper()
                        .readValue("{\"title\":\"\\u0007\"}", Header.class)
                        .title())
                .isEqualTo("\u0007");
        assertThatThrownBy(() -> json.readValue("{\"title\":\"\\u0007\"}", Header.class))
                .isInstanceOf(RefusedTextException.class);
    }

    private String fieldOf(String body, Class<?> type) {
        RefusedTextException refused =
                catchThrowableOfType(() -> json.readValue(body, type), RefusedTextException.class);
        assertThat(refused).as(body).isNotNull();
        Problem problem = (Problem) new ProblemMappers().malformedJson(refused).getEntity();
        return problem.errors().get(0).field();
    }
}
