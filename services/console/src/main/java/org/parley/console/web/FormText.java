package org.parley.console.web;

import java.util.ArrayList;
import java.util.List;

/** What a form's free text becomes in a request to a service. */
public final class FormText {

    private FormText() {}

    /** A textarea's non-blank lines, stripped, in order (an empty list for none): one list entry per line. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }
}
