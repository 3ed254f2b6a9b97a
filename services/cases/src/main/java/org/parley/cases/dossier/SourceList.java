package org.parley.cases.dossier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.w3c.dom.Element;

/**
 * The case's sources: every citation of the sections printed, numbered in the order first cited, so a value shows
 * "[1, 3]" and the list at the end says what 1 and 3 are. Only what the coded view holds is here: an excerpt
 * citation the reader may not see was removed before ({@code ExcerptCitations}), so it is neither numbered nor
 * listed.
 */
final class SourceList {

    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final List<JsonNode> citations = new ArrayList<>();

    /** The numbers of the citations {@code object} gives for its value {@code field}: "[1, 3]", or null for none. */
    String refs(JsonNode object, String field) {
        JsonNode cited = object == null ? null : object.path("sources").path(field);
        if (cited == null || !cited.isArray() || cited.isEmpty()) {
            return null;
        }
        List<Integer> refs = new ArrayList<>();
        for (JsonNode citation : cited) {
            refs.add(numbers.computeIfAbsent(citation.toString(), key -> {
                citations.add(citation);
                return citations.size();
            }));
        }
        return refs.stream().distinct().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    /** The numbered list, or a line saying no source is cited. */
    void render(Xhtml html, Element parent, String language) {
        if (citations.isEmpty()) {
            html.text(parent, "p", "quiet", Words.NO_SOURCES.in(language));
            return;
        }
        Element list = html.add(parent, "table", "sources");
        for (int i = 0; i < citations.size(); i++) {
            Element row = html.add(list, "tr");
            html.text(row, "td", "number", "[" + (i + 1) + "]");
            html.text(row, "td", describe(citations.get(i), language));
        }
    }

    /** "IFIT, Bargaining with the Devil… (2020), page 7-8, note 19", or "Interview excerpt 4c0e…/1". */
    private static String describe(JsonNode citation, String language) {
        if (citation.hasNonNull("excerpt")) {
            return Words.EXCERPT.in(language) + " " + citation.get("excerpt").asText();
        }
        StringBuilder text = new StringBuilder(citation.path("publication").asText(""));
        if (citation.hasNonNull("page")) {
            text.append(", ")
                    .append(Words.PAGE.in(language))
                    .append(' ')
                    .append(citation.get("page").asText());
        }
        if (citation.hasNonNull("endnote")) {
            text.append(", ")
                    .append(Words.NOTE.in(language))
                    .append(' ')
                    .append(citation.get("endnote").asText());
        }
        return text.toString();
    }
}
