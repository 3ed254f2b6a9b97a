package org.parley.cases.codebook;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseList;
import org.parley.cases.support.CasesTestResource;
import org.parley.testing.Jdbc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored column the list counts coded facets from ({@code case_file.coded_facets}, computed by
 * {@code case_coded_facets}, generated from the codebook by migration R__coded_facets) holds exactly the keys of
 * {@link CaseList#CODED_FACETS}: a facet the codebook adds fails here and not in a count. What each key holds is
 * checked by the counts themselves (AuthorizationMatrixTest, CompareTest) and the migration test.
 */
@QuarkusTest
class CodedFacetsColumnTest {

    static final Class<?> STACK = CasesTestResource.class;

    private static final Pattern KEY = Pattern.compile("'((?:context|process|results)\\.[a-zA-Z.]+)', ");

    @Test
    void theColumnHoldsEveryCodedFacet() throws SQLException {
        List<String> stored = new ArrayList<>();
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                Statement query = db.createStatement();
                ResultSet column = query.executeQuery("SELECT c.generation_expression, p.prosrc"
                        + " FROM information_schema.columns c, pg_proc p WHERE c.table_name = 'case_file'"
                        + " AND c.column_name = 'coded_facets' AND p.proname = 'case_coded_facets'")) {
            assertThat(column.next()).as("coded_facets exists").isTrue();
            assertThat(column.getString(1)).isEqualTo("case_coded_facets(context, process, results)");
            Matcher key = KEY.matcher(column.getString(2));
            while (key.find()) {
                stored.add(key.group(1));
            }
        }
        assertThat(stored).containsExactlyElementsOf(CaseList.CODED_FACETS);
        assertThat(CaseList.CODED_FACETS)
                .as("the issue's facets")
                .contains(
                        "context.entities.relativeStrength",
                        "context.groups.type",
                        "context.groups.internalControl",
                        "process.objectives.scope",
                        "process.risks.kind",
                        "process.phases.phase",
                        "results.dealReached",
                        "results.sideEffects.kind");
    }
}
