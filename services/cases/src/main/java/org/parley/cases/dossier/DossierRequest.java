package org.parley.cases.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.parley.cases.api.DossierApi;
import org.parley.cases.export.Ceiling;
import org.parley.policy.Tier;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * A dossier asked for, checked: its tier ceiling (SECRET when absent, as the export names them) and its language.
 *
 * @param language "en" or "es": {@code lang}, else the best of {@code Accept-Language}, else English
 */
public record DossierRequest(Ceiling ceiling, String language) {

    /** The languages a dossier is written in, the codebook's. */
    static final List<String> LANGUAGES = List.of("en", "es");

    /**
     * The parameters checked: an unknown ceiling or lang is a 400 naming it, never quoting it. A malformed or
     * unmatched Accept-Language is no error: it only says what the browser prefers, so English stands in.
     */
    public static DossierRequest parse(String ceiling, String lang, String acceptLanguage) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Ceiling checked =
                ceiling == null ? new Ceiling(Tier.SECRET) : Ceiling.of(ceiling).orElse(null);
        if (checked == null) {
            errors.add(new Problem.FieldError("ceiling", "must be one of " + Ceiling.NAMES));
        }
        if (lang != null && !LANGUAGES.contains(lang)) {
            errors.add(new Problem.FieldError("lang", "must be one of " + DossierApi.LANGUAGES));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
        return new DossierRequest(checked, lang != null ? lang : preferred(acceptLanguage));
    }

    private static String preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "en";
        }
        try {
            String best = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return best == null ? "en" : best;
        } catch (IllegalArgumentException malformed) {
            return "en";
        }
    }
}
