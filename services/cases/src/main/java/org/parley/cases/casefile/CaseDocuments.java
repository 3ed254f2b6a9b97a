package org.parley.cases.casefile;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.cases.api.TimelineEntry;
import org.parley.cases.content.Context;
import org.parley.cases.content.Process;
import org.parley.cases.content.Results;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * The sections' JSON: stored documents to records and back, and JSON merge patches (RFC 7386) applied to
 * a section. Binding errors name the field and never echo the value.
 */
@ApplicationScoped
public class CaseDocuments {

    private static final TypeReference<List<TimelineEntry>> TIMELINE = new TypeReference<>() {};

    private final ObjectMapper json;

    @Inject
    public CaseDocuments(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a section could not be written as JSON", null);
        }
    }

    public Context context(String stored) {
        return read(stored, Context.class);
    }

    public Process process(String stored) {
        return read(stored, Process.class);
    }

    public Results results(String stored) {
        return read(stored, Results.class);
    }

    public List<TimelineEntry> timeline(String stored) {
        try {
            return json.readValue(stored, TIMELINE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored timeline is not readable", null);
        }
    }

    public ObjectNode tree(Object document) {
        return json.valueToTree(document);
    }

    /** A stored section as the given record: the checked one of {@code content}, or the API's to answer with. */
    public <T> T read(String stored, Class<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            // Stored documents were written from the checked records: this is a fault, and says nothing of the content.
            throw new IllegalStateException("a stored section is not readable as " + type.getSimpleName(), null);
        }
    }

    /** Binds a (merged) section document to its record; a bad field is a 400 naming it. */
    public <T> T bind(JsonNode document, Class<T> type) {
        try {
            return json.treeToValue(document, type);
        } catch (UnrecognizedPropertyException e) {
            throw invalid(path(e), "unknown field");
        } catch (JsonMappingException e) {
            throw invalid(path(e), "invalid value");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProblemException(Problems.badRequest("The body does not describe this section."));
        }
    }

    /** RFC 7386: members of the patch replace the target's, null removes them, objects merge recursively. */
    public static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(Problems.invalid(List.of(new Problem.FieldError(field, message))));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
