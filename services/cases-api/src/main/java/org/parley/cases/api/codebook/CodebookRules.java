package org.parley.cases.api.codebook;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The structural rules every codebook obeys, as words: {@link #problems} names each breach with the key it is
 * about. {@link Codebook#standard()} refuses a codebook with any, so a broken codebook stops a service at start.
 */
public final class CodebookRules {

    /** The languages of every label ({@link Label}'s fields). */
    public static final List<String> LANGUAGES = List.of("en", "es");

    /** The sections of a case, which decide who may see a dimension. */
    public static final List<String> SECTIONS = List.of("HEADER", "CONTEXT", "PROCESS", "RESULTS");

    private static final Pattern KEY = Pattern.compile("[a-z]+(\\.[a-zA-Z]+)+");

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private static final Set<DimensionType> CODED = EnumSet.of(DimensionType.ONE, DimensionType.SEVERAL);

    private static final Set<DimensionType> FACETS =
            EnumSet.of(DimensionType.ONE, DimensionType.SEVERAL, DimensionType.BOOLEAN);

    private CodebookRules() {}

    /** Every rule the codebook breaks, one sentence each; empty when it has none. */
    public static List<String> problems(Codebook codebook) {
        List<String> problems = new ArrayList<>();
        if (codebook.version() < 1) {
            problems.add("The version is " + codebook.version() + ": it must be 1 or more.");
        }
        if (!codebook.languages().equals(LANGUAGES)) {
            problems.add("The languages are " + codebook.languages() + ": they must be " + LANGUAGES + ".");
        }
        if (!codebook.sections().equals(SECTIONS)) {
            problems.add("The sections are " + codebook.sections() + ": they must be " + SECTIONS + ".");
        }
        blocks(codebook, problems);
        dimensions(codebook, problems);
        researchQuestions(codebook, problems);
        coverage(codebook, problems);
        return problems;
    }

    private static void blocks(Codebook codebook, List<String> problems) {
        duplicates(codebook.blocks().stream().map(Block::key).toList(), "block key", problems);
        for (Block block : codebook.blocks()) {
            String name = "Block " + block.key();
            section(name, block.key(), block.section(), codebook, problems);
            label(name, "label", block.label(), problems);
            text(name, "heading", block.heading(), problems);
            if (block.max() < 1) {
                problems.add(name + " allows " + block.max() + " entries: it must allow 1 or more.");
            }
        }
    }

    private static void dimensions(Codebook codebook, List<String> problems) {
        duplicates(codebook.dimensions().stream().map(Dimension::key).toList(), "dimension key", problems);
        duplicates(
                codebook.dimensions().stream()
                        .map(Dimension::migratedFrom)
                        .filter(from -> from != null)
                        .toList(),
                "migratedFrom",
                problems);
        Map<String, Block> blocks = new HashMap<>();
        codebook.blocks().forEach(block -> blocks.putIfAbsent(block.key(), block));
        for (Dimension dimension : codebook.dimensions()) {
            String name = "Dimension " + dimension.key();
            section(name, dimension.key(), dimension.section(), codebook, problems);
            if (dimension.key() == null || !KEY.matcher(dimension.key()).matches()) {
                // Keys name JSON fields and are written into the generated SQL of the coded facets.
                problems.add(name + " is not a key of the form section.field.field (letters only).");
            }
            if (dimension.block() != null) {
                Block block = blocks.get(dimension.block());
                if (block == null) {
                    problems.add(name + " is in block " + dimension.block() + ", which does not exist.");
                } else {
                    if (block.section() != null && !block.section().equals(dimension.section())) {
                        problems.add(name + " is in section " + dimension.section() + " but its block " + block.key()
                                + " is in " + block.section() + ".");
                    }
                    if (dimension.key() == null || !dimension.key().startsWith(block.key() + ".")) {
                        problems.add(name + " does not start with its block's key " + block.key() + ".");
                    }
                }
            }
            label(name, "label", dimension.label(), problems);
            label(name, "help", dimension.help(), problems);
            text(name, "heading", dimension.heading(), problems);
            DimensionType type = dimension.type();
            if (type == null) {
                problems.add(name + " has no type.");
                continue;
            }
            values(name, dimension, problems);
            if (dimension.facet() && !FACETS.contains(type)) {
                problems.add(name + " is a facet but is " + type + ": only ONE, SEVERAL and BOOLEAN may be.");
            }
            if (dimension.ordered() && !CODED.contains(type)) {
                problems.add(name + " is ordered but is " + type + ": only ONE and SEVERAL may be.");
            }
            numbers(name, dimension, problems);
            if (type == DimensionType.TEXT) {
                if (dimension.maxLength() == null || dimension.maxLength() < 1) {
                    problems.add(name + " is TEXT: it needs a maxLength of 1 or more.");
                }
            } else if (dimension.maxLength() != null) {
                problems.add(name + " has a maxLength but is " + type + ": only TEXT may.");
            }
        }
    }

    private static void values(String name, Dimension dimension, List<String> problems) {
        DimensionType type = dimension.type();
        if (CODED.contains(type) && dimension.values().size() < 2) {
            problems.add(
                    name + " is " + type + " with " + dimension.values().size() + " value(s): it needs 2 or more.");
        }
        if (!CODED.contains(type) && !dimension.values().isEmpty()) {
            problems.add(name + " is " + type + " but has values: only ONE and SEVERAL may.");
        }
        Set<String> seen = new HashSet<>();
        for (CodedValue value : dimension.values()) {
            String code = value.code();
            if (code == null || !CODE.matcher(code).matches()) {
                problems.add(name + " has the code " + code + ", which is not UPPER_SNAKE.");
            } else if (!seen.add(code)) {
                problems.add(name + " has the code " + code + " twice.");
            }
            label(name + " value " + code, "label", value.label(), problems);
        }
    }

    private static void numbers(String name, Dimension dimension, List<String> problems) {
        if (dimension.type() == DimensionType.NUMBER_OR_RANGE) {
            if (dimension.unit() == null) {
                problems.add(name + " is NUMBER_OR_RANGE without a unit.");
            } else {
                label(name, "unit", dimension.unit(), problems);
            }
            if (dimension.min() != null && dimension.max() != null && dimension.min() > dimension.max()) {
                problems.add(name + " has min " + dimension.min() + " above max " + dimension.max() + ".");
            }
        } else if (dimension.unit() != null || dimension.min() != null || dimension.max() != null) {
            problems.add(name + " has a unit, min or max but is " + dimension.type() + ": only NUMBER_OR_RANGE may.");
        }
    }

    private static void researchQuestions(Codebook codebook, List<String> problems) {
        duplicates(
                codebook.researchQuestions().stream()
                        .map(ResearchQuestion::code)
                        .toList(),
                "research question code",
                problems);
        Set<String> keys = keys(codebook);
        for (ResearchQuestion question : codebook.researchQuestions()) {
            String name = "Research question " + question.code();
            if (question.code() == null || !question.code().matches("RQ[1-9][0-9]*")) {
                problems.add(name + " has a code that is not RQ<n>.");
            }
            label(name, "label", question.label(), problems);
            if (question.dimensions().isEmpty()) {
                problems.add(name + " names no dimension.");
            }
            unknown(name, question.dimensions(), keys, problems);
        }
    }

    private static void coverage(Codebook codebook, List<String> problems) {
        duplicates(codebook.coverage().stream().map(Coverage::heading).toList(), "coverage heading", problems);
        Set<String> keys = keys(codebook);
        Set<String> covered = new HashSet<>();
        for (Coverage entry : codebook.coverage()) {
            String name = "Coverage of " + entry.heading();
            text(name, "heading", entry.heading(), problems);
            unknown(name, entry.dimensions(), keys, problems);
            covered.addAll(entry.dimensions());
        }
        for (Dimension dimension : codebook.dimensions()) {
            if (!covered.contains(dimension.key())) {
                problems.add("Dimension " + dimension.key() + " is named by no coverage entry.");
            }
        }
    }

    private static Set<String> keys(Codebook codebook) {
        return codebook.dimensions().stream().map(Dimension::key).collect(Collectors.toSet());
    }

    private static void unknown(String name, List<String> named, Set<String> keys, List<String> problems) {
        for (String key : named) {
            if (!keys.contains(key)) {
                problems.add(name + " names " + key + ", which is no dimension.");
            }
        }
    }

    private static void section(String name, String key, String section, Codebook codebook, List<String> problems) {
        if (section == null || !codebook.sections().contains(section)) {
            problems.add(name + " is in section " + section + ", which is not one of " + codebook.sections() + ".");
        } else if (key == null || !key.startsWith(section.toLowerCase(Locale.ROOT) + ".")) {
            problems.add(name + " does not start with its section in lower case (" + section.toLowerCase(Locale.ROOT)
                    + ".).");
        }
    }

    private static void label(String name, String field, Label label, List<String> problems) {
        if (label == null) {
            problems.add(name + " has no " + field + ".");
            return;
        }
        if (label.en() == null || label.en().isBlank()) {
            problems.add(name + " has a blank English " + field + ".");
        }
        if (label.es() == null || label.es().isBlank()) {
            problems.add(name + " has a blank Spanish " + field + ".");
        }
    }

    private static void text(String name, String field, String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add(name + " has a blank " + field + ".");
        }
    }

    private static void duplicates(List<String> names, String what, List<String> problems) {
        Set<String> seen = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (String name : names) {
            if (name != null && !seen.add(name) && reported.add(name)) {
                problems.add("The " + what + " " + name + " appears more than once.");
            }
        }
    }
}
