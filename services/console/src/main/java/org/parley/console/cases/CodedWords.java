package org.parley.console.cases;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.i18n.Localized;
import org.parley.console.i18n.CodedMsg;
import org.parley.console.web.Ctx;

/** A coded form's field errors in the reader's language. */
@RequestScoped
public class CodedWords {

    private final Ctx ctx;
    private final CodedMsg english;
    private final CodedMsg spanish;

    @Inject
    public CodedWords(Ctx ctx, CodedMsg english, @Localized("es") CodedMsg spanish) {
        this.ctx = ctx;
        this.english = english;
        this.spanish = spanish;
    }

    /** Each field's error in words, by form field. */
    public Map<String, String> of(Map<String, CodedForm.FieldError> errors) {
        CodedMsg words = "es".equals(ctx.lang()) ? spanish : english;
        NumberFormat numbers = NumberFormat.getNumberInstance(ctx.locale());
        Map<String, String> said = new LinkedHashMap<>();
        errors.forEach((field, error) -> said.put(field, said(words, numbers, error)));
        return said;
    }

    static String said(CodedMsg words, NumberFormat numbers, CodedForm.FieldError error) {
        return switch (error.kind()) {
            case NUMBER -> words.err_number();
            case RANGE ->
                words.err_range(
                        error.min() == null ? "−∞" : numbers.format(error.min()),
                        error.max() == null ? "∞" : numbers.format(error.max()));
            case REVERSED -> words.err_reversed();
            case DATE -> words.err_date();
            case DATE_EARLY -> words.err_date_early();
            case DATE_FUTURE -> words.err_date_future();
            case BEFORE_START -> words.err_before_start();
            case TOO_LONG -> words.err_too_long(numbers.format(error.max()));
            case TEXT -> words.err_text();
            case CHOICE -> words.err_choice();
            case TOO_MANY -> words.err_too_many();
            case SOURCES -> words.err_sources();
            case OTHER -> words.err_other();
        };
    }
}
