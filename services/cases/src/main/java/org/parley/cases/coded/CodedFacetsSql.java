package org.parley.cases.coded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.parley.cases.api.CaseList;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.Dimension;
import org.parley.cases.api.codebook.DimensionType;

/**
 * The SQL of {@code case_file.coded_facets}, generated from the codebook: for every key of
 * {@link CaseList#CODED_FACETS}, the values a case holds at the key's path in its section's document (a block gives
 * one element per entry, a several-value dimension one per value). Migration {@code R__coded_facets} installs it
 * and recomputes the column whenever the generated text changes, so the column never disagrees with the codebook.
 */
public final class CodedFacetsSql {

    /** PostgreSQL takes at most 100 arguments per function call, so jsonb_build_object gets 40 keys at a time. */
    private static final int KEYS_PER_CALL = 40;

    private CodedFacetsSql() {}

    /**
     * The statements that (re)create the functions, the generated columns and the index: {@code coded_facets} holds
     * every key of {@link CaseList#CODED_FACETS} (filters, comparisons), {@code counted_facets} only those of
     * {@link CaseList#COUNTED_FACETS}, narrow, so the list's count over every visible case does not read the wide one.
     */
    public static List<String> statements() {
        return List.of(
                "DROP INDEX IF EXISTS case_file_coded_facets",
                "ALTER TABLE case_file DROP COLUMN IF EXISTS coded_facets, DROP COLUMN IF EXISTS counted_facets",
                // Functions, because a generated column needs an immutable expression and jsonb_build_object is only
                // declared stable (for its variadic "any" arguments); over jsonb values it is deterministic.
                function("case_coded_facets", CaseList.CODED_FACETS),
                function("case_counted_facets", CaseList.COUNTED_FACETS),
                "ALTER TABLE case_file"
                        + " ADD COLUMN coded_facets JSONB"
                        + " GENERATED ALWAYS AS (case_coded_facets(context, process, results)) STORED,"
                        + " ADD COLUMN counted_facets JSONB"
                        + " GENERATED ALWAYS AS (case_counted_facets(context, process, results)) STORED",
                // Filters ask containment ({"process.risks.kind": ["SPOILERS"]}), which this index answers.
                "CREATE INDEX case_file_coded_facets ON case_file USING gin (coded_facets jsonb_path_ops)",
                // The same values, a row each, for counts across cases (crosstab, truth table): a join on (key,
                // case) instead of reading and unnesting every counted case's wide coded_facets document.
                "CREATE TABLE IF NOT EXISTS case_coded_value (case_id UUID NOT NULL REFERENCES case_file (id)"
                        + " ON DELETE CASCADE, key TEXT NOT NULL, value TEXT)",
                "CREATE INDEX IF NOT EXISTS case_coded_value_by_key ON case_coded_value (key, case_id) INCLUDE (value)",
                // A list counts the values of a reader's few cases above the register from this index alone (an
                // index-only scan: no heap row fetched per value).
                "DROP INDEX IF EXISTS case_coded_value_by_case",
                "CREATE INDEX case_coded_value_by_case ON case_coded_value (case_id) INCLUDE (key, value)",
                "CREATE OR REPLACE FUNCTION case_coded_value_sync() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " DELETE FROM case_coded_value WHERE case_id = NEW.id;"
                        + " INSERT INTO case_coded_value (case_id, key, value) "
                        + codedValues("NEW", "")
                        + "; RETURN NULL; END $$",
                "DROP TRIGGER IF EXISTS case_coded_value_sync ON case_file",
                // In the writing transaction, so a count never sees a case's new sections with its old values.
                "CREATE TRIGGER case_coded_value_sync AFTER INSERT OR UPDATE OF context, process, results"
                        + " ON case_file FOR EACH ROW EXECUTE FUNCTION case_coded_value_sync()",
                "TRUNCATE case_coded_value",
                "INSERT INTO case_coded_value (case_id, key, value) " + codedValues("c", "case_file c, "));
    }

    /**
     * The rows of {@code case_coded_value} of the case row {@code row} (from the tables {@code from}, if any): each
     * distinct value of each key of its {@code coded_facets}, a NULL for a block's entry that leaves it uncoded. A key
     * with no value has no row (most keys of most cases): counts join with a LEFT JOIN and count it under null.
     */
    private static String codedValues(String row, String from) {
        return "SELECT DISTINCT " + row + ".id, f.key, e.value #>> '{}' FROM " + from + "jsonb_each(" + row
                + ".coded_facets) AS f, jsonb_array_elements(f.value) AS e";
    }

    private static String function(String name, List<String> keys) {
        return "CREATE OR REPLACE FUNCTION " + name + "(context JSONB, process JSONB, results JSONB)"
                + " RETURNS JSONB LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT " + body(keys) + " $$";
    }

    private static String body(List<String> keys) {
        List<String> calls = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (String key : keys) {
            Dimension dimension = Codebook.standard().dimension(key).orElseThrow();
            pairs.add("'" + key + "', " + values(dimension));
            if (pairs.size() == KEYS_PER_CALL) {
                calls.add("jsonb_build_object(" + String.join(", ", pairs) + ")");
                pairs.clear();
            }
        }
        if (!pairs.isEmpty() || calls.isEmpty()) {
            calls.add("jsonb_build_object(" + String.join(", ", pairs) + ")");
        }
        return String.join(" || ", calls);
    }

    /** The section's document column: the key's first part. */
    static String column(String key) {
        return key.substring(0, key.indexOf('.')).toLowerCase(Locale.ROOT);
    }

    /**
     * The JSON array of a case's values of one dimension. Outside a block: the value, or the codes of a several-value
     * dimension, at the key's path ({@code process.verification.methods} is {@code $."verification"."methods"[*]});
     * nothing when uncoded. In a block: one element per entry, a JSON null for an entry that leaves it uncoded (so a
     * crosstab counts it under null, as the list's facets do), the codes of a several-value dimension.
     */
    static String values(Dimension dimension) {
        String key = dimension.key();
        String column = column(key);
        boolean several = dimension.type() == DimensionType.SEVERAL;
        String block = dimension.block();
        if (block == null) {
            return "jsonb_path_query_array(" + column + ", '$" + fields(key.substring(key.indexOf('.') + 1))
                    + (several ? "[*]" : "") + "')";
        }
        String entries =
                "jsonb_path_query(" + column + ", '$" + fields(block.substring(block.indexOf('.') + 1)) + "[*]') AS e";
        String field = "e #> '{" + key.substring(block.length() + 1).replace('.', ',') + "}'";
        if (several) {
            return "coalesce((SELECT jsonb_agg(v) FROM " + entries + ", jsonb_array_elements(CASE WHEN jsonb_typeof("
                    + field + ") = 'array' THEN " + field + " ELSE '[null]' END) AS v), '[]')";
        }
        return "coalesce((SELECT jsonb_agg(" + field + ") FROM " + entries + "), '[]')";
    }

    private static String fields(String dotted) {
        StringBuilder fields = new StringBuilder();
        for (String field : dotted.split("\\.")) {
            fields.append(".\"").append(field).append('"');
        }
        return fields.toString();
    }
}
