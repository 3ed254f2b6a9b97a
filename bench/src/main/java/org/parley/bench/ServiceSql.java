package org.parley.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.parley.cases.api.CaseListFilters;
import org.parley.cases.search.ListQuery;
import org.parley.cases.search.VisibleCases;
import org.parley.policy.Viewer;

/**
 * The one place the bench runs the cases service's own list SQL over JDBC (the baseline of items 1 and 7, the
 * cross-check against HTTP, the naive baseline's opponent and the EXPLAIN). When the service's list changes, rewire
 * {@link #statements} (what the service runs for a list, in order) and, if their rows change shape, {@link #list}.
 */
final class ServiceSql {

    private ServiceSql() {}

    /**
     * The list as the service runs it ({@code CaseSearch.list}): in a transaction, after the service's plan setting,
     * every column of every row read; returns the answer.
     */
    static ListAnswer list(Connection db, Viewer viewer, String query) throws SQLException {
        db.setAutoCommit(false);
        try {
            if (ListBench.PLAN_SETTING != null) {
                try (java.sql.Statement setting = db.createStatement()) {
                    setting.execute(ListBench.PLAN_SETTING);
                }
            }
            ListAnswer answer = null;
            for (VisibleCases.Statement statement : statements(viewer, query)) {
                try (PreparedStatement prepared = statement.prepare(db);
                        ResultSet rows = prepared.executeQuery()) {
                    answer = ListAnswer.ofRows(rows, BenchQuery.LIMIT);
                }
            }
            db.commit();
            return answer;
        } catch (SQLException | IOException | RuntimeException e) {
            db.rollback();
            throw e instanceof SQLException sql ? sql : new SQLException("the list statement failed", e);
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** The statements of {@link #list}, in the order it runs them. */
    static List<VisibleCases.Statement> statements(Viewer viewer, String query) {
        return List.of(VisibleCases.list(viewer, serviceQuery(query), false));
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of the generic plan of each statement {@link #list} runs, one after the other. */
    static String explain(Connection db, Viewer viewer, String query) throws SQLException {
        StringBuilder plans = new StringBuilder();
        for (VisibleCases.Statement statement : statements(viewer, query)) {
            plans.append(GenericPlan.explain(db, statement.sql(), statement.parameters()));
        }
        return plans.toString();
    }

    /** The service's own parsing of a bench query string ({@link BenchQuery}). */
    static ListQuery serviceQuery(String query) {
        BenchQuery parsed = BenchQuery.parse(query);
        return ListQuery.parse(new CaseListFilters(
                parsed.text(),
                parsed.country() == null ? null : List.of(parsed.country()),
                parsed.status() == null ? null : List.of(parsed.status()),
                parsed.tier() == null ? null : List.of(parsed.tier()),
                null,
                null,
                null,
                null,
                null,
                Integer.toString(BenchQuery.LIMIT)));
    }
}
