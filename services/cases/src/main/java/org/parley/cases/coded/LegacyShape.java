package org.parley.cases.coded;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sections' first (v1) shape and the codebook's shape the cases service stores, both ways. The mapping is
 * the codebook's {@code migratedFrom}: the negotiating entity is {@code entities[0]}, the criminal groups are
 * {@code groups}, a string list is a block of one text field, a red line with several items is one entry per
 * item, an effect's "14" or "5-6" is a number or a range.
 *
 * <p>Writing a v1 document lays its fields over the stored coded one, entry by entry in order, so what v1 does
 * not know (a group's size, a second entity's objectives, citations) survives a v1 edit. Reading derives the v1
 * document from the coded one. Used by the service on every v1 read and write, and by the Flyway migration that
 * moved stored cases into the codebook's shape (db.migration.V4__codebook_shape), so both follow one mapping.
 */
public final class LegacyShape {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** "14", "1,200", "2.5". */
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?");

    /** "5-6", "5 – 6". */
    private static final Pattern RANGE = Pattern.compile("(" + NUMBER + ")\\s*[-\u2013]\\s*(" + NUMBER + ")");

    /** "-40%", "+12 %": a change, not a level. */
    private static final Pattern CHANGE = Pattern.compile("([-+\u2212]?)\\s*(" + NUMBER + ")\\s*%");

    private static final Pattern BEFORE_AS_WRITTEN = asWrittenIn("Before");
    private static final Pattern AFTER_AS_WRITTEN = asWrittenIn("After");

    private LegacyShape() {}

    // ---- v1 written over the stored coded document ----

    /** A v1 CONTEXT document laid over the stored coded CONTEXT. */
    public static ObjectNode context(JsonNode v1, JsonNode stored) {
        ObjectNode coded = copyOf(stored);
        JsonNode entity = v1.path("negotiatingEntity");
        ArrayNode entities = arrayIn(coded, "entities");
        if (entity.isObject()) {
            ObjectNode first = entryAt(entities, 0);
            copy(entity, "type", first, "type");
            copy(entity, "name", first, "name");
            copy(entity, "relativeStrength", first, "relativeStrength");
            copy(entity, "notes", first, "notes");
        } else if (!entities.isEmpty()) {
            entities.remove(0);
        }
        overlay(
                coded,
                "groups",
                v1.path("criminalGroups"),
                copying(
                        "name",
                        "type",
                        "internalControl",
                        "territorialControl=territorialControlNotes",
                        "communityRelation=communityRelationNotes"));
        overlay(coded, "precedents", v1.path("precedents"), (text, entry) -> set(entry, "description", text));
        return tidy(coded, "entities", "groups", "precedents");
    }

    /** A v1 PROCESS document (without its timeline) laid over the stored coded PROCESS. */
    public static ObjectNode process(JsonNode v1, JsonNode stored) {
        ObjectNode coded = copyOf(stored);
        JsonNode objectives = v1.path("objectives");
        ObjectNode codedObjectives = coded.path("objectives").isObject()
                ? (ObjectNode) coded.get("objectives")
                : coded.putObject("objectives");
        copy(objectives, "scope", codedObjectives, "scope");
        overlay(codedObjectives, "items", objectives.path("items"), (text, entry) -> set(entry, "text", text));
        tidy(codedObjectives, "items");
        // One coded entry per red line: a party with several items becomes several entries of that party.
        ArrayNode lines = NODES.arrayNode();
        for (JsonNode redline : v1.path("redlines")) {
            if (redline.path("items").isEmpty()) {
                lines.addObject().set("party", redline.path("party"));
            }
            for (JsonNode item : redline.path("items")) {
                ObjectNode line = lines.addObject();
                line.set("party", redline.path("party"));
                line.set("description", item);
            }
        }
        overlay(coded, "redlines", lines, copying("party", "description"));
        overlay(coded, "trustBuilding", v1.path("trustBuilding"), (text, entry) -> set(entry, "description", text));
        overlay(coded, "mediators", v1.path("mediators"), copying("name", "role"));
        overlay(coded, "risks", v1.path("risks"), copying("kind", "description"));
        return tidy(coded, "objectives", "redlines", "trustBuilding", "mediators", "risks");
    }

    /** A v1 RESULTS document laid over the stored coded RESULTS. */
    public static ObjectNode results(JsonNode v1, JsonNode stored) {
        ObjectNode coded = copyOf(stored);
        copy(v1, "dealReached", coded, "dealReached");
        overlay(coded, "terms", v1.path("terms"), (text, entry) -> set(entry, "description", text));
        overlay(coded, "effects", v1.path("effects"), LegacyShape::effect);
        overlay(coded, "sideEffects", v1.path("sideEffects"), copying("kind", "description"));
        return tidy(coded, "terms", "effects", "sideEffects");
    }

    /**
     * An effect's figures as numbers where the text is one: "14" and "5-6" become 14 and {low 5, high 6}, an
     * after of "-40%" against no figure before becomes a change of -40 %. Any other wording is kept, as written,
     * in the entry's notes, so nothing a v1 writer said is lost.
     */
    private static void effect(JsonNode effect, ObjectNode entry) {
        copy(effect, "indicator", entry, "indicatorText");
        copy(effect, "period", entry, "period");
        copy(effect, "source", entry, "source");
        List<String> unreadable = new ArrayList<>();
        String before = text(effect.path("before"));
        String after = text(effect.path("after"));
        JsonNode beforeFigure = figure(before);
        JsonNode afterFigure = figure(after);
        Matcher change = after == null ? null : CHANGE.matcher(after.trim());
        if (afterFigure == null && change != null && change.matches()) {
            BigDecimal percent = number(change.group(2));
            entry.put(
                    "changePercent",
                    change.group(1).isEmpty() || change.group(1).equals("+") ? percent : percent.negate());
            entry.put("direction", change.group(1).isEmpty() || change.group(1).equals("+") ? "INCREASE" : "DECREASE");
            after = null;
        } else if (afterFigure != null || after == null) {
            entry.remove("changePercent");
        }
        setFigure(entry, "before", before, beforeFigure, "Before", unreadable);
        setFigure(entry, "after", after, afterFigure, "After", unreadable);
        if (!unreadable.isEmpty()) {
            entry.put("notes", String.join(" ", unreadable));
        }
    }

    private static void setFigure(
            ObjectNode entry, String field, String text, JsonNode figure, String label, List<String> unreadable) {
        if (figure != null) {
            entry.set(field, figure);
        } else {
            entry.remove(field);
            if (text != null) {
                unreadable.add(label + " (as written): " + text + ".");
            }
        }
    }

    /** A number or a low–high range, or null when the text is no figure. */
    static JsonNode figure(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (NUMBER.matcher(trimmed).matches()) {
            return figureNode(number(trimmed));
        }
        Matcher range = RANGE.matcher(trimmed);
        if (range.matches()) {
            BigDecimal low = number(range.group(1));
            BigDecimal high = number(range.group(2));
            if (low.compareTo(high) <= 0) {
                ObjectNode span = NODES.objectNode();
                span.set("low", figureNode(low));
                span.set("high", figureNode(high));
                return span;
            }
        }
        return null;
    }

    private static BigDecimal number(String text) {
        return new BigDecimal(text.replace(",", ""));
    }

    /** A whole number as an integer (1200, never 1.2E+3), any other as the decimal written. */
    private static JsonNode figureNode(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() <= 0 ? NODES.numberNode(stripped.longValueExact()) : NODES.numberNode(number);
    }

    // ---- the v1 document derived from the coded one ----

    /** The v1 CONTEXT of a coded CONTEXT. */
    public static ObjectNode legacyContext(JsonNode coded) {
        ObjectNode v1 = NODES.objectNode();
        JsonNode first = coded.path("entities").path(0);
        if (first.isObject()) {
            ObjectNode entity = v1.putObject("negotiatingEntity");
            copy(first, "type", entity, "type");
            copy(first, "name", entity, "name");
            copy(first, "relativeStrength", entity, "relativeStrength");
            copy(first, "notes", entity, "notes");
        }
        v1.set(
                "criminalGroups",
                projected(
                        coded.path("groups"),
                        "name",
                        "type",
                        "internalControl",
                        "territorialControlNotes=territorialControl",
                        "communityRelationNotes=communityRelation"));
        v1.set("precedents", texts(coded.path("precedents"), "description"));
        return v1;
    }

    /** The v1 PROCESS of a coded PROCESS, without the timeline (kept in its own document). */
    public static ObjectNode legacyProcess(JsonNode coded) {
        ObjectNode v1 = NODES.objectNode();
        JsonNode objectives = coded.path("objectives");
        if (objectives.has("scope") || objectives.has("items")) {
            ObjectNode written = v1.putObject("objectives");
            copy(objectives, "scope", written, "scope");
            written.set("items", texts(objectives.path("items"), "text"));
        }
        // Consecutive lines of one party read as that party's red line with its items.
        ArrayNode redlines = v1.putArray("redlines");
        ObjectNode current = null;
        for (JsonNode line : coded.path("redlines")) {
            JsonNode party = line.path("party");
            if (current == null || !Objects.equals(current.get("party"), party.isMissingNode() ? null : party)) {
                current = redlines.addObject();
                copy(line, "party", current, "party");
                current.putArray("items");
            }
            if (line.hasNonNull("description")) {
                ((ArrayNode) current.get("items")).add(line.get("description"));
            }
        }
        v1.set("trustBuilding", texts(coded.path("trustBuilding"), "description"));
        v1.set("mediators", projected(coded.path("mediators"), "name", "role"));
        v1.set("risks", projected(coded.path("risks"), "kind", "description"));
        return v1;
    }

    /** The v1 RESULTS of a coded RESULTS. */
    public static ObjectNode legacyResults(JsonNode coded) {
        ObjectNode v1 = NODES.objectNode();
        copy(coded, "dealReached", v1, "dealReached");
        v1.set("terms", texts(coded.path("terms"), "description"));
        ArrayNode effects = v1.putArray("effects");
        for (JsonNode entry : coded.path("effects")) {
            ObjectNode effect = effects.addObject();
            JsonNode indicator =
                    entry.hasNonNull("indicatorText") ? entry.get("indicatorText") : entry.get("indicator");
            effect.set("indicator", indicator);
            String notes = entry.path("notes").asText("");
            effect.put("before", entry.has("before") ? written(entry.path("before")) : asWritten(notes, "Before"));
            String afterAsWritten = asWritten(notes, "After");
            effect.put(
                    "after",
                    entry.has("after")
                            ? written(entry.path("after"))
                            : afterAsWritten != null ? afterAsWritten : change(entry.path("changePercent")));
            copy(entry, "period", effect, "period");
            copy(entry, "source", effect, "source");
        }
        v1.set("sideEffects", projected(coded.path("sideEffects"), "kind", "description"));
        return v1;
    }

    /** A figure as v1 wrote it: "14" or "5-6"; null when uncoded. */
    static String written(JsonNode figure) {
        if (figure.isNumber()) {
            return figure.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (figure.isObject()) {
            return written(figure.path("low")) + "-" + written(figure.path("high"));
        }
        return null;
    }

    /**
     * What a v1 writer gave as a figure that was none ("pre-truce level"), kept in the notes by {@link #effect}; a v1
     * reader gets it back where it wrote it.
     */
    private static String asWritten(String notes, String label) {
        Matcher written = (label.equals("Before") ? BEFORE_AS_WRITTEN : AFTER_AS_WRITTEN).matcher(notes);
        return written.find() ? written.group(1) : null;
    }

    private static Pattern asWrittenIn(String label) {
        return Pattern.compile(Pattern.quote(label + " (as written): ")
                + "(.*?)\\.(?= Before \\(as written\\)| After \\(as written\\)|$)");
    }

    private static String change(JsonNode percent) {
        if (!percent.isNumber()) {
            return null;
        }
        String value = written(percent);
        return (percent.decimalValue().signum() > 0 ? "+" : "") + value + "%";
    }

    // ---- JSON helpers of this mapping ----

    /** Lays each v1 item over the coded entry at its place; entries beyond the v1 list are dropped. */
    private static void overlay(
            ObjectNode coded, String block, JsonNode items, BiConsumer<JsonNode, ObjectNode> write) {
        ArrayNode stored = coded.path(block).isArray() ? (ArrayNode) coded.get(block) : NODES.arrayNode();
        ArrayNode entries = NODES.arrayNode();
        int index = 0;
        for (JsonNode item : items) {
            ObjectNode entry =
                    stored.path(index).isObject() ? ((ObjectNode) stored.get(index)).deepCopy() : NODES.objectNode();
            write.accept(item, entry);
            entries.add(entry);
            index++;
        }
        coded.set(block, entries);
    }

    /** Copies the named fields, each {@code name} or {@code from=to}, from one object to another. */
    private static BiConsumer<JsonNode, ObjectNode> copying(String... fields) {
        return (from, to) -> {
            for (String field : fields) {
                int renamed = field.indexOf('=');
                copy(from, renamed < 0 ? field : field.substring(0, renamed), to, field.substring(renamed + 1));
            }
        };
    }

    /** Each entry's named fields (as in {@link #copying}) as a new list. */
    private static ArrayNode projected(JsonNode entries, String... fields) {
        ArrayNode projected = NODES.arrayNode();
        BiConsumer<JsonNode, ObjectNode> copy = copying(fields);
        entries.forEach(entry -> copy.accept(entry, projected.addObject()));
        return projected;
    }

    private static ObjectNode entryAt(ArrayNode entries, int index) {
        if (entries.path(index).isObject()) {
            return (ObjectNode) entries.get(index);
        }
        ObjectNode entry = NODES.objectNode();
        entries.insert(index, entry);
        return entry;
    }

    private static ArrayNode texts(JsonNode entries, String field) {
        ArrayNode texts = NODES.arrayNode();
        for (JsonNode entry : entries) {
            if (entry.hasNonNull(field)) {
                texts.add(entry.get(field));
            }
        }
        return texts;
    }

    /** Copies a field, or removes the target's when the source has none (v1's null is "not coded"). */
    private static void copy(JsonNode from, String field, ObjectNode to, String target) {
        JsonNode value = from.get(field);
        if (value == null || value.isNull()) {
            to.remove(target);
        } else {
            to.set(target, value.deepCopy());
        }
    }

    private static void set(ObjectNode entry, String field, JsonNode value) {
        if (value == null || value.isNull()) {
            entry.remove(field);
        } else {
            entry.set(field, value.deepCopy());
        }
    }

    private static String text(JsonNode value) {
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static ObjectNode copyOf(JsonNode stored) {
        return stored != null && stored.isObject() ? ((ObjectNode) stored).deepCopy() : NODES.objectNode();
    }

    private static ArrayNode arrayIn(ObjectNode coded, String field) {
        return coded.path(field).isArray() ? (ArrayNode) coded.get(field) : coded.putArray(field);
    }

    /**
     * The blocks and objects this mapping wrote are left out when empty: absent is uncoded, and one document has one
     * spelling. (Only those: an empty several-value list elsewhere means "coded as none".)
     */
    private static ObjectNode tidy(ObjectNode coded, String... written) {
        for (String field : written) {
            if (coded.path(field).isContainerNode() && coded.get(field).isEmpty()) {
                coded.remove(field);
            }
        }
        return coded;
    }
}
