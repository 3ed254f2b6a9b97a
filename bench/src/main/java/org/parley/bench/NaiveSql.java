package org.parley.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.parley.cases.api.CaseList;
import org.parley.policy.CaseColumns;
import org.parley.policy.GrantScope;
import org.parley.policy.Relationship;
import org.parley.policy.SecrecyRules;
import org.parley.policy.SecrecySql;
import org.parley.policy.Section;
import org.parley.policy.SqlFragment;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;

/**
 * The naive baseline of issue 18: the simplest correct SQL for the list's answer (page, total, every facet) in one
 * statement over the base tables alone, without the service's helper tables ({@code visibility_rule}, {@code
 * visibility_scope}) or anything precomputed per viewer. Each case's relationship is decided per row by {@link
 * SecrecySql#relationshipOf} over correlated subqueries of its team and grants, its widest active grant per row, and
 * the sections it may see by the matrix of {@link SecrecyRules#sections} written into the statement as lists of
 * (relationship, tier, released, scope). Nothing of the rules is typed here by hand; the answer's shape (which
 * facets, which columns) is the list's.
 */
final class NaiveSql {

    private NaiveSql() {}

    /** The sections a list shows, as the flags s_header … of each row. */
    private static final List<Section> LISTED =
            List.of(Section.HEADER, Section.CONTEXT, Section.PROCESS, Section.RESULTS);

    /** The text-search vector of each listed section. */
    private static final List<String> VECTORS = List.of("header_tsv", "context_tsv", "process_tsv", "results_tsv");

    /** The section each masked column of the page belongs to (the columns of {@code VisibleCases.list}). */
    private static final List<String[]> MASKED = List.of(
            new String[] {"HEADER", "c.title"},
            new String[] {"HEADER", "c.country"},
            new String[] {"HEADER", "c.region"},
            new String[] {"HEADER", "c.status"},
            new String[] {"HEADER", "c.period_start"},
            new String[] {"HEADER", "c.period_end"},
            new String[] {"CONTEXT", "c.context::text"},
            new String[] {"PROCESS", "c.process::text"},
            new String[] {"PROCESS", "c.timeline::text"},
            new String[] {"RESULTS", "c.results::text"});

    /** The coded sections, for a coded key's visibility (its first part names its section). */
    private static final List<Section> CODED_SECTIONS = List.of(Section.CONTEXT, Section.PROCESS, Section.RESULTS);

    /** The list's answer by the naive statement: total, facets and page, as {@link ListAnswer}. */
    static ListAnswer list(Connection db, Viewer viewer, String query) throws SQLException {
        Sql statement = statement(viewer, BenchQuery.parse(query));
        try (PreparedStatement prepared = db.prepareStatement(statement.text.toString())) {
            for (int i = 0; i < statement.parameters.size(); i++) {
                prepared.setObject(i + 1, statement.parameters.get(i));
            }
            try (ResultSet rows = prepared.executeQuery()) {
                return ListAnswer.ofRows(rows, BenchQuery.LIMIT);
            } catch (IOException e) {
                throw new SQLException("the naive statement's facets are not JSON", e);
            }
        }
    }

    /** The statement's text and parameters, for EXPLAIN. */
    static String explain(Connection db, Viewer viewer, String query) throws SQLException {
        Sql statement = statement(viewer, BenchQuery.parse(query));
        return GenericPlan.explain(db, statement.text.toString(), statement.parameters);
    }

    /** SQL text and its parameters, appended in the order they appear. */
    private static final class Sql {
        final StringBuilder text = new StringBuilder(8192);
        final List<Object> parameters = new ArrayList<>();

        Sql add(String sql, Object... values) {
            text.append(sql);
            parameters.addAll(List.of(values));
            return this;
        }

        Sql add(SqlFragment fragment) {
            text.append(fragment.sql());
            parameters.addAll(fragment.parameters());
            return this;
        }
    }

    static Sql statement(Viewer viewer, BenchQuery query) {
        boolean anonymous = viewer.isAnonymous();
        String activeGrant =
                "g.case_id = c.id AND g.organisation = ? AND " + SecrecySql.grantActive("g.expires_at", "now()");
        SqlFragment relationship = SecrecySql.relationshipOf(
                viewer,
                new CaseColumns(
                        "p.owning_organisation",
                        anonymous
                                ? null
                                : SqlFragment.of(
                                        "EXISTS (SELECT 1 FROM case_team_member t WHERE t.case_id = c.id AND t.subject = ?)",
                                        viewer.subject()),
                        anonymous
                                ? null
                                : SqlFragment.of(
                                        "EXISTS (SELECT 1 FROM case_grant g WHERE " + activeGrant + ")",
                                        viewer.organisation())));
        Sql sql = new Sql();
        sql.add("WITH visible AS MATERIALIZED (SELECT c.id, c.period_start, c.country, c.status, p.tier,"
                + " c.entity_type, c.group_types, c.counted_facets, f.s_header, f.s_context, f.s_process, f.s_results"
                + " FROM case_file c JOIN case_policy p ON p.case_id = c.id AND NOT p.deleted"
                + " CROSS JOIN LATERAL (SELECT ");
        // OFFSET 0 keeps each LATERAL evaluated once per row: PostgreSQL would otherwise copy its expression,
        // subqueries
        // and all, into every place that reads it (the relationship into each of the matrix's comparisons).
        sql.add(relationship).add(" AS relationship OFFSET 0) r CROSS JOIN LATERAL (SELECT ");
        if (anonymous) {
            sql.add("''");
        } else {
            // The widest active grant of the viewer's organisation on this case, by GrantScope's order.
            StringBuilder width = new StringBuilder("CASE g.scope");
            for (GrantScope scope : GrantScope.values()) {
                width.append(" WHEN '").append(scope.name()).append("' THEN ").append(scope.ordinal());
            }
            width.append(" END");
            sql.add(
                    "CASE WHEN r.relationship = '" + Relationship.GRANTEE.name()
                            + "' THEN (SELECT g.scope FROM case_grant g WHERE " + activeGrant + " ORDER BY " + width
                            + " DESC LIMIT 1) ELSE '' END",
                    viewer.organisation());
        }
        sql.add(" AS scope OFFSET 0) s CROSS JOIN LATERAL (SELECT ");
        List<String> flags = new ArrayList<>();
        for (Section section : LISTED) {
            flags.add(matrix(section) + " AS " + flag(section));
        }
        sql.add(String.join(", ", flags)).add(" OFFSET 0) f");
        if (query.text() != null) {
            sql.add(" CROSS JOIN (SELECT websearch_to_tsquery('parley_search', ?) AS q) sq", query.text());
        }
        sql.add(" WHERE c.deleted_at IS NULL AND (f.s_header OR f.s_context OR f.s_process OR f.s_results)");
        if (query.country() != null) {
            sql.add(" AND c.country = ?", query.country());
        }
        if (query.status() != null) {
            sql.add(" AND c.status = ?", query.status());
        }
        if (query.tier() != null) {
            sql.add(" AND p.tier = ?", query.tier());
        }
        if (query.text() != null) {
            // A section's text matches only where the viewer sees the section.
            List<String> matches = new ArrayList<>();
            for (int i = 0; i < LISTED.size(); i++) {
                matches.add("(f." + flag(LISTED.get(i)) + " AND c." + VECTORS.get(i) + " @@ sq.q)");
            }
            sql.add(" AND (" + String.join(" OR ", matches) + ")");
        }
        sql.add("), page AS (SELECT * FROM visible ORDER BY period_start DESC, id DESC LIMIT ?)", BenchQuery.LIMIT + 1);
        String keys = String.join(
                ", ",
                CaseList.COUNTED_FACETS.stream().map(key -> "'" + key + "'").toList());
        List<String> codedVisible = new ArrayList<>();
        for (Section section : CODED_SECTIONS) {
            codedVisible.add(
                    "(f.key LIKE '" + section.name().toLowerCase(Locale.ROOT) + ".%' AND " + flag(section) + ")");
        }
        sql.add(", summary AS (SELECT (SELECT count(*) FROM visible) AS total, jsonb_build_object("
                + facet("country", "SELECT country AS k, count(*) AS n FROM visible GROUP BY country") + ", "
                + facet("status", "SELECT status AS k, count(*) AS n FROM visible GROUP BY status") + ", "
                + facet("tier", "SELECT tier AS k, count(*) AS n FROM visible GROUP BY tier") + ", "
                + facet(
                        "entityType",
                        "SELECT entity_type AS k, count(*) AS n FROM visible WHERE s_context AND entity_type IS NOT NULL"
                                + " GROUP BY entity_type")
                + ", "
                + facet(
                        "groupType",
                        "SELECT d.k, count(*) AS n FROM (SELECT DISTINCT visible.id, t.k FROM visible,"
                                + " jsonb_array_elements_text(visible.group_types) AS t(k) WHERE s_context) d GROUP BY d.k")
                + ", "
                + facet(
                        "coded",
                        "SELECT x.key AS k, jsonb_object_agg(x.value, x.n) AS n FROM (SELECT f.key, e.value #>> '{}' AS"
                                + " value, count(DISTINCT visible.id) AS n FROM visible, jsonb_each(visible.counted_facets)"
                                + " AS f(key, vals), jsonb_array_elements(f.vals) AS e(value) WHERE jsonb_typeof(e.value)"
                                + " <> 'null' AND f.key IN (" + keys + ") AND (" + String.join(" OR ", codedVisible)
                                + ") GROUP BY f.key, e.value #>> '{}') x GROUP BY x.key")
                + ")::text AS facets) ");
        List<String> columns = new ArrayList<>();
        for (String[] column : MASKED) {
            columns.add("CASE WHEN pg." + flag(Section.valueOf(column[0])) + " THEN " + column[1] + " END");
        }
        sql.add("SELECT s.total, s.facets, pg.id, pg.tier, " + String.join(", ", columns)
                + " FROM summary s LEFT JOIN page pg ON true LEFT JOIN case_file c ON c.id = pg.id"
                + " ORDER BY pg.period_start DESC, pg.id DESC");
        return sql;
    }

    /**
     * Whether the row's (relationship, tier, released, scope) lets the viewer see {@code section}: the list of every
     * combination where {@link SecrecyRules#sections} holds it, scope '' for every relationship but GRANTEE.
     */
    private static String matrix(Section section) {
        List<String> rows = new ArrayList<>();
        for (Relationship relationship : Relationship.values()) {
            for (Tier tier : Tier.values()) {
                for (boolean released : new boolean[] {false, true}) {
                    List<GrantScope> scopes = new ArrayList<>();
                    if (relationship == Relationship.GRANTEE) {
                        scopes.addAll(List.of(GrantScope.values()));
                    } else {
                        scopes.add(null);
                    }
                    for (GrantScope scope : scopes) {
                        if (SecrecyRules.sections(relationship, tier, released, scope)
                                .contains(section)) {
                            rows.add("('" + relationship.name() + "', '" + tier.name() + "', " + released + ", '"
                                    + (scope == null ? "" : scope.name()) + "')");
                        }
                    }
                }
            }
        }
        return rows.isEmpty()
                ? "FALSE"
                : "((r.relationship, p.tier, p.results_released, s.scope) IN (" + String.join(", ", rows) + "))";
    }

    private static String flag(Section section) {
        return "s_" + section.name().toLowerCase(Locale.ROOT);
    }

    private static String facet(String name, String counts) {
        return "'" + name + "', (SELECT coalesce(jsonb_object_agg(f.k, f.n), '{}'::jsonb) FROM (" + counts + ") f)";
    }
}
