package org.parley.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.jspecify.annotations.Nullable;

/**
 * The mapper Quarkus REST binds request bodies with (and writes answers with): the application's own
 * ObjectMapper plus {@link #textChecks()}, so every string of every body, in records, lists or a
 * JsonNode merge patch, meets {@link ControlCharacters} before any service code sees it. Only the HTTP
 * edge uses it: documents the services stored earlier are read with the plain mapper, so text accepted
 * before this rule stays readable.
 */
@Provider
public class RequestJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper shared;

    private volatile @Nullable ObjectMapper checked;

    @Inject
    public RequestJson(ObjectMapper shared) {
        this.shared = shared;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        ObjectMapper mapper = checked;
        if (mapper == null) {
            synchronized (this) {
                if (checked == null) {
                    checked = shared.copy().registerModule(textChecks());
                }
                mapper = checked;
            }
        }
        return mapper;
    }

    /** Jackson deserializers that refuse what {@link ControlCharacters} refuses, naming the field by its path. */
    public static SimpleModule textChecks() {
        SimpleModule module = new SimpleModule("parley-text-checks");
        module.addDeserializer(String.class, new CheckedString());
        module.addDeserializer(JsonNode.class, new CheckedTree<>(JsonNode.class));
        module.addDeserializer(ObjectNode.class, new CheckedTree<>(ObjectNode.class));
        module.addDeserializer(ArrayNode.class, new CheckedTree<>(ArrayNode.class));
        return module;
    }

    /** Jackson's own string binding (coercions included), then the check. */
    static final class CheckedString extends StdScalarDeserializer<String> {

        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            var refusal = ControlCharacters.refusal(value);
            if (refusal.isPresent()) {
                throw new RefusedTextException(parser, refusal.get());
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }
    }

    /** A tree (a merge patch): Jackson reads it whole, then every text value in it is checked. */
    static final class CheckedTree<T extends JsonNode> extends StdDeserializer<T> {

        private final JsonDeserializer<? extends JsonNode> standard;

        CheckedTree(Class<T> type) {
            super(type);
            this.standard = JsonNodeDeserializer.getDeserializer(type);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = standard.deserialize(parser, context);
            List<Object> path = new ArrayList<>();
            check(tree, path, parser);
            return (T) tree;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T getNullValue(DeserializationContext context) throws JsonMappingException {
            return (T) standard.getNullValue(context);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Untyped;
        }

        private static void check(JsonNode node, List<Object> path, JsonParser parser) throws RefusedTextException {
            if (node.isTextual()) {
                var refusal = ControlCharacters.refusal(node.textValue());
                if (refusal.isPresent()) {
                    RefusedTextException refused = new RefusedTextException(parser, refusal.get());
                    for (int i = path.size() - 1; i >= 0; i--) {
                        if (path.get(i) instanceof Integer index) {
                            refused.prependPath(node, index);
                        } else {
                            refused.prependPath(node, (String) path.get(i));
                        }
                    }
                    throw refused;
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    path.add(i);
                    check(node.get(i), path, parser);
                    path.remove(path.size() - 1);
                }
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    path.add(field.getKey());
                    check(field.getValue(), path, parser);
                    path.remove(path.size() - 1);
                }
            }
        }
    }
}
