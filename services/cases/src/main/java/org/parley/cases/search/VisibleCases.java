package org.parley.cases.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.parley.policy.Role;
import org.parley.policy.Viewer;

/**
 * The list and search statement, with the secrecy rules inside it: each case's relationship to the
 * viewer is computed per row (the precedence of {@code SecrecyRules.relationshipOf}), joined with
 * {@code visibility_rule} (written from {@code SecrecyRules.sections}), and only cases with a visible
 * section survive. Total, facets and page all come from that one filtered set, in one statement and one
 * snapshot; sections the viewer may not see are masked in the SQL, so their text never leaves the
 * database. Text search matches a section only where the viewer may see it.
 *
 * <p>Result: one row per case of the page (at most limit + 1, the extra one only says there is a next
 * page), or a single row with null case columns when the page is empty; every row carries the total
 * and the facets (a JSON object).
 */
public final class VisibleCases {

    /** A statement and its parameters, in order. */
    public record Statement(String sql, List<Object> parameters) {

        public PreparedStatement prepare(Connection connection) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            int index = 1;
            for (Object parameter : parameters) {
                if (parameter instanceof TextArray array) {
                    statement.setArray(
                            index++,
                            connection.createArrayOf("text", array.values().toArray()));
                } else {
                    statement.setObject(index++, parameter);
                }
            }
            return statement;
        }
    }

    record TextArray(List<String> values) {}

    /**
     * Run in the statement's transaction: its plan depends on no parameter value (hash joins over the
     * projection either way), so the prepared statement keeps one plan instead of planning each time.
     */
    public static final String GENERIC_PLAN = "SET LOCAL plan_cache_mode = force_generic_plan";

    private final StringBuilder sql = new StringBuilder(4096);
    private final List<Object> parameters = new ArrayList<>();

    private VisibleCases() {}

    /**
     * @param teamOnly only the viewer's own team cases (GET /cases?team=mine)
     */
    public static Statement list(Viewer viewer, ListQuery query, boolean teamOnly) {
        VisibleCases statement = new VisibleCases();
        statement.build(viewer, query, teamOnly);
        return new Statement(statement.sql.toString(), List.copyOf(statement.parameters));
    }

    private void build(Viewer viewer, ListQuery query, boolean teamOnly) {
        boolean anonymous = viewer.isAnonymous();
        sql.append("WITH ");
        if (!anonymous) {
            append("viewer_team AS (SELECT case_id FROM case_team_member WHERE subject = ?), ", viewer.subject());
            // The organisation's widest active grant per case; expiry bites at the instant itself.
            append(
                    "viewer_grant AS (SELECT DISTINCT ON (g.case_id) g.case_id, g.scope FROM case_grant g"
                            + " JOIN visibility_scope s ON s.scope = g.scope"
                            + " WHERE g.organisation = ? AND (g.expires_at IS NULL OR g.expires_at > now())"
                            + " ORDER BY g.case_id, s.width DESC), ",
                    viewer.organisation());
        }
        sql.append("visible AS MATERIALIZED (SELECT c.id, c.period_start, c.country, c.status, p.tier,"
                + " p.results_released, c.entity_type, c.group_types, r.relationship,"
                + " v.header AS s_header, v.context AS s_context, v.process AS s_process, v.results AS s_results"
                + " FROM case_file c JOIN case_policy p ON p.case_id = c.id AND NOT p.deleted ");
        if (anonymous) {
            sql.append("CROSS JOIN LATERAL (SELECT 'ANONYMOUS' AS relationship) r"
                    + " JOIN visibility_rule v ON v.relationship = r.relationship AND v.tier = p.tier"
                    + " AND v.released = p.results_released AND v.scope = '' ");
        } else {
            sql.append("LEFT JOIN viewer_team m ON m.case_id = c.id LEFT JOIN viewer_grant g ON g.case_id = c.id"
                    + " CROSS JOIN LATERAL (SELECT CASE WHEN m.case_id IS NOT NULL THEN 'MEMBER' ");
            if (viewer.has(Role.SECRECY_ADMIN)) {
                append("WHEN p.owning_organisation = ? THEN 'SECRECY_ADMIN' ", viewer.organisation());
            }
            sql.append("WHEN g.scope IS NOT NULL THEN 'GRANTEE' ");
            append(
                    "WHEN p.owning_organisation = ? THEN 'ORG_STAFF' ELSE 'OTHER' END AS relationship) r",
                    viewer.organisation());
            sql.append(" JOIN visibility_rule v ON v.relationship = r.relationship AND v.tier = p.tier"
                    + " AND v.released = p.results_released"
                    + " AND v.scope = CASE WHEN r.relationship = 'GRANTEE' THEN g.scope ELSE '' END ");
        }
        if (query.text() != null) {
            append("CROSS JOIN (SELECT websearch_to_tsquery('parley_search', ?) AS q) sq ", query.text());
        }
        sql.append("WHERE c.deleted_at IS NULL AND (v.header OR v.context OR v.process OR v.results OR v.interviews)");
        if (teamOnly) {
            sql.append(" AND r.relationship = 'MEMBER'");
        }
        if (!query.countries().isEmpty()) {
            append(" AND c.country = ANY (?)", new TextArray(query.countries()));
        }
        if (!query.statuses().isEmpty()) {
            append(" AND c.status = ANY (?)", new TextArray(query.statuses()));
        }
        if (!query.tiers().isEmpty()) {
            append(" AND p.tier = ANY (?)", new TextArray(query.tiers()));
        }
        // Filters on CONTEXT fields match only cases whose CONTEXT the viewer may see.
        if (!query.entityTypes().isEmpty()) {
            append(" AND v.context AND c.entity_type = ANY (?)", new TextArray(query.entityTypes()));
        }
        if (!query.groupTypes().isEmpty()) {
            append(" AND v.context AND jsonb_exists_any(c.group_types, ?)", new TextArray(query.groupTypes()));
        }
        if (query.to() != null) {
            append(" AND c.period_start <= ?", query.to());
        }
        if (query.from() != null) {
            append(" AND (c.period_end IS NULL OR c.period_end >= ?)", query.from());
        }
        if (query.text() != null) {
            // The first condition only lets the text indexes narrow the rows; the second decides.
            sql.append(" AND (c.header_tsv @@ sq.q OR c.context_tsv @@ sq.q OR c.process_tsv @@ sq.q"
                    + " OR c.results_tsv @@ sq.q)"
                    + " AND ((v.header AND c.header_tsv @@ sq.q) OR (v.context AND c.context_tsv @@ sq.q)"
                    + " OR (v.process AND c.process_tsv @@ sq.q) OR (v.results AND c.results_tsv @@ sq.q))");
        }
        sql.append("), page AS (SELECT * FROM visible");
        if (query.cursor() != null) {
            append(
                    " WHERE (period_start, id) < (?, ?)",
                    query.cursor().periodStart(),
                    query.cursor().id());
        }
        append(" ORDER BY period_start DESC, id DESC LIMIT ?), ", query.limit() + 1);
        sql.append("summary AS (SELECT (SELECT count(*) FROM visible) AS total, jsonb_build_object(");
        facet("country", "SELECT country AS k, count(*) AS n FROM visible GROUP BY country");
        sql.append(", ");
        facet("status", "SELECT status AS k, count(*) AS n FROM visible GROUP BY status");
        sql.append(", ");
        facet("tier", "SELECT tier AS k, count(*) AS n FROM visible GROUP BY tier");
        sql.append(", ");
        facet(
                "entityType",
                "SELECT entity_type AS k, count(*) AS n FROM visible"
                        + " WHERE s_context AND entity_type IS NOT NULL GROUP BY entity_type");
        sql.append(", ");
        facet(
                "groupType",
                // A case with two groups of one type counts once.
                "SELECT d.k, count(*) AS n FROM (SELECT DISTINCT visible.id, t.k FROM visible,"
                        + " jsonb_array_elements_text(visible.group_types) AS t(k) WHERE s_context) d GROUP BY d.k");
        sql.append(")::text AS facets) ");
        sql.append("SELECT s.total, s.facets, pg.id, c.version, pg.tier, pg.results_released,"
                + " pg.s_header, pg.s_context, pg.s_process, pg.s_results,"
                + " CASE WHEN pg.s_header THEN c.title END, CASE WHEN pg.s_header THEN c.country END,"
                + " CASE WHEN pg.s_header THEN c.region END, CASE WHEN pg.s_header THEN c.status END,"
                + " CASE WHEN pg.s_header THEN c.period_start END, CASE WHEN pg.s_header THEN c.period_end END,"
                + " CASE WHEN pg.s_context THEN c.context::text END,"
                + " CASE WHEN pg.s_process THEN c.process::text END,"
                + " CASE WHEN pg.s_process THEN c.timeline::text END,"
                + " CASE WHEN pg.s_results THEN c.results::text END,"
                + " c.header_edits, c.context_edits, c.process_edits, c.results_edits"
                + " FROM summary s LEFT JOIN page pg ON true LEFT JOIN case_file c ON c.id = pg.id"
                + " ORDER BY pg.period_start DESC, pg.id DESC");
    }

    private void facet(String name, String counts) {
        sql.append('\'')
                .append(name)
                .append("', (SELECT coalesce(jsonb_object_agg(f.k, f.n), '{}'::jsonb) FROM (")
                .append(counts)
                .append(") f)");
    }

    private void append(String fragment, Object... values) {
        sql.append(fragment);
        parameters.addAll(List.of(values));
    }
}
