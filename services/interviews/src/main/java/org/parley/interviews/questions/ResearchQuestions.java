package org.parley.interviews.questions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.parley.cases.api.codebook.Codebook;
import org.parley.web.Problem;

/**
 * The research agenda's questions an interview or an excerpt informs, as the codebook's codes (RQ1 to RQ8):
 * the codebook ({@link Codebook#standard()}, the cases service's API module) is the one list, never repeated
 * here. The codes are not secret: they are stored in clear, like themes, for the list to filter by.
 */
public final class ResearchQuestions {

    /** The codebook's codes, in its order. */
    public static final List<String> CODES = Codebook.standard().researchQuestionCodes();

    private static final String MESSAGE = "must be a research question of the codebook: " + String.join(", ", CODES);

    private ResearchQuestions() {}

    public static boolean isCode(String value) {
        return value != null && CODES.contains(value);
    }

    /**
     * The given codes as stored: each once, in the codebook's order; none when none are given. Every value the
     * codebook does not know is an error naming {@code field[i]} (never echoing the value).
     */
    public static String[] checked(String field, List<String> given, List<Problem.FieldError> errors) {
        if (given == null) {
            return new String[0];
        }
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            if (isCode(given.get(i))) {
                chosen.add(given.get(i));
            } else {
                errors.add(new Problem.FieldError(field + "[" + i + "]", MESSAGE));
            }
        }
        return CODES.stream().filter(chosen::contains).toArray(String[]::new);
    }

    /** Stored codes as answered; a code the codebook no longer knows stays as stored. */
    public static List<String> of(String[] stored) {
        return stored == null ? List.of() : List.copyOf(Arrays.asList(stored));
    }

    /** A {@code text[]} column as a native query answers it (an array, or JDBC's own). */
    public static List<String> ofColumn(Object column) {
        try {
            Object value = column instanceof java.sql.Array array ? array.getArray() : column;
            if (value instanceof Object[] values) {
                return Arrays.stream(values).map(String::valueOf).toList();
            }
            return List.of();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("research questions unreadable: " + e.getSQLState(), e);
        }
    }

    /** The error of the list filter, which names the parameter ({@code question}) without an index. */
    public static List<String> filter(List<String> given, List<Problem.FieldError> errors) {
        List<String> codes = new ArrayList<>();
        boolean unknown = false;
        for (String raw : given == null ? List.<String>of() : given) {
            if (isCode(raw)) {
                codes.add(raw);
            } else {
                unknown = true;
            }
        }
        if (unknown) {
            errors.add(new Problem.FieldError("question", MESSAGE));
        }
        return codes.stream().distinct().toList();
    }
}
