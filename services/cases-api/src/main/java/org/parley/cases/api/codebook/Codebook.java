package org.parley.cases.api.codebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The codebook: every coded dimension of a case, with a stable key, its section, its type, its allowed values
 * in English and Spanish and the paper heading it comes from; the research agenda's questions; and which
 * dimensions code which heading of the paper. The one source of truth for validation, forms, facets and docs
 * ({@code docs/codebook.md} is generated from it).
 *
 * <p>{@link #standard()} is the one the platform uses, read once from {@code codebook.json} next to this
 * module's classes and checked by {@link CodebookRules}.
 */
@Schema(description = "Every coded dimension of a case, the research questions and the paper's coverage.")
public record Codebook(
        int version,
        List<String> languages,
        List<String> sections,
        List<Block> blocks,
        List<Dimension> dimensions,
        List<ResearchQuestion> researchQuestions,
        List<Coverage> coverage) {

    /** Where {@link #standard()} reads it from, on the class path. */
    public static final String RESOURCE = "/org/parley/cases/api/codebook.json";

    public Codebook {
        languages = listOf(languages);
        sections = listOf(sections);
        blocks = listOf(blocks);
        dimensions = listOf(dimensions);
        researchQuestions = listOf(researchQuestions);
        coverage = listOf(coverage);
    }

    /**
     * The platform's codebook, read once.
     *
     * @throws IllegalStateException when it cannot be read or breaks a rule of {@link CodebookRules} (every
     *     problem is named), so a service that serves it fails at start
     */
    public static Codebook standard() {
        if (Standard.FAILURE != null) {
            throw Standard.FAILURE;
        }
        return Standard.CODEBOOK;
    }

    /** A codebook as JSON, unchecked (see {@link CodebookRules#problems}); an unknown field is an error. */
    public static Codebook read(InputStream json) throws IOException {
        return new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .readValue(json, Codebook.class);
    }

    /** The dimension with this key. */
    public Optional<Dimension> dimension(String key) {
        return dimensions.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    /** The block with this key. */
    public Optional<Block> block(String key) {
        return blocks.stream().filter(b -> b.key().equals(key)).findFirst();
    }

    /** The research question with this code (RQ1 to RQ8). */
    public Optional<ResearchQuestion> researchQuestion(String code) {
        return researchQuestions.stream().filter(q -> q.code().equals(code)).findFirst();
    }

    /** The research questions' codes, in codebook order: what interviews and excerpts are tagged with. */
    public List<String> researchQuestionCodes() {
        return researchQuestions.stream().map(ResearchQuestion::code).toList();
    }

    /** The dimensions lists count cases by, in codebook order. */
    public List<Dimension> facets() {
        return dimensions.stream().filter(Dimension::facet).toList();
    }

    /** The dimensions of one block, in codebook order (none for an unknown block). */
    public List<Dimension> inBlock(String blockKey) {
        return dimensions.stream().filter(d -> blockKey.equals(d.block())).toList();
    }

    /** An unmodifiable copy; an absent list is empty. */
    static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static final class Standard {
        static final RuntimeException FAILURE;
        static final Codebook CODEBOOK;

        static {
            Codebook loaded = null;
            RuntimeException failure = null;
            try {
                loaded = load();
            } catch (RuntimeException e) {
                failure = e;
            }
            CODEBOOK = loaded;
            FAILURE = failure;
        }

        private static Codebook load() {
            Codebook codebook;
            try (InputStream json = Codebook.class.getResourceAsStream(RESOURCE)) {
                if (json == null) {
                    throw new IllegalStateException("The codebook " + RESOURCE + " is not on the class path");
                }
                codebook = read(json);
            } catch (IOException e) {
                throw new UncheckedIOException("The codebook " + RESOURCE + " cannot be read", e);
            }
            List<String> problems = CodebookRules.problems(codebook);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(
                        "The codebook " + RESOURCE + " breaks its rules:\n  " + String.join("\n  ", problems));
            }
            return codebook;
        }
    }
}
