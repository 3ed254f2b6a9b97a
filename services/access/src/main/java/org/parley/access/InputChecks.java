package org.parley.access;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.parley.web.VisibleText;

/**
 * Checks what an endpoint of the API interfaces was sent, against the constraints of the service's own input
 * records. Bean Validation forbids parameter constraints on a method that implements an interface, so the
 * resources call these instead; a violation is the 400 problem parameter validation gave, naming the same fields.
 */
@ApplicationScoped
public class InputChecks {

    private final Validator validator;

    @Inject
    public InputChecks(Validator validator) {
        this.validator = validator;
    }

    /** A body that must be present and valid. */
    public <T> T required(T body) {
        check(new Present(body));
        return optional(body);
    }

    /** A body that may be absent, valid when present. */
    public <T> T optional(T body) {
        if (body != null) {
            check(body);
        }
        return body;
    }

    /** The reason a removal or revocation gives in its query. */
    public String reason(String reason) {
        check(new Reason(reason));
        return reason;
    }

    private <T> void check(T checked) {
        Set<ConstraintViolation<T>> violations = validator.validate(checked);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    // The fields are named as method validation named them: "body" when it is missing, else the body's own
    // field ("reason"), and the query parameter's name.

    record Present(@NotNull Object body) {}

    record Reason(@NotBlank @VisibleText @Size(max = 2000) String reason) {}
}
