package org.parley.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMatrix;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jspecify.annotations.Nullable;

/**
 * Query, path, header, cookie and form parameters, converted so that a bad value is a 400 problem naming
 * the parameter, in every service. JAX-RS answers 404 for a query or path parameter that does not convert
 * ({@code GET /ledger?limit=abc} said "No resource with this id"); these converters throw a
 * {@link ProblemException} instead, which {@link ProblemMappers} unwraps from the framework's exception.
 * Every value, text ones included, must also meet {@link ControlCharacters} (a NUL in a filter or a path
 * segment reached PostgreSQL and failed as a 500). Ids in paths are Strings the services parse themselves,
 * so a malformed id still gets the never-existed 404.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> @Nullable ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        Conversion conversion = conversionFor(rawType);
        return conversion == null ? null : (ParamConverter<T>) new Checked(name, conversion);
    }

    /** How a type is read from text and what the problem says when it cannot be. */
    record Conversion(
            Function<String, Object> parse, @Nullable String expected) {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static @Nullable Conversion conversionFor(Class<?> type) {
        if (type == String.class) {
            return new Conversion(value -> value, null);
        }
        if (type == Integer.class || type == int.class) {
            return new Conversion(value -> Integer.valueOf(value.strip()), "must be a whole number");
        }
        if (type == Long.class || type == long.class) {
            return new Conversion(value -> Long.valueOf(value.strip()), "must be a whole number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return new Conversion(ParameterConverters::strictBoolean, "must be true or false");
        }
        if (type == UUID.class) {
            return new Conversion(ParameterConverters::strictUuid, "must be a UUID");
        }
        if (type == LocalDate.class) {
            return new Conversion(LocalDate::parse, "must be a date (YYYY-MM-DD)");
        }
        if (type == Instant.class) {
            return new Conversion(Instant::parse, "must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
        }
        if (type.isEnum()) {
            Class<? extends Enum> enumType = (Class<? extends Enum>) type;
            List<String> names =
                    Arrays.stream(enumType.getEnumConstants()).map(Enum::name).toList();
            return new Conversion(value -> Enum.valueOf(enumType, value), "must be one of " + names);
        }
        return null;
    }

    /** The parameter's name as the caller wrote it, or null when the value is not a request parameter. */
    static @Nullable String nameOf(Annotation @Nullable [] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            String name = declaredName(annotation);
            if (name != null) {
                // The Rest* annotations may leave the name to the Java parameter's, which is not known here.
                return name.isEmpty() ? "parameter" : name;
            }
        }
        return null;
    }

    private static @Nullable String declaredName(Annotation annotation) {
        if (annotation instanceof QueryParam query) {
            return query.value();
        } else if (annotation instanceof PathParam path) {
            return path.value();
        } else if (annotation instanceof HeaderParam header) {
            return header.value();
        } else if (annotation instanceof CookieParam cookie) {
            return cookie.value();
        } else if (annotation instanceof MatrixParam matrix) {
            return matrix.value();
        } else if (annotation instanceof FormParam form) {
            return form.value();
        } else if (annotation instanceof RestQuery query) {
            return query.value();
        } else if (annotation instanceof RestPath path) {
            return path.value();
        } else if (annotation instanceof RestHeader header) {
            return header.value();
        } else if (annotation instanceof RestCookie cookie) {
            return cookie.value();
        } else if (annotation instanceof RestMatrix matrix) {
            return matrix.value();
        } else if (annotation instanceof RestForm form) {
            return form.value();
        }
        return null;
    }

    private static Boolean strictBoolean(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    /** UUID.fromString also takes "1-2-3-4-5"; an id is only ever written in the canonical 36 characters. */
    private static UUID strictUuid(String value) {
        if (value.length() != 36) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(value);
    }

    /** Checks the text, then converts it; either failure is a 400 naming the parameter, never quoting it. */
    static final class Checked implements ParamConverter<Object> {

        private final String name;
        private final Conversion conversion;

        Checked(String name, Conversion conversion) {
            this.name = name;
            this.conversion = conversion;
        }

        @Override
        public @Nullable Object fromString(@Nullable String value) {
            if (value == null) {
                return null;
            }
            var refusal = ControlCharacters.refusal(value);
            if (refusal.isPresent()) {
                throw refused(refusal.get());
            }
            try {
                return conversion.parse().apply(value);
            } catch (RuntimeException e) {
                throw refused(java.util.Objects.requireNonNullElse(conversion.expected(), "is not valid"));
            }
        }

        @Override
        public @Nullable String toString(@Nullable Object value) {
            if (value == null) {
                return null;
            }
            return value instanceof Enum<?> constant ? constant.name() : value.toString();
        }

        private ProblemException refused(String message) {
            return new ProblemException(Problems.invalid(List.of(new Problem.FieldError(name, message))));
        }
    }
}
