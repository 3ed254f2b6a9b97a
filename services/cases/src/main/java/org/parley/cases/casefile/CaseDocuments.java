package org.parley.cases.casefile;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

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
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.parley.cases.api.CaseView.ProcessView;
import org.parley.cases.api.TimelineEntry;
import org.parley.cases.coded.LegacyShape;
import org.parley.policy.Section;
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
    private final SharedSectionJson sharedJson;

    @Inject
    public CaseDocuments(ObjectMapper json, SharedSectionJson sharedJson) {
        this.json = json;
        this.sharedJson = sharedJson;
    }

    public String write(Object document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a section could not be written as JSON", null);
        }
    }

    /** A stored document as it is (the timeline's entries are already in their answered shape). */
    public JsonNode storedTree(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored document is not readable", null);
        }
    }

    /** A stored section: the codebook's shape (docs/codebook.md), which the service stores since V4. */
    public ObjectNode coded(String stored) {
        try {
            JsonNode tree = json.readTree(stored);
            return tree.isObject() ? (ObjectNode) tree : JsonNodeFactory.instance.objectNode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored section is not readable", null);
        }
    }

    /** A stored section in the first (v1) shape, derived from its coded document, as the given record. */
    public <T> T legacy(String stored, Section section, Class<T> type) {
        ObjectNode coded = coded(stored);
        JsonNode v1 = switch (section) {
            case CONTEXT -> LegacyShape.legacyContext(coded);
            case PROCESS -> LegacyShape.legacyProcess(coded);
            case RESULTS -> LegacyShape.legacyResults(coded);
            case HEADER, INTERVIEWS -> throw new IllegalArgumentException("no stored document: " + section);
        };
        try {
            return json.treeToValue(v1, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Derived from a document the codebook checked: a fault, and says nothing of the content.
            throw new IllegalStateException("a stored section is not readable as " + type.getSimpleName(), null);
        }
    }

    /** Where a case's answered (v1) section record is kept: the case, the section and the record it was read as. */
    private record AnsweredKey(UUID caseId, Section section, Class<?> type) {}

    /** An answered record with the stored text it was made from (for the PROCESS, and its timeline's, or null). */
    private record Answered(String stored, String timeline, Object view) {

        boolean madeFrom(String text, String timelineText) {
            return stored.equals(text) && Objects.equals(timeline, timelineText);
        }

        int length() {
            return stored.length() + (timeline == null ? 0 : timeline.length());
        }
    }

    // Kept by case and section, and answered only for the very text it was made from, so an edit is never answered
    // from the old text. Pages are read far more than cases change (a list page converted 20 documents per request,
    // ~10 % of the service's CPU under load). Not keyed by the text itself: hashing every stored text on every lookup
    // cost ~7 % of the service's CPU, while comparing it on a hit is a vectorised equals. Bounded by weight, as one
    // case's process can be hundreds of kilobytes: about 7 bytes kept per stored character (the text, its record and
    // the record's JSON that SharedSectionJson keeps; 4 per character, which left the JSON out, held ~28 MiB for a
    // bound of 16), 16 MiB in all.
    private final Cache<AnsweredKey, Answered> answered = Caffeine.newBuilder()
            .maximumWeight(16L * 1024 * 1024)
            .<AnsweredKey, Answered>weigher((key, value) -> 7 * value.length())
            .build();

    /**
     * {@link #legacy} for answering a read of case {@code caseId}: the same record, shared between reads of the same
     * stored text (the records are never changed once made; an edit goes through {@link #legacy}, which makes its
     * own), and written as JSON once ({@link SharedSectionJson}).
     */
    public <T> T legacyView(UUID caseId, String stored, Section section, Class<T> type) {
        return type.cast(kept(
                new AnsweredKey(caseId, section, type),
                stored,
                null,
                () -> sharedJson.share(legacy(stored, section, type))));
    }

    /**
     * The PROCESS of case {@code caseId} as a read answers it, with its timeline ({@code timeline} null: none), shared
     * as {@link #legacyView} does; the timeline, a document of its own, was read anew for every case of every page.
     */
    public ProcessView processView(UUID caseId, String stored, String timeline) {
        return (ProcessView) kept(new AnsweredKey(caseId, Section.PROCESS, ProcessView.class), stored, timeline, () -> {
            ProcessView written = legacy(stored, Section.PROCESS, ProcessView.class);
            return sharedJson.share(new ProcessView(
                    written.objectives(),
                    written.redlines(),
                    written.trustBuilding(),
                    written.mediators(),
                    written.risks(),
                    timeline == null ? List.of() : timeline(timeline)));
        });
    }

    private Object kept(AnsweredKey key, String stored, String timeline, Supplier<Object> make) {
        Answered kept = answered.getIfPresent(key);
        if (kept != null && kept.madeFrom(stored, timeline)) {
            return kept.view();
        }
        // Two readers of a new text may both make it: the records are equal, and the last one is kept.
        Object view = make.get();
        answered.put(key, new Answered(stored, timeline, view));
        return view;
    }

    /** A section written in the first shape, laid over the stored coded document (entries in order). */
    public ObjectNode codedFromLegacy(Section section, Object v1, String stored) {
        ObjectNode current = stored == null ? JsonNodeFactory.instance.objectNode() : coded(stored);
        ObjectNode written = tree(v1);
        return switch (section) {
            case CONTEXT -> LegacyShape.context(written, current);
            case PROCESS -> LegacyShape.process(written, current);
            case RESULTS -> LegacyShape.results(written, current);
            case HEADER, INTERVIEWS -> throw new IllegalArgumentException("no stored document: " + section);
        };
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
