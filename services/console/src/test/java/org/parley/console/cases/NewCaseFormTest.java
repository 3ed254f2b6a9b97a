package org.parley.console.cases;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.console.clients.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/** The "new case" form: the body it sends, and how a 400's field paths become errors next to its fields. */
class NewCaseFormTest {

    private static final NewCaseForm TYPED =
            new NewCaseForm(" Guerrero truce ", "mx", "  ", "2021-05-01", "2020-01-31", "ACTIVE");

    @Test
    void theBodyIsTheHeaderWithBlanksAbsentAndTheCountryInUpperCase() {
        Map<String, Object> header = header(TYPED.body());
        assertThat(header)
                .containsEntry("title", "Guerrero truce")
                .containsEntry("country", "MX")
                .containsEntry("status", "ACTIVE")
                .containsEntry("region", null);
        assertThat(header.get("period")).isEqualTo(Map.of("start", "2021-05-01", "end", "2020-01-31"));
        assertThat(TYPED.body()).containsOnlyKeys("header");
    }

    @Test
    void anEmptyFormSendsNullsForTheServiceToName() {
        Map<String, Object> header = header(NewCaseForm.empty().body());
        assertThat(header.get("title")).isNull();
        assertThat(header.get("country")).isNull();
        assertThat(header.get("status")).isNull();
        assertThat(header(header, "period")).containsEntry("start", null).containsEntry("end", null);
    }

    @Test
    void eachNamedPathBecomesItsFormFieldWithWordsFromWhatWasTyped() {
        NewCaseErrors errors = NewCaseErrors.of(
                problem("header.period.end", "header.country", "header.title", "header.status"), TYPED);
        assertThat(errors.fields())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("end", "before_start", "country", "country", "title", "title", "status", "choice"));
        assertThat(errors.other()).isFalse();
        assertThat(errors.any()).isTrue();
        assertThat(errors.has("region")).isFalse();
        assertThat(errors.of("region")).isNull();
    }

    @Test
    void aBlankRequiredFieldIsSaidToBeRequired() {
        NewCaseForm blank = new NewCaseForm("", " ", "", "", "", "");
        NewCaseErrors errors = NewCaseErrors.of(
                problem("header.title", "header.country", "header.period.start", "header.status"), blank);
        assertThat(errors.fields().values()).containsOnly("required");
        assertThat(errors.fields()).containsOnlyKeys("title", "country", "start", "status");
    }

    @Test
    void anEndAfterTheStartOrNotADateIsADateError() {
        NewCaseForm later = new NewCaseForm("t", "MX", "", "2020-01-01", "2030-01-01", "ACTIVE");
        assertThat(NewCaseErrors.of(problem("header.period.end"), later).of("end"))
                .isEqualTo("date");
        NewCaseForm garbled = new NewCaseForm("t", "MX", "", "2020-01-01", "last year", "ACTIVE");
        assertThat(NewCaseErrors.of(problem("header.period.end", "header.region"), garbled)
                        .fields())
                .containsExactlyInAnyOrderEntriesOf(Map.of("end", "date", "region", "text"));
        assertThat(NewCaseErrors.of(problem("header.period"), garbled).of("start"))
                .isEqualTo("date");
    }

    @Test
    void aPathTheFormHasNoFieldForIsSaidButNeverNamed() {
        NewCaseErrors errors = NewCaseErrors.of(problem("linkedCases", "header.title"), TYPED);
        assertThat(errors.other()).isTrue();
        assertThat(errors.fields()).containsOnlyKeys("title");
        assertThat(errors.toString()).doesNotContain("linkedCases");

        NewCaseErrors unnamed = NewCaseErrors.of(new Problem(null, "Bad Request", 400, "malformed", null), TYPED);
        assertThat(unnamed.other()).isTrue();
        assertThat(unnamed.fields()).isEmpty();
    }

    @Test
    void noErrorsBeforeTheFirstTry() {
        assertThat(NewCaseErrors.none().any()).isFalse();
    }

    private static Map<String, Object> header(Map<String, Object> body) {
        return header(body, "header");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> header(Map<String, Object> body, String key) {
        return (Map<String, Object>) body.get(key);
    }

    private static Problem problem(String... fields) {
        return new Problem(
                "about:blank",
                "Invalid request",
                400,
                null,
                Arrays.stream(fields)
                        .map(f -> new Problem.FieldError(f, "must be valid"))
                        .toList());
    }
}
