package org.parley.web;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Text a person reads as a label or a justification (a title, a name, a reason) must say something: at
 * least one visible character, and no bidirectional override, embedding or isolate that makes it display
 * as something other than what it is (U+202A–U+202E, U+2066–U+2069: "Trojan Source"). A reason made only
 * of a zero-width space, format or control characters or whitespace only looks present.
 *
 * <p>Such text is refused (400 naming the field), never rewritten: what a person wrote is stored, shown
 * and audited exactly as written, and a silent edit of a reason or a title would make the record differ
 * from what they sent. Invisible characters beside visible ones are kept: Persian needs the zero-width
 * non-joiner, emoji the joiner, mixed-direction text the left-to-right and right-to-left marks. Null is
 * valid (presence is {@code @NotNull}'s rule), so optional fields may be absent but not invisible.
 */
@Documented
@Constraint(validatedBy = VisibleText.Validator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface VisibleText {

    String INVISIBLE = "must contain a visible character";
    String BIDI_CONTROL = "must not contain bidirectional override, embedding or isolate characters";

    String message() default INVISIBLE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<VisibleText, CharSequence> {

        /** Letters that render as nothing: Hangul fillers, and the blank Braille pattern. */
        private static final Set<Integer> BLANK_LETTERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            Optional<String> refusal = refusal(text);
            if (refusal.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(refusal.get()).addConstraintViolation();
            return false;
        }

        /** Why the text is refused, or empty when it is acceptable (null is). */
        public static Optional<String> refusal(CharSequence text) {
            if (text == null) {
                return Optional.empty();
            }
            boolean visible = false;
            for (int i = 0; i < text.length(); ) {
                int codePoint = Character.codePointAt(text, i);
                if (isBidiControl(codePoint)) {
                    return Optional.of(BIDI_CONTROL);
                }
                visible |= isVisible(codePoint);
                i += Character.charCount(codePoint);
            }
            return visible ? Optional.empty() : Optional.of(INVISIBLE);
        }

        static boolean isBidiControl(int codePoint) {
            return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
        }

        /** A character that leaves a mark by itself: a letter, digit, punctuation, symbol or spacing mark. */
        static boolean isVisible(int codePoint) {
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                return false;
            }
            if (BLANK_LETTERS.contains(codePoint)) {
                return false;
            }
            return switch (Character.getType(codePoint)) {
                case Character.CONTROL,
                        Character.FORMAT,
                        Character.SURROGATE,
                        Character.UNASSIGNED,
                        Character.PRIVATE_USE,
                        Character.NON_SPACING_MARK,
                        Character.ENCLOSING_MARK -> false;
                default -> true;
            };
        }
    }
}
