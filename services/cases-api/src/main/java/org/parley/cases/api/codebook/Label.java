package org.parley.cases.api.codebook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A name or text of the codebook in each of its languages. */
@Schema(description = "A text in English and Spanish.")
public record Label(String en, String es) {

    /** The text in {@code language} ("en" or "es"); English for any other language or a blank translation. */
    public String in(String language) {
        return "es".equals(language) && es != null && !es.isBlank() ? es : en;
    }
}
