package org.parley.web;

import java.util.List;

/** The {@code limit} query parameter of a paged list: a whole number from 1 to the list's most. */
public final class PageLimit {

    private PageLimit() {}

    /**
     * The page size {@code text} asks for, {@code fallback} when it is absent; when it is not a whole number from 1 to
     * {@code most}, an error naming {@code limit} is added to {@code errors} and {@code fallback} is answered.
     */
    public static int parse(String text, int fallback, int most, List<Problem.FieldError> errors) {
        if (text == null) {
            return fallback;
        }
        int size;
        try {
            size = Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            size = -1;
        }
        if (size < 1 || size > most) {
            errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to " + most));
            return fallback;
        }
        return size;
    }
}
