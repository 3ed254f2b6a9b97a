package org.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A service's OpenAPI document ({@code /q/openapi?format=json}), read for what its contract must keep saying:
 * the summaries of the operations and their refusals as RFC 9457 problems. The descriptions sit on the API
 * interfaces; an annotation left on an implementing class is silently dropped from the document, which these
 * checks catch.
 */
public final class OpenApiDocument {

    /** Where a problem response's schema points. */
    public static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public static OpenApiDocument parse(String json) {
        try {
            return new OpenApiDocument(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new AssertionError("the OpenAPI document is not JSON", e);
        }
    }

    /**
     * The operation ({@code method} in lower case, as in the document) has this summary, and documents the
     * {@code status} response as a problem: every content of it (or of the response component it names) has the
     * {@code Problem} component as its schema.
     */
    public OpenApiDocument documents(String method, String path, String summary, String status) {
        String operation = method + " " + path;
        JsonNode found = root.path("paths").path(path).path(method);
        check(found.isObject(), operation + " is not in the document");
        String actual = found.path("summary").asText(null);
        check(summary.equals(actual), operation + ": summary " + actual + ", expected " + summary);
        JsonNode content = resolve(found.path("responses").path(status)).path("content");
        List<String> schemas = new ArrayList<>();
        content.forEach(media -> schemas.add(media.path("schema").path("$ref").asText(null)));
        check(
                !schemas.isEmpty() && schemas.stream().allMatch(PROBLEM_REF::equals),
                operation + ": the " + status + " response's schemas are " + schemas + ", expected " + PROBLEM_REF);
        return this;
    }

    /**
     * Every JAX-RS resource method of the service is an operation of the document, with a summary, and each of
     * its error responses (4xx, 5xx) is a problem: its content's schemas are all the {@code Problem} component,
     * directly or through a response component. The service's resource classes are found by reflection over the
     * classes directory that holds {@code anyServiceClass}, so an endpoint added later is checked without a
     * list to update.
     */
    public OpenApiDocument documentsEveryResourceMethodOf(Class<?> anyServiceClass) {
        List<Endpoint> endpoints = resourceMethods(anyServiceClass);
        check(!endpoints.isEmpty(), "no resource method found next to " + anyServiceClass.getName());
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            JsonNode operation = root.path("paths").path(endpoint.path()).path(endpoint.method());
            if (!operation.isObject()) {
                failures.add(endpoint + " is not in the document");
                continue;
            }
            if (operation.path("summary").asText("").isBlank()) {
                failures.add(endpoint + " has no summary");
            }
            for (Map.Entry<String, JsonNode> response :
                    operation.path("responses").properties()) {
                if (response.getKey().matches("[45]\\d\\d")) {
                    List<String> schemas = new ArrayList<>();
                    resolve(response.getValue())
                            .path("content")
                            .forEach(media -> schemas.add(
                                    media.path("schema").path("$ref").asText(null)));
                    if (schemas.isEmpty() || !schemas.stream().allMatch(PROBLEM_REF::equals)) {
                        failures.add(endpoint + ": the " + response.getKey() + " response's schemas are " + schemas
                                + ", expected " + PROBLEM_REF);
                    }
                }
            }
        }
        check(failures.isEmpty(), String.join("\n", failures));
        return this;
    }

    /** A response, or the response component it refers to. */
    private JsonNode resolve(JsonNode response) {
        String ref = response.path("$ref").asText(null);
        String prefix = "#/components/responses/";
        if (ref == null || !ref.startsWith(prefix)) {
            return response;
        }
        return root.path("components").path("responses").path(ref.substring(prefix.length()));
    }

    /**
     * One JAX-RS resource method: its HTTP method in lower case and its path, as the document names them, and
     * the Java method that serves it.
     */
    public record Endpoint(String method, String path, String javaMethod) {
        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path + " (" + javaMethod + ")";
        }
    }

    /**
     * The resource methods of the concrete classes in the classes directory (or jar) that holds {@code
     * anyServiceClass}. The HTTP method and the path of a method are read where JAX-RS reads them: on the
     * method or, failing that, on the interface or superclass method it implements; the class's path likewise.
     */
    public static List<Endpoint> resourceMethods(Class<?> anyServiceClass) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : classesBeside(anyServiceClass)) {
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            Optional<String> classPath = inHierarchy(type).stream()
                    .map(c -> c.getAnnotation(jakarta.ws.rs.Path.class))
                    .filter(Objects::nonNull)
                    .map(jakarta.ws.rs.Path::value)
                    .findFirst();
            for (Method method : type.getMethods()) {
                if (method.isBridge() || method.isSynthetic() || method.getDeclaringClass() == Object.class) {
                    continue;
                }
                List<Method> declarations = declarations(type, method);
                Optional<String> httpMethod = declarations.stream()
                        .map(OpenApiDocument::httpMethod)
                        .flatMap(Optional::stream)
                        .findFirst();
                Optional<String> methodPath = declarations.stream()
                        .map(m -> m.getAnnotation(jakarta.ws.rs.Path.class))
                        .filter(Objects::nonNull)
                        .map(jakarta.ws.rs.Path::value)
                        .findFirst();
                String name = type.getSimpleName() + "." + method.getName();
                check(
                        httpMethod.isPresent() || methodPath.isEmpty(),
                        name + " is a sub-resource locator, which this check does not follow");
                if (httpMethod.isPresent()) {
                    check(classPath.isPresent(), name + " has no class-level @Path");
                    endpoints.add(new Endpoint(
                            httpMethod.get().toLowerCase(Locale.ROOT),
                            join(classPath.get(), methodPath.orElse("")),
                            name));
                }
            }
        }
        return endpoints;
    }

    /** The method, then the methods of the type's superclasses and interfaces it overrides, nearest first. */
    private static List<Method> declarations(Class<?> type, Method method) {
        List<Method> found = new ArrayList<>();
        for (Class<?> c : inHierarchy(type)) {
            try {
                found.add(c.getDeclaredMethod(method.getName(), method.getParameterTypes()));
            } catch (NoSuchMethodException notDeclaredThere) {
                // declared higher up, or not at all on this branch
            }
        }
        return found;
    }

    /** The type, its superclasses, then their interfaces (breadth first). */
    private static List<Class<?>> inHierarchy(Class<?> type) {
        List<Class<?>> order = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            order.add(c);
        }
        Deque<Class<?>> interfaces = new ArrayDeque<>();
        order.forEach(c -> interfaces.addAll(Arrays.asList(c.getInterfaces())));
        while (!interfaces.isEmpty()) {
            Class<?> next = interfaces.removeFirst();
            if (!order.contains(next)) {
                order.add(next);
                interfaces.addAll(Arrays.asList(next.getInterfaces()));
            }
        }
        return order;
    }

    private static Optional<String> httpMethod(AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return Optional.of(http.value());
            }
        }
        return Optional.empty();
    }

    /** "/cases" and "{id}/{section}" make "/cases/{id}/{section}"; a template's regex is dropped, as SmallRye does. */
    private static String join(String classPath, String methodPath) {
        String joined = "/"
                + Stream.of(classPath, methodPath)
                        .map(part -> part.replaceAll("^/+|/+$", ""))
                        .filter(part -> !part.isEmpty())
                        .reduce((a, b) -> a + "/" + b)
                        .orElse("");
        return joined.replaceAll("\\{\\s*([\\w.-]+)\\s*:[^}]*}", "{$1}");
    }

    /** Every class in the classes directory that holds {@code anchor}, loaded (not initialised) by its loader. */
    private static List<Class<?>> classesBeside(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        check(source != null, "cannot tell where " + anchor.getName() + " was loaded from");
        Path root;
        try {
            root = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError("cannot tell where " + anchor.getName() + " was loaded from", e);
        }
        check(Files.isDirectory(root), anchor.getName() + " was not loaded from a classes directory: " + root);
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.map(root::relativize)
                    .map(Path::toString)
                    .filter(file -> file.endsWith(".class") && !file.endsWith("-info.class"))
                    .forEach(file -> names.add(file.substring(0, file.length() - ".class".length())
                            .replace(root.getFileSystem().getSeparator(), ".")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, false, anchor.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new AssertionError(name + " is in " + root + " but does not load", e);
            }
        }
        return classes;
    }

    /** The {@code Problem} component is defined, with its {@code status}. */
    public OpenApiDocument definesProblem() {
        JsonNode problem = root.path("components").path("schemas").path("Problem");
        check(problem.isObject(), "components.schemas.Problem is not defined");
        check(
                problem.path("properties").has("status"),
                "components.schemas.Problem has no status: " + Objects.toString(problem.path("properties")));
        return this;
    }

    private static void check(boolean holds, String otherwise) {
        if (!holds) {
            throw new AssertionError(otherwise);
        }
    }
}
