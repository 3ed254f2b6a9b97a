package org.parley.web;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.jspecify.annotations.Nullable;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A date of something that happened or is planned in a negotiation (a case's period, a timeline entry, an
 * interview's month): from {@value #EARLIEST} to one year after today (UTC). Year 0000 was stored as 0001
 * and +99999 was accepted; no record of this work is older than 1900 or further ahead than a year.
 * On a {@link LocalDate}, a {@link YearMonth} (its first day counts), or a String holding either; a String
 * in neither form is left to the field's format rule. Null is valid.
 */
@Documented
@Constraint(validatedBy = {PlausibleDate.ForDate.class, PlausibleDate.ForMonth.class, PlausibleDate.ForText.class})
@Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface PlausibleDate {

    String EARLIEST = "1900-01-01";

    String message() default "must be between " + EARLIEST + " and one year from today";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself, for code and tests that hold a date and a clock. */
    final class Range {
        public static final LocalDate FIRST = LocalDate.parse(EARLIEST);

        private Range() {}

        /** The last acceptable day when today is {@code today}. */
        public static LocalDate last(LocalDate today) {
            return today.plusYears(1);
        }

        public static boolean contains(LocalDate date, LocalDate today) {
            return !date.isBefore(FIRST) && !date.isAfter(last(today));
        }

        /** Today as the rule counts it: the UTC date, so every replica draws the line on the same day. */
        static LocalDate today(Clock clock) {
            return LocalDate.now(clock);
        }
    }

    class ForDate implements ConstraintValidator<PlausibleDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            return date == null
                    || Range.contains(
                            date, Range.today(context.getClockProvider().getClock()));
        }
    }

    class ForMonth implements ConstraintValidator<PlausibleDate, YearMonth> {
        @Override
        public boolean isValid(YearMonth month, ConstraintValidatorContext context) {
            return month == null
                    || Range.contains(
                            month.atDay(1),
                            Range.today(context.getClockProvider().getClock()));
        }
    }

    class ForText implements ConstraintValidator<PlausibleDate, CharSequence> {
        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            if (text == null) {
                return true;
            }
            LocalDate date = parse(text.toString());
            return date == null
                    || Range.contains(
                            date, Range.today(context.getClockProvider().getClock()));
        }

        /** "YYYY-MM-DD" or "YYYY-MM" (as its first day); null for anything else. */
        static @Nullable LocalDate parse(String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException notADay) {
                try {
                    return YearMonth.parse(text).atDay(1);
                } catch (DateTimeParseException notAMonth) {
                    return null;
                }
            }
        }
    }
}
