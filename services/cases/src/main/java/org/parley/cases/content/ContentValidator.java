package org.parley.cases.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * Checks content against the constraints of its records and answers with one 400 problem naming every
 * invalid field by its path in the request body ({@code header.period.end}), never quoting a value.
 */
@ApplicationScoped
public class ContentValidator {

    private final Validator validator;

    @Inject
    public ContentValidator(Validator validator) {
        this.validator = validator;
    }

    public <T> T valid(T content) {
        if (content == null) {
            throw new ProblemException(Problems.badRequest("The body is missing."));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(content);
        if (!violations.isEmpty()) {
            List<Problem.FieldError> errors = new ArrayList<>();
            for (ConstraintViolation<T> violation : violations) {
                errors.add(new Problem.FieldError(fieldOf(violation), violation.getMessage()));
            }
            errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
            throw new ProblemException(Problems.invalid(errors));
        }
        return content;
    }

    /** "context.precedents[2].&lt;list element&gt;" reads as "context.precedents[2]". */
    static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replace(".<list element>", "");
        return path.isEmpty() ? "body" : path;
    }
}
