package org.parley.cases.coded;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.CodedSection;
import org.parley.cases.casefile.ImportWrites;
import org.parley.cases.support.CasesTestResource;
import org.parley.testing.Jdbc;
import org.parley.testing.SharedStack;
import org.parley.testing.StackInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V4 on a database in the first (v1) shape: a scratch database is migrated to V3, filled with the nine
 * seed cases as they were written before the codebook (the v1 documents of seeds/ at the commit before it) and
 * with edge cases, then migrated to the end. Every v1 value must arrive: the v1 document derived from the migrated
 * one equals what was stored, but for effect figures, which arrive as numbers, ranges or changes, or else as
 * written in the effect's notes. Every migrated section passes the codebook, and the facet columns follow.
 */
@QuarkusTest
class CodebookShapeMigrationTest {

    static final Class<?> STACK = CasesTestResource.class;

    private static final String SCRATCH = "cases_v1_shape";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyValueOfTheFirstShapeArrives() throws Exception {
        List<JsonNode> written = new ArrayList<>();
        try (InputStream documents = getClass().getResourceAsStream("/migration/v1-documents.json")) {
            json.readTree(documents).forEach(written::add);
        }
        recreateScratchDatabase();
        StackInfo stack = SharedStack.get();
        String url = stack.jdbcUrl(SCRATCH);
        flyway(stack, url).target("3").load().migrate();
        List<UUID> ids = new ArrayList<>();
        try (Connection db = Jdbc.connect(SCRATCH);
                PreparedStatement insert = db.prepareStatement("INSERT INTO case_file (id, version, title, country,"
                        + " status, period_start, context, process, results, created_by, created_at, updated_at)"
                        + " VALUES (?, 1, ?, 'SV', 'ACTIVE', DATE '2012-01-01', ?::jsonb, ?::jsonb, ?::jsonb,"
                        + " 'sofia', now(), now())")) {
            for (JsonNode v1 : written) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                insert.setObject(1, id);
                insert.setString(2, v1.path("name").asText());
                insert.setString(3, v1.path("context").toString());
                insert.setString(4, v1.path("process").toString());
                insert.setString(5, v1.path("results").toString());
                insert.executeUpdate();
            }
        }

        flyway(stack, url).load().migrate();

        try (Connection db = Jdbc.connect(SCRATCH);
                PreparedStatement read = db.prepareStatement("SELECT context::text, process::text, results::text,"
                        + " entity_type, group_types::text, coded_facets::text FROM case_file WHERE id = ?")) {
            for (int i = 0; i < written.size(); i++) {
                JsonNode v1 = written.get(i);
                String name = v1.path("name").asText();
                read.setObject(1, ids.get(i));
                try (ResultSet row = read.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    ObjectNode context = (ObjectNode) json.readTree(row.getString(1));
                    ObjectNode process = (ObjectNode) json.readTree(row.getString(2));
                    ObjectNode results = (ObjectNode) json.readTree(row.getString(3));
                    for (Map.Entry<String, ObjectNode> section : Map.of(
                                    "CONTEXT", context, "PROCESS", process, "RESULTS", results)
                            .entrySet()) {
                        assertThat(CodedSection.problems(
                                        Codebook.standard(), section.getKey(), section.getValue(), LocalDate.now()))
                                .as(name + " " + section.getKey() + " passes the codebook")
                                .isEmpty();
                    }
                    assertThat(withoutNulls(LegacyShape.legacyContext(context)))
                            .as(name + " context")
                            .isEqualTo(withoutNulls(v1.path("context")));
                    assertThat(withoutNulls(LegacyShape.legacyProcess(process)))
                            .as(name + " process")
                            .isEqualTo(withoutNulls(v1.path("process")));
                    assertResultsArrived(name, v1.path("results"), results);
                    assertThat(row.getString(4))
                            .as(name + " entity_type")
                            .isEqualTo(v1.path("context")
                                    .path("negotiatingEntity")
                                    .path("type")
                                    .textValue());
                    assertThat(json.readTree(row.getString(5)))
                            .as(name + " group_types")
                            .isEqualTo(json.valueToTree(
                                    v1.path("context").path("criminalGroups").findValuesAsText("type")));
                    JsonNode facets = json.readTree(row.getString(6));
                    assertThat(facets.path("context.groups.type"))
                            .as(name + " coded facet of the groups' types")
                            .isEqualTo(json.readTree(row.getString(5)));
                }
            }
        }
    }

    private void assertResultsArrived(String name, JsonNode v1, ObjectNode coded) {
        ObjectNode derived = LegacyShape.legacyResults(coded);
        ObjectNode expected = withoutNulls(v1).deepCopy();
        ObjectNode actual = withoutNulls(derived).deepCopy();
        JsonNode expectedEffects = expected.remove("effects");
        JsonNode actualEffects = actual.remove("effects");
        assertThat(actual).as(name + " results").isEqualTo(expected);
        assertThat(actualEffects == null ? 0 : actualEffects.size())
                .as(name + " effects")
                .isEqualTo(expectedEffects == null ? 0 : expectedEffects.size());
        for (int e = 0; expectedEffects != null && e < expectedEffects.size(); e++) {
            JsonNode before = expectedEffects.get(e);
            JsonNode after = actualEffects.get(e);
            JsonNode entry = coded.path("effects").get(e);
            for (String field : List.of("indicator", "period", "source")) {
                assertThat(after.get(field))
                        .as(name + " effect " + e + " " + field)
                        .isEqualTo(before.get(field));
            }
            for (String figure : List.of("before", "after")) {
                String text = before.path(figure).textValue();
                if (text == null) {
                    continue;
                }
                JsonNode number = LegacyShape.figure(text);
                if (number != null) {
                    assertThat(entry.get(figure).toString())
                            .as(name + " effect " + e + " " + figure)
                            .isEqualTo(number.toString());
                    assertThat(after.path(figure).asText()).isEqualTo(LegacyShape.written(number));
                } else if (figure.equals("after") && entry.has("changePercent")) {
                    assertThat(after.path("after").asText().replace("+", ""))
                            .as(name + " effect " + e + " a change")
                            .isEqualTo(text.replace(" ", "").replace("+", ""));
                } else {
                    assertThat(entry.path("notes").asText())
                            .as(name + " effect " + e + " " + figure + " kept as written")
                            .contains(text);
                    assertThat(after.path(figure).asText())
                            .as("and read back by v1")
                            .isEqualTo(text);
                }
            }
        }
    }

    /** v1 wrote "not coded" as null; the derived document leaves such fields out. */
    private static ObjectNode withoutNulls(JsonNode node) {
        return ImportWrites.withoutNulls((ObjectNode) node);
    }

    private static FluentConfiguration flyway(StackInfo stack, String url) {
        return Flyway.configure()
                .dataSource(url, StackInfo.POSTGRES_USER, stack.postgresPassword())
                .locations("classpath:db/migration", "classpath:db/messaging", "classpath:db/projection")
                .outOfOrder(true);
    }

    private static void recreateScratchDatabase() throws SQLException {
        try (Connection admin = Jdbc.connect("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + SCRATCH);
            statement.execute("CREATE DATABASE " + SCRATCH);
        }
    }
}
