package org.parley.console.cases;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.cases.api.codebook.Block;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.Dimension;

/**
 * A section's edit form, generated from the codebook, both ways: a coded document as form fields ({@link
 * #fields}) and the fields as typed back into the document the cases service takes ({@link #parse}). Field names
 * are the dimensions' paths with entry indexes ({@code groups[1].internalControl}); a number or range is two fields
 * ({@code …estimatedSize.low}, {@code …high}); every object's citations ride along in a hidden {@code …sources}
 * field as JSON, so an edit keeps them; {@code …remove} drops an entry. One parser serves every section.
 */
public final class CodedForm {

    /** The value of a several-values checkbox that says "none of these" ({@code []}, not uncoded). */
    public static final String NONE = "";

    static final String LOW = ".low";
    static final String HIGH = ".high";
    static final String REMOVE = "remove";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,10})?");

    private CodedForm() {}

    /** Why a typed value was refused, by the form or by the service, to be said in the reader's words. */
    public enum Kind {
        NUMBER,
        RANGE,
        REVERSED,
        DATE,
        DATE_EARLY,
        DATE_FUTURE,
        BEFORE_START,
        TOO_LONG,
        TEXT,
        CHOICE,
        TOO_MANY,
        SOURCES,
        OTHER
    }

    /** A refused field: why, and the bounds the words name (min and max of a number, max of a text or block). */
    public record FieldError(Kind kind, Double min, Double max) {
        static FieldError of(Kind kind) {
            return new FieldError(kind, null, null);
        }
    }

    /**
     * A parsed form: the document, the errors the form itself found (keyed by form field), and for each field of
     * the document ({@code groups[1].internalControl}, counting only the entries kept) the form field it came from
     * ({@code groups[2].internalControl}) and its dimension, to put the service's errors next to their fields.
     */
    public record Parsed(
            ObjectNode document,
            Map<String, FieldError> errors,
            Map<String, String> formFields,
            Map<String, Dimension> dimensions,
            Map<String, String> typed) {

        /**
         * The form field a field path of the service names ({@code context.groups[1].estimatedSize.low} is {@code
         * groups[2].estimatedSize} when entry 1 of the form was dropped), or null when the form has no such field.
         */
        public String formField(String section, String servicePath) {
            String prefix = section.toLowerCase(java.util.Locale.ROOT) + ".";
            if (servicePath == null || !servicePath.startsWith(prefix)) {
                return null;
            }
            String path = servicePath.substring(prefix.length());
            String best = null;
            for (String field : formFields.keySet()) {
                boolean covers = path.equals(field) || path.startsWith(field + ".") || path.startsWith(field + "[");
                if (covers && (best == null || field.length() > best.length())) {
                    best = field;
                }
            }
            return best == null ? null : formFields.get(best);
        }

        /** Why the service refused a form field, from the form's own rules and what was typed there. */
        public FieldError reason(String formField, String servicePath, java.time.LocalDate today) {
            Dimension dimension = dimensions.get(formField);
            if (dimension == null) {
                if (formField.endsWith("sources")) {
                    return FieldError.of(Kind.SOURCES);
                }
                // a block's own path: the only thing said of a block as a whole is its size
                return FieldError.of(servicePath.endsWith("." + formField) ? Kind.TOO_MANY : Kind.OTHER);
            }
            String value = typed.getOrDefault(formField, "");
            return switch (dimension.type()) {
                case NUMBER_OR_RANGE -> numberReason(dimension, servicePath, formField);
                case DATE -> dateReason(dimension, value, today);
                case TEXT ->
                    dimension.maxLength() != null && value.codePointCount(0, value.length()) > dimension.maxLength()
                            ? new FieldError(
                                    Kind.TOO_LONG, null, dimension.maxLength().doubleValue())
                            : FieldError.of(Kind.TEXT);
                default -> FieldError.of(Kind.CHOICE);
            };
        }

        private FieldError numberReason(Dimension dimension, String servicePath, String formField) {
            FieldError range = new FieldError(Kind.RANGE, dimension.min(), dimension.max());
            if (servicePath.endsWith(LOW) || servicePath.endsWith(HIGH)) {
                return range;
            }
            Double low = number(typed.get(formField + LOW));
            Double high = number(typed.get(formField + HIGH));
            if (low != null && high != null && low > high) {
                return FieldError.of(Kind.REVERSED);
            }
            return range;
        }

        private static FieldError dateReason(Dimension dimension, String value, java.time.LocalDate today) {
            Matcher date = Pattern.compile("(\\d{4})(-\\d{2}(-\\d{2})?)?").matcher(value.strip());
            if (!date.matches()) {
                return FieldError.of(Kind.DATE);
            }
            int year = Integer.parseInt(date.group(1));
            if (year < org.parley.cases.api.codebook.CodedSection.FIRST_YEAR) {
                return FieldError.of(Kind.DATE_EARLY);
            }
            if (year > today.getYear() + 1) {
                return FieldError.of(Kind.DATE_FUTURE);
            }
            String name = dimension.key().substring(dimension.key().lastIndexOf('.') + 1);
            return name.equals("end") || name.endsWith("End")
                    ? FieldError.of(Kind.BEFORE_START)
                    : FieldError.of(Kind.DATE);
        }

        private static Double number(String text) {
            return text != null && NUMBER.matcher(text.strip()).matches() ? Double.valueOf(text.strip()) : null;
        }
    }

    /** The form fields of a section's document (null: an empty form); several values are repeated names. */
    public static Map<String, List<String>> fields(Codebook codebook, String section, JsonNode document) {
        CodedFields shape = CodedFields.of(codebook, section);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        JsonNode root = document == null ? NODES.objectNode() : document;
        scopeFields(shape, null, root, "", shape.once(), fields);
        for (Block block : shape.blocks()) {
            JsonNode entries = at(root, shape.path(block.key()));
            if (entries != null && entries.isArray()) {
                for (int i = 0; i < entries.size(); i++) {
                    scopeFields(shape, block, entries.get(i), shape.entryScope(block, i), shape.of(block), fields);
                }
            }
        }
        return fields;
    }

    private static void scopeFields(
            CodedFields shape,
            Block block,
            JsonNode object,
            String scope,
            List<Dimension> dimensions,
            Map<String, List<String>> fields) {
        for (Dimension dimension : dimensions) {
            String path = block == null ? shape.path(dimension.key()) : CodedFields.inEntry(dimension);
            JsonNode value = at(object, path);
            if (value == null || value.isNull()) {
                continue;
            }
            String name = scope + path;
            switch (dimension.type()) {
                case SEVERAL -> {
                    List<String> codes = new ArrayList<>();
                    value.forEach(code -> codes.add(code.asText()));
                    fields.put(name, codes.isEmpty() ? List.of(NONE) : codes);
                }
                case NUMBER_OR_RANGE -> {
                    if (value.isObject()) {
                        fields.put(name + LOW, List.of(plain(value.path("low"))));
                        fields.put(name + HIGH, List.of(plain(value.path("high"))));
                    } else {
                        fields.put(name + LOW, List.of(plain(value)));
                    }
                }
                default -> fields.put(name, List.of(value.asText()));
            }
        }
        for (String objectPath : shape.objects(block)) {
            JsonNode sources = at(object, objectPath.isEmpty() ? "sources" : objectPath + ".sources");
            if (sources != null && sources.isObject() && !sources.isEmpty()) {
                fields.put(CodedFields.sourcesField(scope, objectPath), List.of(sources.toString()));
            }
        }
    }

    private static String plain(JsonNode number) {
        return number.isNumber() ? number.decimalValue().stripTrailingZeros().toPlainString() : number.asText();
    }

    /**
     * The document a form describes: blank fields are uncoded, an entry without any value or marked removed is left
     * out, a typo in a number or a citation that is not an object is an error of that field (the document then goes
     * nowhere).
     */
    public static Parsed parse(Codebook codebook, String section, Map<String, List<String>> form) {
        CodedFields shape = CodedFields.of(codebook, section);
        Parser parser = new Parser(shape, form);
        ObjectNode root = NODES.objectNode();
        parser.scope(null, root, "", "", shape.once());
        for (Block block : shape.blocks()) {
            String path = shape.path(block.key());
            ArrayNode entries = NODES.arrayNode();
            for (int index : indexes(form, path)) {
                String scope = shape.entryScope(block, index);
                if (form.containsKey(scope + REMOVE)) {
                    continue;
                }
                ObjectNode entry = NODES.objectNode();
                String documentScope = path + "[" + entries.size() + "].";
                if (parser.scope(block, entry, scope, documentScope, shape.of(block))) {
                    entries.add(entry);
                }
            }
            parser.formFields.put(path, path);
            if (!entries.isEmpty()) {
                put(root, path, entries);
            }
        }
        return new Parsed(root, parser.errors, parser.formFields, parser.dimensions, parser.typed);
    }

    /** The entry indexes a form holds for a block, in order. */
    static java.util.NavigableSet<Integer> indexes(Map<String, List<String>> form, String blockPath) {
        Pattern entry = Pattern.compile(Pattern.quote(blockPath) + "\\[(\\d{1,4})]\\..*");
        java.util.NavigableSet<Integer> indexes = new TreeSet<>();
        for (String name : form.keySet()) {
            Matcher match = entry.matcher(name);
            if (match.matches()) {
                indexes.add(Integer.parseInt(match.group(1)));
            }
        }
        return indexes;
    }

    private static final class Parser {
        final CodedFields shape;
        final Map<String, List<String>> form;
        final Map<String, FieldError> errors = new LinkedHashMap<>();
        final Map<String, String> formFields = new LinkedHashMap<>();
        final Map<String, Dimension> dimensions = new LinkedHashMap<>();
        final Map<String, String> typed = new LinkedHashMap<>();

        Parser(CodedFields shape, Map<String, List<String>> form) {
            this.shape = shape;
            this.form = form;
        }

        /** Fills {@code object} from the fields named {@code scope…}; whether any dimension got a value. */
        boolean scope(Block block, ObjectNode object, String scope, String documentScope, List<Dimension> dims) {
            boolean coded = false;
            for (Dimension dimension : dims) {
                String path = block == null ? shape.path(dimension.key()) : CodedFields.inEntry(dimension);
                String name = scope + path;
                formFields.put(documentScope + path, name);
                dimensions.put(name, dimension);
                JsonNode value = value(dimension, name);
                if (value != null) {
                    put(object, path, value);
                    coded = true;
                }
            }
            for (String objectPath : shape.objects(block)) {
                String name = CodedFields.sourcesField(scope, objectPath);
                formFields.put(CodedFields.sourcesField(documentScope, objectPath), name);
                String json = first(name);
                if (json == null) {
                    continue;
                }
                try {
                    JsonNode sources = JSON.readTree(json);
                    if (sources == null || !sources.isObject()) {
                        errors.put(name, FieldError.of(Kind.SOURCES));
                    } else if (!sources.isEmpty()) {
                        put(object, objectPath.isEmpty() ? "sources" : objectPath + ".sources", sources);
                    }
                } catch (JsonProcessingException e) {
                    errors.put(name, FieldError.of(Kind.SOURCES));
                }
            }
            return coded;
        }

        private JsonNode value(Dimension dimension, String name) {
            switch (dimension.type()) {
                case SEVERAL -> {
                    List<String> chosen = form.getOrDefault(name, List.of());
                    if (chosen.isEmpty()) {
                        return null;
                    }
                    ArrayNode codes = NODES.arrayNode();
                    new LinkedHashSet<>(chosen)
                            .stream().filter(c -> !c.isBlank()).forEach(codes::add);
                    return codes;
                }
                case NUMBER_OR_RANGE -> {
                    return numberOrRange(dimension, name);
                }
                case BOOLEAN -> {
                    String text = first(name);
                    if (text == null) {
                        return null;
                    }
                    if (!text.equals("true") && !text.equals("false")) {
                        errors.put(name, FieldError.of(Kind.CHOICE));
                        return null;
                    }
                    return NODES.booleanNode(Boolean.parseBoolean(text));
                }
                default -> {
                    String text = first(name);
                    if (text != null) {
                        typed.put(name, text);
                    }
                    return text == null ? null : NODES.textNode(text);
                }
            }
        }

        private JsonNode numberOrRange(Dimension dimension, String name) {
            String lowText = first(name + LOW);
            String highText = first(name + HIGH);
            typed.put(name + LOW, lowText == null ? "" : lowText);
            typed.put(name + HIGH, highText == null ? "" : highText);
            if (lowText == null && highText == null) {
                return null;
            }
            JsonNode low = lowText == null ? null : number(lowText);
            JsonNode high = highText == null ? null : number(highText);
            if ((lowText != null && low == null) || (highText != null && high == null)) {
                errors.put(name, FieldError.of(Kind.NUMBER));
                return null;
            }
            if (low == null || high == null || low.decimalValue().compareTo(high.decimalValue()) == 0) {
                return low == null ? high : low;
            }
            ObjectNode range = NODES.objectNode();
            range.set("low", low);
            range.set("high", high);
            return range;
        }

        /** The field's value, stripped, with the browser's line breaks as typed; null when blank or absent. */
        private String first(String name) {
            List<String> values = form.get(name);
            if (values == null
                    || values.isEmpty()
                    || values.get(0) == null
                    || values.get(0).isBlank()) {
                return null;
            }
            return values.get(0).strip().replace("\r\n", "\n");
        }
    }

    /** A number as typed (digits, an optional minus and decimal point) as the smallest JSON number; else null. */
    static JsonNode number(String text) {
        if (!NUMBER.matcher(text).matches()) {
            return null;
        }
        BigDecimal number = new BigDecimal(text).stripTrailingZeros();
        if (number.scale() <= 0) {
            long whole = number.longValueExact();
            return whole == (int) whole ? NODES.numberNode((int) whole) : NODES.numberNode(whole);
        }
        return NODES.numberNode(number.doubleValue());
    }

    /** The node at a dotted path, or null. */
    static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String name : path.split("\\.")) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(name);
        }
        return current;
    }

    private static void put(ObjectNode root, String path, JsonNode value) {
        String[] names = path.split("\\.");
        ObjectNode current = root;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode next = current.get(names[i]);
            current = next instanceof ObjectNode object ? object : current.putObject(names[i]);
        }
        current.set(names[names.length - 1], value);
    }
}
