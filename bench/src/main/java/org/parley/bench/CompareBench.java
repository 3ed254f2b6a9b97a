package org.parley.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * statements the service runs ({@link VisibleCases#matrix}, {@link VisibleCases#crosstabRegister}, {@link VisibleCases#crosstabAbove}) over plain JDBC, on the
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
                            compareJdbc(pool, query),
                            capacitySeconds,
                            latencySeconds));
            scale.set(
                    "crosstab",
                    measure(
                            "crosstab",
                            cases,
                            crosstabCheck,
                            () -> ListBench.get(bench, crosstabUrl, USER),
                            crosstabJdbc(pool, query),
                            capacitySeconds,
                            latencySeconds));
            Connection checking = pool.take();
            try {
                String plan = ListBench.plan(checking, VisibleCases.crosstabAbove(viewer, query, false, ROWS, COLS));
                scale.put("crosstabAboveExecutionMs", ListBench.executionMs(plan));
                scale.put("crosstabAbovePlan", plan);
                plan = ListBench.plan(checking, VisibleCases.crosstabRegister(query, ROWS, COLS));
                scale.put("crosstabRegisterExecutionMs", ListBench.executionMs(plan));
                scale.put("crosstabRegisterPlan", plan);
            } finally {
                pool.add(checking);
            }
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

    /**
     * Gives the partner exactly {@value #GRANTS} active grants, on cases spread evenly over the generated ones, in
     * every scope in turn, a third of them expiring in 30 days; returns the active grants counted back.
     */
    private long grant(int cases) throws SQLException {
        if (cases < GRANTS) {
            throw new IllegalArgumentException("item 9 needs at least " + GRANTS + " cases, not " + cases);
        }
        return ListBench.grantExactly(bench, ORGANISATION, GRANTS, cases, 0x1717);
    }

    /** The matrix's total and first page's ids over HTTP and over JDBC. */
    private ObjectNode checkCompare(Connection db, String url, ListQuery query) throws Exception {
        JsonNode answer = Bench.JSON.readTree(ListBench.get(bench, url, USER));
        List<String> httpIds = new ArrayList<>();
        answer.path("rows").forEach(row -> httpIds.add(row.path("id").asText()));
        List<String> jdbcIds = new ArrayList<>();
        long jdbcTotal = compare(db, query, jdbcIds);
        return check(answer.path("total").asLong(), jdbcTotal, httpIds.equals(jdbcIds), httpIds.size());
    }

    /** The cross-tabulation's total and cells over HTTP and over JDBC. */
    private ObjectNode checkCrosstab(Connection db, String url, ListQuery query) throws Exception {
        JsonNode answer = Bench.JSON.readTree(ListBench.get(bench, url, USER));
        Set<String> httpCells = new TreeSet<>();
        answer.path("cells")
                .forEach(cell -> httpCells.add(text(cell.path("row")) + "|" + text(cell.path("col")) + "|"
                        + cell.path("count").asLong()));
        Map<String, Long> counts = new TreeMap<>();
        long jdbcTotal = crosstab(db, query, counts);
        Set<String> jdbcCells = new TreeSet<>();
        counts.forEach((cell, count) -> jdbcCells.add(cell + "|" + count));
        return check(answer.path("total").asLong(), jdbcTotal, httpCells.equals(jdbcCells), httpCells.size());
    }

    /**
     * The crosstab as the service computes it without its kept register answer (the stricter figure): the register's
     * statement and the corrections over the partner's cases above it, summed by sign into {@code cells} ("row|col" →
     * count); returns the total.
     */
    private long crosstab(Connection db, ListQuery query, Map<String, Long> cells) throws SQLException {
        long total = 0;
        for (VisibleCases.Statement statement : List.of(
                VisibleCases.crosstabRegister(query, ROWS, COLS),
                VisibleCases.crosstabAbove(viewer, query, false, ROWS, COLS))) {
            Map<Integer, Long> totals = new HashMap<>();
            ListBench.runSql(db, statement, 1, row -> {
                int sign = row.getInt(2);
                if (!row.wasNull()) {
                    cells.merge(row.getString(3) + "|" + row.getString(4), sign * row.getLong(5), Long::sum);
                    totals.put(sign, row.getLong(6));
                }
            });
            for (Map.Entry<Integer, Long> entry : totals.entrySet()) {
                total += entry.getKey() * entry.getValue();
            }
        }
        cells.values().removeIf(count -> count == 0);
        return total;
    }

    /**
     * The matrix's first page as the service computes it without its kept register answer: the register's total and
     * the page with its corrections; the page's ids go into {@code ids}; returns the total.
     */
    private long compare(Connection db, ListQuery query, List<String> ids) throws SQLException {
        long[] register = new long[1];
        ListBench.runSql(db, VisibleCases.registerSummary(query), 1, row -> register[0] = row.getLong(2));
        long[] corrections = new long[1];
        ListBench.runSql(db, VisibleCases.matrix(viewer, query, false), 1, row -> {
            corrections[0] = row.getLong(2) - row.getLong(3);
            UUID id = row.getObject(4, UUID.class);
            if (id != null && ids.size() < query.limit()) {
                ids.add(id.toString());
            }
        });
        return register[0] + corrections[0];
    }

    private Load.Call compareJdbc(BlockingQueue<Connection> pool, ListQuery query) {
        return () -> {
            Connection connection = pool.take();
            try {
                compare(connection, query, new ArrayList<>());
            } finally {
                pool.add(connection);
            }
        };
    }

    private Load.Call crosstabJdbc(BlockingQueue<Connection> pool, ListQuery query) {
        return () -> {
            Connection connection = pool.take();
            try {
                crosstab(connection, query, new HashMap<>());
            } finally {
                pool.add(connection);
            }
        };
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
