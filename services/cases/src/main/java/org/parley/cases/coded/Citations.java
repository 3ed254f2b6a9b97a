package org.parley.cases.coded;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Citations of interview excerpts in a coded section, kept only for a reader who may see the excerpt: for anyone
 * else the citation is removed before the answer is built, as if it had never been made (a field left with no
 * citation loses its entry, an object with none its {@code sources}).
 */
public final class Citations {

    private static final String SOURCES = "sources";
    /** The key of an excerpt citation (ExcerptCitations finds them in stored text by it). */
    static final String EXCERPT = "excerpt";

    private Citations() {}

    /** The document with every excerpt citation {@code visible} refuses removed (in place). */
    public static ObjectNode keepExcerpts(ObjectNode document, Predicate<String> visible) {
        strip(document, visible);
        return document;
    }

    private static void strip(JsonNode node, Predicate<String> visible) {
        if (node.isArray()) {
            node.forEach(element -> strip(element, visible));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals(SOURCES)) {
                if (!keepVisible(field.getValue(), visible)) {
                    fields.remove();
                }
            } else {
                strip(field.getValue(), visible);
            }
        }
    }

    /** Removes refused excerpt citations from one {@code sources} object; false when nothing is left. */
    private static boolean keepVisible(JsonNode sources, Predicate<String> visible) {
        if (!sources.isObject()) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> cited = sources.fields(); cited.hasNext(); ) {
            JsonNode list = cited.next().getValue();
            if (list.isArray()) {
                ArrayNode citations = (ArrayNode) list;
                for (int i = citations.size() - 1; i >= 0; i--) {
                    JsonNode excerpt = citations.get(i).get(EXCERPT);
                    if (excerpt != null && !visible.test(excerpt.asText())) {
                        citations.remove(i);
                    }
                }
                if (citations.isEmpty()) {
                    cited.remove();
                }
            }
        }
        return !sources.isEmpty();
    }
}
