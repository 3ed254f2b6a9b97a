package org.parley.cases.codebook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.Sample;
import org.parley.policy.Role;
import org.parley.policy.Viewer;
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

    @Inject
    CaseService cases;

    /**
     * The rows counts are made from ({@code case_coded_value}, kept by a trigger) are, for every case, each distinct
     * value of each key of its coded_facets (a JSON null as NULL), none for an empty key, computed here from the
     * column's JSON: after
     * a case is opened and after its sections are rewritten (and their old values gone).
     */
    @Test
    void theValueRowsFollowTheColumnThroughEveryWrite() throws Exception {
        String id = cases.create(WRITER, Sample.withMarkers("cfv", "MX", EntityType.CHURCH, GroupType.STREET_GANG))
                .id();
        assertValueRowsAgree();
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                PreparedStatement update = db.prepareStatement("UPDATE case_file SET context = jsonb_set(context,"
                        + " '{groups}', '[]'), results = jsonb_set(results, '{dealReached}', 'true') WHERE id = ?")) {
            update.setObject(1, UUID.fromString(id));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        assertValueRowsAgree();
        assertThat(valueRows(id))
                .contains("results.dealReached=true")
                .noneMatch(row -> row.startsWith("context.groups."));
    }

    private static final Viewer WRITER = Viewer.signedIn("cfv-lead", "ifit", Set.of(Role.STAFF));

    private static void assertValueRowsAgree() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> expected = new TreeMap<>();
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("SELECT id, coded_facets::text FROM case_file")) {
            while (rows.next()) {
                Set<String> values = new TreeSet<>();
                json.readTree(rows.getString(2)).fields().forEachRemaining(key -> {
                    key.getValue().forEach(value -> values.add(key.getKey() + "=" + text(value)));
                });
                expected.put(rows.getString(1), values);
            }
        }
        assertThat(expected).isNotEmpty();
        for (Map.Entry<String, Set<String>> caseValues : expected.entrySet()) {
            assertThat(valueRows(caseValues.getKey())).as(caseValues.getKey()).isEqualTo(caseValues.getValue());
        }
    }

    private static String text(JsonNode value) {
        return value.isNull() ? "null" : value.isTextual() ? value.textValue() : value.toString();
    }

    /** The case's rows, as key=value; a row twice would show as a size mismatch. */
    private static Set<String> valueRows(String id) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                PreparedStatement query = db.prepareStatement(
                        "SELECT key, coalesce(value, 'null') FROM case_coded_value WHERE case_id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1) + "=" + result.getString(2));
                }
            }
        }
        Set<String> distinct = new TreeSet<>(rows);
        assertThat(distinct).as("no row twice").hasSize(rows.size());
        return distinct;
    }
}
