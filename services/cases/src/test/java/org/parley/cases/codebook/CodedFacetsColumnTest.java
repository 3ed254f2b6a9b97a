package org.parley.cases.codebook;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.Dimension;
import org.parley.cases.support.CasesTestResource;
import org.parley.testing.Jdbc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored column the list counts coded facets from ({@code case_file.coded_facets}, migration V2, computed by
 * {@code case_coded_facets}) holds
 * exactly the keys of {@link CaseList#CODED_FACETS}, each read from where the codebook says today's cases keep
 * it ({@code migratedFrom}): a facet the codebook adds, or a path that drifts, fails here and not in a count.
 */
@QuarkusTest
class CodedFacetsColumnTest {

    static final Class<?> STACK = CasesTestResource.class;

    private static final Pattern ENTRY =
            Pattern.compile("'([a-zA-Z.]+)',\\s*jsonb_path_query_array\\((context|process|results),\\s*'([^']+)'\\)");

    @Test
    void theColumnHoldsEveryCodedFacetAtItsMigratedPath() throws SQLException {
        Map<String, String> stored = new LinkedHashMap<>();
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                Statement query = db.createStatement();
                ResultSet column = query.executeQuery("SELECT c.generation_expression, p.prosrc"
                        + " FROM information_schema.columns c, pg_proc p WHERE c.table_name = 'case_file'"
                        + " AND c.column_name = 'coded_facets' AND p.proname = 'case_coded_facets'")) {
            assertThat(column.next()).as("coded_facets exists").isTrue();
            assertThat(column.getString(1)).isEqualTo("case_coded_facets(context, process, results)");
            Matcher entry = ENTRY.matcher(column.getString(2));
            while (entry.find()) {
                stored.put(entry.group(1), entry.group(2) + " " + entry.group(3));
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (String key : CaseList.CODED_FACETS) {
            Dimension dimension = Codebook.standard().dimension(key).orElseThrow();
            expected.put(key, location(dimension.migratedFrom()));
        }
        assertThat(stored).isEqualTo(expected);
        assertThat(CaseList.CODED_FACETS)
                .as("the issue's facets stored today")
                .contains(
                        "context.entities.relativeStrength",
                        "context.groups.internalControl",
                        "process.objectives.scope",
                        "process.risks.kind",
                        "results.dealReached",
                        "results.sideEffects.kind");
    }

    /** {@code context.criminalGroups[].type} is the column context at {@code $.criminalGroups[*].type}. */
    private static String location(String migratedFrom) {
        int dot = migratedFrom.indexOf('.');
        return migratedFrom.substring(0, dot) + " $."
                + migratedFrom.substring(dot + 1).replace("[]", "[*]");
    }
}
