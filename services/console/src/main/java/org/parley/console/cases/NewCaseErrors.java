package org.parley.console.cases;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.console.clients.Problem;
import org.parley.console.web.Paths;

/**
 * What the cases service refused in a new case, by field of the form, each as a key of the labels bundle's
 * {@code fielderr} group. The problem's field paths ({@code header.period.end}) only say which field; they are
 * never shown. The words come from the form's own rule for that field and what was typed (blank: required; an
 * end before the start), not from the service's message, which is English. A path the form has no field for
 * (the service refusing something this form does not send) is {@code other}: said, never named.
 */
public record NewCaseErrors(Map<String, String> fields, boolean other) {

    private static final Map<String, String> FORM_FIELDS = Map.of(
            "header.title", "title",
            "header.country", "country",
            "header.region", "region",
            "header.period", "start",
            "header.period.start", "start",
            "header.period.end", "end",
            "header.status", "status");

    public NewCaseErrors {
        fields = Map.copyOf(fields);
    }

    public static NewCaseErrors none() {
        return new NewCaseErrors(Map.of(), false);
    }

    /** The errors of a 400: {@code problem} as the service answered it, {@code typed} the form it refused. */
    public static NewCaseErrors of(Problem problem, NewCaseForm typed) {
        List<Problem.FieldError> named = problem.errors() == null ? List.of() : problem.errors();
        Map<String, String> fields = new LinkedHashMap<>();
        // a 400 that names no field (a malformed body) still says something went wrong
        boolean other = named.isEmpty();
        for (Problem.FieldError error : named) {
            String field = error.field() == null ? null : FORM_FIELDS.get(error.field());
            if (field == null) {
                other = true;
            } else {
                fields.putIfAbsent(field, reason(field, typed));
            }
        }
        return new NewCaseErrors(fields, other);
    }

    private static String reason(String field, NewCaseForm typed) {
        return switch (field) {
            case "title" -> blank(typed.title()) ? "required" : "title";
            case "country" -> blank(typed.country()) ? "required" : "country";
            case "start" -> blank(typed.start()) ? "required" : "date";
            case "end" -> endBeforeStart(typed) ? "before_start" : "date";
            case "status" -> blank(typed.status()) ? "required" : "choice";
            default -> "text";
        };
    }

    private static boolean blank(String value) {
        return Paths.blankToNull(value) == null;
    }

    private static boolean endBeforeStart(NewCaseForm typed) {
        try {
            return !blank(typed.start())
                    && !blank(typed.end())
                    && LocalDate.parse(typed.end().strip())
                            .isBefore(LocalDate.parse(typed.start().strip()));
        } catch (DateTimeParseException notADate) {
            return false;
        }
    }

    public boolean any() {
        return other || !fields.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The field's error as a {@code fielderr} key, or null. */
    public String of(String field) {
        return fields.get(field);
    }
}
