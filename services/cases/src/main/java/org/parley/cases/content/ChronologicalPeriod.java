package org.parley.cases.content;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** A period whose end, when there is one, is not before its start. Reported on the {@code end} field. */
@Documented
@Constraint(validatedBy = ChronologicalPeriod.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ChronologicalPeriod {
    String message() default "must not be before start";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ChronologicalPeriod, Period> {
        @Override
        public boolean isValid(Period period, ConstraintValidatorContext context) {
            if (period == null
                    || period.start() == null
                    || period.end() == null
                    || !period.end().isBefore(period.start())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("end")
                    .addConstraintViolation();
            return false;
        }
    }
}
