package org.parley.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A string in a request body that {@link ControlCharacters} refuses. Jackson adds the field's path as it
 * unwinds, so the problem names {@code header.title} or {@code quotes[2].text}; the message is the rule's,
 * never the value.
 */
public class RefusedTextException extends MismatchedInputException {

    private final String reason;

    public RefusedTextException(JsonParser parser, String reason) {
        super(parser, reason, String.class);
        this.reason = reason;
    }

    /** What is wrong with the text, for the caller. */
    public String reason() {
        return reason;
    }
}
