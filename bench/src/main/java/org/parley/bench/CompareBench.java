package org.parley.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.search.ListQuery;
import org.parley.cases.search.VisibleCases;
import org.parley.policy.Role;
import org.parley.policy.Viewer;

/**
 * Item 9 (issue 17's performance target): the comparison matrix and a cross-tabulation through the cases service
 * (HTTP, a real token) for a partner organisation holding exactly {@value #GRANTS} active grants, against the very
 * statements the service runs ({@link VisibleCases#matrix}, {@link VisibleCases#crosstab}) over plain JDBC, on the
 * cases item 1 generates, measured as item 1 measures (capacity, then a fixed arrival rate, ABBA).
 */
final class CompareBench {

    /** Issue 17's target, word for word; "met" is judged against it and nothing looser. */
    static final String TARGET = "Measured in the benchmark module at 10,000 cases: compare (8 dimensions, first page)"
            + " and a crosstab for a partner with 100 grants, p99 < 50 ms, each against the same SQL over JDBC in the"
            + " same run.";

    static final double P99_TARGET_MS = 50;
    static final int GRANTS = 100;
    static final String ORGANISATION = "org-partner100";
    static final String USER = "bench-partner100";
    static final List<String> DIMENSIONS = CaseList.CODED_FACETS.subList(0, 8);
    static final String ROWS = "context.groups.internalControl";
    static final String COLS = "results.dealReached";
    static final List<String> SCOPES = List.of("SUMMARY", "RESULTS", "PROCESS", "EXCERPTS");

    private final Bench bench;
    private final ListBench list;
    private Viewer viewer;

    CompareBench(Bench bench, ListBench list) {
        this.bench = bench;
        this.list = list;
    }

    /** Makes the partner in Keycloak. */
    void prepareReader() throws Exception {
        String subject = bench.stack.createUser(USER, ORGANISATION, "partner");
        viewer = Viewer.signedIn(subject, ORGANISATION, Set.of(Role.PARTNER));
    }

    /** Loads up to {@code cases} (if item 1 has not), grants the partner its cases, and measures both endpoints. */
    ObjectNode measureAt(int cases, double capacitySeconds, double latencySeconds) throws Exception {
        list.loadTo(cases);
        ObjectNode scale = Bench.JSON.createObjectNode();
        scale.put("cases", cases);
        scale.put("target", TARGET);
        scale.put("p99TargetMs", P99_TARGET_MS);
        scale.put("partnerOrganisation", ORGANISATION);
        scale.put("partnerActiveGrants", grant(cases));
        scale.set("dimensions", Bench.JSON.valueToTree(DIMENSIONS));
        ListQuery query = ListQuery.parse(new CaseListFilters());
        String compareUrl = bench.url("cases") + "/cases/compare?dims="
                + URLEncoder.encode(String.join(",", DIMENSIONS), StandardCharsets.UTF_8);
        String crosstabUrl = bench.url("cases") + "/cases/crosstab?rows=" + ROWS + "&cols=" + COLS;
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(ListBench.OPEN_LOOP_WORKERS);
        for (int i = 0; i < ListBench.OPEN_LOOP_WORKERS; i++) {
            pool.add(bench.db("cases_bench"));
        }
        try {
            Connection db = pool.take();
            ObjectNode compareCheck;
            ObjectNode crosstabCheck;
            try {
                compareCheck = checkCompare(db, compareUrl, query);
                crosstabCheck = checkCrosstab(db, crosstabUrl, query);
            } finally {
                pool.add(db);
            }
            scale.set(
                    "compare",
                    measure(
                            "compare",
                            cases,
                            compareCheck,
                            () -> ListBench.get(bench, compareUrl, USER),
                            jdbc(pool, VisibleCases.matrix(viewer, query, false), 1),
                            capacitySeconds,
                            latencySeconds));
            scale.set(
                    "crosstab",
                    measure(
                            "crosstab",
                            cases,
                            crosstabCheck,
                            () -> ListBench.get(bench, crosstabUrl, USER),
                            jdbc(pool, VisibleCases.crosstab(viewer, query, false, ROWS, COLS), 4),
                            capacitySeconds,
                            latencySeconds));
            // The crosstab's SQL against the statement it replaced (each counted case's coded_facets unnested),
            // same data, same run; "http" in the line is the current statement, "jdbc" the replaced one.
            VisibleCases.Statement current = VisibleCases.crosstab(viewer, query, false, ROWS, COLS);
            VisibleCases.Statement replaced = unnesting(current);
            Connection checking = pool.take();
            boolean same;
            try {
                same = cells(checking, current).equals(cells(checking, replaced));
                String plan = ListBench.plan(checking, current);
                scale.put("crosstabExecutionMs", ListBench.executionMs(plan));
                scale.put("crosstabPlan", plan);
            } finally {
                pool.add(checking);
            }
            ListBench.Measured sql =
                    list.measure(jdbc(pool, current, 4), jdbc(pool, replaced, 4), capacitySeconds, latencySeconds);
            ObjectNode node = sql.node();
            node.put("sameCells", same);
            node.put("reading", "http = the crosstab's statement (case_coded_value), jdbc = the unnesting one");
            scale.set("crosstabSqlVsUnnesting", node);
            Bench.log(Bench.f(
                    "compare %,7d crosstab SQL, value table vs unnesting (as http vs jdbc) %s | same cells: %s",
                    cases, sql.line(), same));
        } finally {
            for (Connection connection : pool) {
                connection.close();
            }
        }
        scale.put(
                "met",
                scale.at("/compare/met").asBoolean()
                        && scale.at("/crosstab/met").asBoolean());
        return scale;
    }

    private ObjectNode measure(
            String name,
            int cases,
            ObjectNode check,
            Load.Call http,
            Load.Call jdbc,
            double capacitySeconds,
            double latencySeconds)
            throws Exception {
        ListBench.Measured measured = list.measure(http, jdbc, capacitySeconds, latencySeconds);
        ObjectNode node = measured.node();
        node.set("httpAgreesWithJdbc", check);
        node.put("p99TargetMs", P99_TARGET_MS);
        boolean met = measured.httpLatency().p(99) < P99_TARGET_MS
                && measured.httpLatency().errors() == 0;
        node.put("met", met);
        Bench.log(Bench.f(
                "compare %,7d partner %-8s %s | total http %d jdbc %d%s | p99 < 50 ms: %s",
                cases,
                name,
                measured.line(),
                check.path("httpTotal").asLong(),
                check.path("jdbcTotal").asLong(),
                check.path("agree").asBoolean() ? "" : " DISAGREE",
                met ? "met" : "not met"));
        return node;
    }

    private static Load.Call jdbc(BlockingQueue<Connection> pool, VisibleCases.Statement statement, int totalColumn) {
        return () -> {
            Connection connection = pool.take();
            try {
                ListBench.runSql(connection, statement, totalColumn, row -> {});
            } finally {
                pool.add(connection);
            }
        };
    }

    /**
     * Gives the partner exactly {@value #GRANTS} active grants, on cases spread evenly over the generated ones, in
     * every scope in turn, a third of them expiring in 30 days; returns the active grants counted back.
     */
    private long grant(int cases) throws SQLException {
        if (cases < GRANTS) {
            throw new IllegalArgumentException("item 9 needs at least " + GRANTS + " cases, not " + cases);
        }
        int step = cases / GRANTS;
        try (Connection db = bench.db("cases_bench")) {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM case_grant WHERE organisation = ?")) {
                delete.setString(1, ORGANISATION);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO case_grant (case_id, grant_id, organisation, scope, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                Timestamp expires = Timestamp.from(Instant.now().plusSeconds(86_400L * 30));
                for (int k = 0; k < GRANTS; k++) {
                    insert.setObject(1, ListBench.caseId(k * step + k % step));
                    insert.setString(2, new UUID(0x1717_0000_0000_0000L, k).toString());
                    insert.setString(3, ORGANISATION);
                    insert.setString(4, SCOPES.get(k % SCOPES.size()));
                    insert.setTimestamp(5, k % 3 == 0 ? expires : null);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement count = db.prepareStatement("SELECT count(*) FROM case_grant WHERE organisation = ?"
                    + " AND (expires_at IS NULL OR expires_at > now())")) {
                count.setString(1, ORGANISATION);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    long active = rows.getLong(1);
                    if (active != GRANTS) {
                        throw new IllegalStateException(
                                active + " active grants for " + ORGANISATION + ", not " + GRANTS);
                    }
                    return active;
                }
            }
        }
    }

    /** The matrix's total and first page's ids over HTTP and over JDBC. */
    private ObjectNode checkCompare(Connection db, String url, ListQuery query) throws Exception {
        JsonNode answer = Bench.JSON.readTree(ListBench.get(bench, url, USER));
        List<String> httpIds = new ArrayList<>();
        answer.path("rows").forEach(row -> httpIds.add(row.path("id").asText()));
        List<String> jdbcIds = new ArrayList<>();
        long jdbcTotal = ListBench.runSql(db, VisibleCases.matrix(viewer, query, false), 1, row -> {
            UUID id = row.getObject(2, UUID.class);
            if (id != null && jdbcIds.size() < query.limit()) {
                jdbcIds.add(id.toString());
            }
        });
        return check(answer.path("total").asLong(), jdbcTotal, httpIds.equals(jdbcIds), httpIds.size());
    }

    /** The cross-tabulation's total and cells over HTTP and over JDBC. */
    private ObjectNode checkCrosstab(Connection db, String url, ListQuery query) throws Exception {
        JsonNode answer = Bench.JSON.readTree(ListBench.get(bench, url, USER));
        Set<String> httpCells = new TreeSet<>();
        answer.path("cells")
                .forEach(cell -> httpCells.add(text(cell.path("row")) + "|" + text(cell.path("col")) + "|"
                        + cell.path("count").asLong()));
        Set<String> jdbcCells = new TreeSet<>();
        long jdbcTotal = ListBench.runSql(
                db,
                VisibleCases.crosstab(viewer, query, false, ROWS, COLS),
                4,
                row -> jdbcCells.add(row.getString(1) + "|" + row.getString(2) + "|" + row.getLong(3)));
        return check(answer.path("total").asLong(), jdbcTotal, httpCells.equals(jdbcCells), httpCells.size());
    }

    /**
     * The crosstab statement as it was before {@code case_coded_value}: each counted case's coded_facets read back and
     * unnested (an empty key as one NULL), the key written into the SQL; the baseline of the value table.
     */
    static VisibleCases.Statement unnesting(VisibleCases.Statement current) {
        String sql = current.sql()
                .replace(
                        "counted AS (SELECT id FROM visible WHERE",
                        "counted AS (SELECT visible.id, f.coded_facets FROM visible JOIN case_file f ON f.id ="
                                + " visible.id WHERE");
        List<Object> parameters = new ArrayList<>(current.parameters());
        for (String alias : List.of("c", "r")) {
            String key = (String) parameters.remove(parameters.size() - 1);
            String join = " LEFT JOIN case_coded_value " + alias + " ON " + alias + ".case_id = counted.id AND " + alias
                    + ".key = ?";
            if (!sql.contains(join)) {
                throw new IllegalStateException("the crosstab's statement changed: " + alias);
            }
            sql = sql.replace(
                    join,
                    ", LATERAL (SELECT e.value #>> '{}' AS value FROM jsonb_array_elements(CASE WHEN"
                            + " jsonb_array_length(coded_facets -> '" + key + "') = 0 THEN '[null]'::jsonb ELSE"
                            + " coded_facets -> '" + key + "' END) AS e(value)) AS " + alias);
        }
        return new VisibleCases.Statement(sql, parameters);
    }

    private static Set<String> cells(Connection db, VisibleCases.Statement statement) throws SQLException {
        Set<String> cells = new TreeSet<>();
        ListBench.runSql(
                db, statement, 4, row -> cells.add(row.getString(1) + "|" + row.getString(2) + "|" + row.getLong(3)));
        return cells;
    }

    private static String text(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "null" : value.asText();
    }

    private static ObjectNode check(long httpTotal, long jdbcTotal, boolean sameContent, int items) {
        ObjectNode node = Bench.JSON.createObjectNode();
        node.put("httpTotal", httpTotal);
        node.put("jdbcTotal", jdbcTotal);
        node.put("sameRowsOrCells", sameContent);
        node.put("rowsOrCellsCompared", items);
        node.put("agree", httpTotal == jdbcTotal && sameContent);
        return node;
    }
}
