package org.parley.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;
import org.parley.policy.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A parameter that does not convert, or carries control characters, is a 400 naming it. */
class ParameterConvertersTest {

    @SuppressWarnings("unused")
    void endpoint(
            @QueryParam("limit") Integer limit,
            @QueryParam("since") Long since,
            @QueryParam("released") Boolean released,
            @PathParam("id") UUID id,
            @QueryParam("tier") Tier tier,
            @QueryParam("from") LocalDate from,
            @QueryParam("at") Instant at,
            @HeaderParam("If-Match") String ifMatch,
            @QueryParam("actor") String actor,
            Object body) {}

    private final ParameterConverters converters = new ParameterConverters();

    @Test
    void valuesThatConvertAreConverted() {
        assertThat(convert(0, Integer.class, "42")).isEqualTo(42);
        assertThat(convert(1, Long.class, " 7 ")).isEqualTo(7L);
        assertThat(convert(2, Boolean.class, "TRUE")).isEqualTo(true);
        UUID id = UUID.randomUUID();
        assertThat(convert(3, UUID.class, id.toString())).isEqualTo(id);
        assertThat(convert(4, Tier.class, "SECRET")).isEqualTo(Tier.SECRET);
        assertThat(convert(5, LocalDate.class, "2020-02-29")).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(convert(6, Instant.class, "2026-01-31T12:00:00Z")).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
        assertThat(convert(7, String.class, "\"3\"")).isEqualTo("\"3\"");
        assertThat(convert(8, String.class, "line\tand\nbreak")).isEqualTo("line\tand\nbreak");
        assertThat(convert(0, Integer.class, null)).isNull();
    }

    @Test
    void valuesThatDoNotConvertNameTheParameter() {
        assertThat(refusal(0, Integer.class, "abc"))
                .isEqualTo(new Problem.FieldError("limit", "must be a whole number"));
        assertThat(refusal(0, Integer.class, "99999999999"))
                .isEqualTo(new Problem.FieldError("limit", "must be a whole number"));
        assertThat(refusal(1, Long.class, "1.5").field()).isEqualTo("since");
        assertThat(refusal(2, Boolean.class, "maybe"))
                .isEqualTo(new Problem.FieldError("released", "must be true or false"));
        assertThat(refusal(3, UUID.class, "1-2-3-4-5").field()).isEqualTo("id");
        assertThat(refusal(4, Tier.class, "TOP_SECRET").message()).startsWith("must be one of [");
        assertThat(refusal(5, LocalDate.class, "2020-13-01").field()).isEqualTo("from");
        assertThat(refusal(6, Instant.class, "yesterday").field()).isEqualTo("at");
    }

    @Test
    void controlCharactersInAnyParameterAreRefused() {
        assertThat(refusal(8, String.class, "\u0000"))
                .isEqualTo(new Problem.FieldError("actor", ControlCharacters.CONTROL));
        assertThat(refusal(7, String.class, "\"3\"\u0001").field()).isEqualTo("If-Match");
        assertThat(refusal(0, Integer.class, "1\u0000").message()).isEqualTo(ControlCharacters.CONTROL);
    }

    @Test
    void onlyRequestParametersOfKnownTypesAreTakenOver() throws Exception {
        assertThat(converters.getConverter(Object.class, Object.class, annotations(9)))
                .isNull();
        assertThat(converters.getConverter(List.class, List.class, annotations(8)))
                .isNull();
        assertThat(converters.getConverter(String.class, String.class, new Annotation[0]))
                .isNull();
    }

    @Test
    void theFrameworksWrappingIsUnwrappedIntoTheProblem() {
        ProblemException refused =
                catchThrowableOfType(() -> converter(0, Integer.class).fromString("abc"), ProblemException.class);
        // JAX-RS wraps a query parameter's conversion failure in a 404; the mapper answers the 400 inside.
        Response response = new ProblemMappers().web(new NotFoundException(refused));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(((Problem) response.getEntity()).errors())
                .extracting(Problem.FieldError::field)
                .containsExactly("limit");
        // A conversion this provider does not own still is a 400, not "No resource with this id".
        Response other = new ProblemMappers().web(new NotFoundException(new IllegalArgumentException("x")));
        assertThat(other.getStatus()).isEqualTo(400);
        // An unknown route stays the 404.
        assertThat(new ProblemMappers().web(new NotFoundException()).getStatus())
                .isEqualTo(404);
    }

    private Object convert(int index, Class<?> type, String value) {
        return converter(index, type).fromString(value);
    }

    private Problem.FieldError refusal(int index, Class<?> type, String value) {
        ProblemException refused = catchThrowableOfType(() -> convert(index, type, value), ProblemException.class);
        assertThat(refused).as(value).isNotNull();
        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(refused.problem().toString()).doesNotContain(value);
        return refused.problem().errors().get(0);
    }

    @SuppressWarnings("unchecked")
    private ParamConverter<Object> converter(int index, Class<?> type) {
        ParamConverter<?> converter = converters.getConverter(type, type, annotations(index));
        assertThat(converter).isNotNull();
        return (ParamConverter<Object>) converter;
    }

    private static Annotation[] annotations(int index) {
        for (Method method : ParameterConvertersTest.class.getDeclaredMethods()) {
            if (method.getName().equals("endpoint")) {
                return method.getParameterAnnotations()[index];
            }
        }
        throw new IllegalStateException("no endpoint");
    }
}
