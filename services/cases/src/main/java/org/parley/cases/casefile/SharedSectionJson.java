package org.parley.cases.casefile;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Set;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonGeneratorImpl;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.jackson.ObjectMapperCustomizer;
import org.parley.cases.api.CaseView.ProcessView;
import org.parley.cases.api.Context;
import org.parley.cases.api.Results;

/**
 * Writes each section view that {@link CaseDocuments#legacyView} shares between reads as JSON once. A list page wrote
 * its twenty cases' sections field by field on every request, most of the service's JSON time (about a quarter of its
 * CPU under load) spent encoding their text; a shared view never changes, so neither does its JSON. It is kept with
 * the view (weak keys: it goes when the view does) and written as it was, as raw UTF-8 bytes.
 *
 * <p>Only views {@link #share shared} this way are kept (by identity, not equality: one made for a single request,
 * such as a request's body, is written as usual), and only into a JSON text writer with no pretty printer; a tree or a
 * buffer (e.g. {@code valueToTree}) gets the fields as usual, so code reading a view as a tree sees its fields.
 */
@Singleton
public class SharedSectionJson implements ObjectMapperCustomizer {

    /** The section views {@link CaseDocuments} shares. */
    private static final Set<Class<?>> SHARED = Set.of(Context.class, ProcessView.class, Results.class);

    /** The views shared, by identity; weak keys, so a view leaves when nothing else holds it. */
    private final Cache<Object, Boolean> shared =
            Caffeine.newBuilder().weakKeys().build();

    /** Marks {@code view}, a shared immutable section view, to be written once; returns it. */
    <T> T share(T view) {
        if (view != null && SHARED.contains(view.getClass())) {
            shared.put(view, Boolean.TRUE);
        }
        return view;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("parley-shared-section-json");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifySerializer(
                    SerializationConfig config, BeanDescription description, JsonSerializer<?> serializer) {
                return SHARED.contains(description.getBeanClass()) ? new WrittenOnce(serializer, mapper) : serializer;
            }
        });
        mapper.registerModule(module);
    }

    /** A view's JSON as written by a generator with the given features. */
    private record Kept(int features, SerializedString json) {}

    /**
     * A section view's serializer that writes a shared view's fields once and then its bytes. Each contextual variant
     * keeps its own JSON, so a property that wrote the view differently would not get another's.
     */
    private final class WrittenOnce extends JsonSerializer<Object>
            implements ResolvableSerializer, ContextualSerializer {

        private final JsonSerializer<Object> fields;
        private final ObjectMapper mapper;
        private final Cache<Object, Kept> written =
                Caffeine.newBuilder().weakKeys().build();

        @SuppressWarnings("unchecked")
        WrittenOnce(JsonSerializer<?> fields, ObjectMapper mapper) {
            this.fields = (JsonSerializer<Object>) fields;
            this.mapper = mapper;
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            boolean plainText = generator instanceof JsonGeneratorImpl
                    && generator.getPrettyPrinter() == null
                    && generator.getCharacterEscapes() == null
                    && provider.getActiveView() == null;
            if (!plainText || shared.getIfPresent(value) == null) {
                fields.serialize(value, generator, provider);
                return;
            }
            Kept kept = written.getIfPresent(value);
            if (kept == null) {
                // Written by the same serializer, settings and generator features the answer uses, so the bytes are
                // those it would have written; two readers writing it at once write the same.
                StringWriter text = new StringWriter();
                try (JsonGenerator once = mapper.getFactory().createGenerator(text)) {
                    once.overrideStdFeatures(generator.getFeatureMask(), ~0);
                    fields.serialize(value, once, provider);
                }
                kept = new Kept(generator.getFeatureMask(), new SerializedString(text.toString()));
                written.put(value, kept);
            } else if (kept.features() != generator.getFeatureMask()) {
                fields.serialize(value, generator, provider);
                return;
            }
            generator.writeRawValue(kept.json());
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (fields instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            JsonSerializer<?> contextual = fields instanceof ContextualSerializer variant
                    ? variant.createContextual(provider, property)
                    : fields;
            return contextual == fields ? this : new WrittenOnce(contextual, mapper);
        }

        @Override
        public void serializeWithType(
                Object value, JsonGenerator generator, SerializerProvider provider, TypeSerializer types)
                throws IOException {
            fields.serializeWithType(value, generator, provider, types);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Object value) {
            return fields.isEmpty(provider, value);
        }

        @Override
        public Class<Object> handledType() {
            return fields.handledType();
        }
    }
}
