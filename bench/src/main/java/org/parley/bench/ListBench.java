package org.parley.bench;

import java.io.InputStream;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.cases.api.GroupType;
import org.parley.cases.api.InternalControl;
import org.parley.cases.api.MediatorRole;
import org.parley.cases.api.ObjectiveScope;
import org.parley.cases.api.RelativeStrength;
import org.parley.cases.api.RiskKind;
import org.parley.cases.api.SideEffectKind;
import org.parley.cases.coded.LegacyShape;
import org.parley.cases.search.ListQuery;
import org.parley.cases.search.VisibleCases;
import org.parley.policy.Role;
import org.parley.policy.Viewer;
import org.postgresql.PGConnection;

/**
 * Items 1 and 7: visibility-filtered list and search through the cases service (HTTP, real tokens) against the
 * very statement the service runs ({@link VisibleCases}) executed over plain JDBC from this JVM, for a member, a
 * grantee, staff of another organisation and an anonymous reader, at growing numbers of cases (50
 * organisations, 10 grants per case). Data goes straight into the cases database with COPY.
 */
final class ListBench {

    static final int ORGANISATIONS = 50;
    static final int GRANTS_PER_CASE = 10;
    static final int CAPACITY_WORKERS = 4;
    static final int OPEN_LOOP_WORKERS = 8;
    static final List<String> LISTS = List.of("", "country=MX", "status=ACTIVE", "tier=PUBLICLY_KNOWN");
    static final List<String> SEARCHES = List.of(
            "tregua", "cartel prison", "homicidios", "\"gang violence\"", "acuerdo -amnesty", "iglesia", "mayor");
    static final List<String> WORDS = List.of(
            "negociación",
            "tregua",
            "pandilla",
            "cartel",
            "gobierno",
            "iglesia",
            "mediador",
            "acuerdo",
            "prisión",
            "violencia",
            "homicidios",
            "extorsión",
            "territorio",
            "comunidad",
            "ceasefire",
            "truce",
            "talks",
            "leaders",
            "prison",
            "gang",
            "violence",
            "agreement",
            "municipal",
            "mayor",
            "bishop",
            "spoilers",
            "amnesty",
            "disarmament",
            "weapons",
            "trust",
            "channel",
            "secret",
            "public",
            "results",
            "process",
            "concession");

    record Reader(String name, String user, Viewer viewer, String path) {}

    private final Bench bench;
    private final long casesPid;
    private final List<Reader> readers = new ArrayList<>();
    private String memberSubject;
    private int loaded;
    private boolean warm;

    ListBench(Bench bench, long casesPid) {
        this.bench = bench;
        this.casesPid = casesPid;
    }

    /** Makes the three signed-in readers in Keycloak; their subjects go into the generated teams. */
    void prepareReaders() throws Exception {
        memberSubject = bench.stack.createUser("bench-member", "org-00", "staff");
        String grantee = bench.stack.createUser("bench-grantee", "org-07", "partner");
        String other = bench.stack.createUser("bench-other", "org-none", "staff");
        readers.add(new Reader(
                "member", "bench-member", Viewer.signedIn(memberSubject, "org-00", Set.of(Role.STAFF)), "/cases"));
        readers.add(new Reader(
                "grantee", "bench-grantee", Viewer.signedIn(grantee, "org-07", Set.of(Role.PARTNER)), "/cases"));
        readers.add(new Reader(
                "otherStaff", "bench-other", Viewer.signedIn(other, "org-none", Set.of(Role.STAFF)), "/cases"));
        readers.add(new Reader("anonymous", null, Viewer.anonymous(), "/public/cases"));
    }

    /** Loads up to {@code cases} and measures every reader; returns this scale's results. */
    ObjectNode measureAt(int cases, boolean profile, double capacitySeconds, double latencySeconds) throws Exception {
        long start = System.nanoTime();
        loadTo(cases);
        ObjectNode scale = Bench.JSON.createObjectNode();
        scale.put("cases", cases);
        scale.put("organisations", ORGANISATIONS);
        scale.put("grants", (long) cases * GRANTS_PER_CASE);
        scale.put("loadSeconds", Bench.round((System.nanoTime() - start) / 1e9, 1));
        Bench.log(Bench.f("list: %,d cases loaded in %.1f s", cases, (System.nanoTime() - start) / 1e9));
        Profile recording =
                profile ? Profile.start(casesPid, bench.target.resolve("cases-list-" + cases + ".jfr")) : null;
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(OPEN_LOOP_WORKERS);
        for (int i = 0; i < OPEN_LOOP_WORKERS; i++) {
            pool.add(bench.db("cases_bench"));
        }
        try {
            if (!warm) {
                // The load generator's own JIT: its HTTP client and JDBC paths warm before anything is measured.
                for (Reader reader : readers) {
                    measureQuietly(reader, pool);
                }
                warm = true;
            }
            for (Reader reader : readers) {
                ObjectNode byKind = scale.putObject(reader.name());
                for (String kind : List.of("list", "search")) {
                    byKind.set(kind, measure(reader, kind, pool, capacitySeconds, latencySeconds));
                }
            }
        } finally {
            for (Connection connection : pool) {
                connection.close();
            }
        }
        if (recording != null) {
            scale.set("serviceProfile", recording.stop());
        }
        try (Connection db = bench.db("cases_bench")) {
            scale.set("explain", explain(db));
        }
        return scale;
    }

    /** How many generated cases are loaded. */
    int loaded() {
        return loaded;
    }

    /** Loads cases up to {@code cases} (the generated cases are the same at every scale; more are added). */
    void loadTo(int cases) throws Exception {
        if (cases < loaded) {
            throw new IllegalStateException(cases + " cases asked after " + loaded + " were loaded");
        }
        if (cases > loaded) {
            load(loaded, cases);
            loaded = cases;
        }
    }

    /** The id of the {@code i}-th generated case (the one {@link #load} writes). */
    static UUID caseId(int i) {
        return new UUID(0x5eed_0000_0000_0000L | i, new Random(i * 7919L + 17).nextLong());
    }

    private void measureQuietly(Reader reader, BlockingQueue<Connection> pool) throws Exception {
        for (String kind : List.of("list", "search")) {
            Load.Call[] calls = calls(reader, kind, pool);
            Load.closed(2, 150, 8, calls[0]);
            Load.closed(2, 150, 8, calls[1]);
        }
    }

    private Load.Call[] calls(Reader reader, String kind, BlockingQueue<Connection> pool) {
        List<String> queries = kind.equals("list")
                ? LISTS
                : SEARCHES.stream()
                        .map(q -> "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                        .toList();
        AtomicInteger next = new AtomicInteger();
        Load.Call http = () -> {
            String query = queries.get(Math.floorMod(next.getAndIncrement(), queries.size()));
            get(bench, bench.url("cases") + reader.path() + "?limit=20&" + query, reader.user());
        };
        AtomicInteger nextSql = new AtomicInteger();
        Load.Call jdbc = () -> {
            String query = queries.get(Math.floorMod(nextSql.getAndIncrement(), queries.size()));
            Connection connection = pool.take();
            try {
                serviceList(connection, reader.viewer(), parse(query));
            } finally {
                pool.add(connection);
            }
        };
        return new Load.Call[] {http, jdbc};
    }

    /** The register's totals kept by the bench as the service keeps them: per filters, with their listing version. */
    private static final Map<ListQuery, long[]> REGISTER = new ConcurrentHashMap<>();

    /**
     * The list as the service computes it, over JDBC: the page with its corrections ({@link VisibleCases#listPage}),
     * and the register's summary ({@link VisibleCases#registerSummary}) only when none is kept at the page's listing
     * version, as {@code RegisterAnswers} does; returns the total.
     */
    static long serviceList(Connection db, Viewer viewer, ListQuery query) throws SQLException {
        long[] page = new long[3];
        runSql(db, VisibleCases.listPage(viewer, query, false), 1, row -> {
            page[0] = row.getLong(1);
            page[1] = row.getLong(2);
            page[2] = row.getLong(4);
        });
        long[] kept = REGISTER.get(query.filters());
        if (kept == null || kept[0] != page[0]) {
            long[] computed = new long[2];
            runSql(db, VisibleCases.registerSummary(query), 1, row -> {
                computed[0] = row.getLong(1);
                computed[1] = row.getLong(2);
            });
            REGISTER.put(query.filters(), computed);
            kept = computed;
        }
        return kept[1] + page[1] - page[2];
    }

    /** A GET as a signed-in {@code user} (or anonymous if null) that must answer 200; returns the body. */
    static byte[] get(Bench bench, String url, String user) throws Exception {
        // HttpURLConnection (keep-alive): a few times cheaper in CPU per request than java.net.http's client,
        // which matters when the load generator shares two cores with the service it measures.
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(60_000);
        if (user != null) {
            connection.setRequestProperty("Authorization", "Bearer " + bench.api.token(user));
        }
        int status = connection.getResponseCode();
        byte[] read = new byte[0];
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null) {
                read = body.readAllBytes();
            }
        }
        if (status != 200) {
            throw new IllegalStateException("HTTP " + status);
        }
        return read;
    }

    /** CPU of the named process trees over several slices, per request. */
    private static final class CpuSum {
        private final Map<String, Long> pids;
        private final Map<String, Double> used = new java.util.TreeMap<>();
        private final Map<String, Double> before = new java.util.TreeMap<>();
        private double machineBefore;
        private double machineUsed;
        private long startedNanos;
        private double wallMillis;
        private long requests;

        CpuSum(Map<String, Long> pids) {
            this.pids = pids;
        }

        void begin() {
            pids.forEach((name, pid) -> before.put(name, Proc.cpuMillis(pid)));
            machineBefore = Proc.machineBusyMillis();
            startedNanos = System.nanoTime();
        }

        void end(long completed) {
            pids.forEach((name, pid) -> used.merge(name, Proc.cpuMillis(pid) - before.get(name), Double::sum));
            machineUsed += Proc.machineBusyMillis() - machineBefore;
            wallMillis += (System.nanoTime() - startedNanos) / 1e6;
            requests += completed;
        }

        ObjectNode json() {
            ObjectNode node = Bench.JSON.createObjectNode();
            used.forEach((name, ms) -> node.put(name + "CpuMsPerRequest", Bench.round(ms / Math.max(1, requests), 3)));
            node.put(
                    "machineCpuBusyPercent",
                    Bench.round(
                            100.0
                                    * machineUsed
                                    / (wallMillis * Runtime.getRuntime().availableProcessors()),
                            1));
            return node;
        }
    }

    private long outboxRows() throws SQLException {
        try (Connection db = bench.db("cases_bench");
                Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("SELECT coalesce(max(id), 0) FROM outbox_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private ObjectNode measure(
            Reader reader, String kind, BlockingQueue<Connection> pool, double capacitySeconds, double latencySeconds)
            throws Exception {
        Load.Call[] calls = calls(reader, kind, pool);
        Measured measured = measure(calls[0], calls[1], capacitySeconds, latencySeconds);
        ObjectNode node = measured.node();
        double ratio = measured.ratio();
        node.put("ratioTarget", 0.5);
        node.put("p99Target", 50);
        node.put(
                "meetsTargets",
                ratio >= 0.5
                        && measured.httpLatency().p(99) < 50
                        && measured.httpLatency().errors() == 0);
        Bench.log(Bench.f("list %,7d %-10s %-6s %s", loaded, reader.name(), kind, measured.line()));
        return node;
    }

    /** An HTTP call against its JDBC baseline: capacity, latency at a fixed rate, CPU, GC and audit rows. */
    record Measured(
            ObjectNode node,
            Load.Result httpCapacity,
            Load.Result jdbcCapacity,
            Load.Result httpLatency,
            Load.Result jdbcLatency,
            double rate) {

        double ratio() {
            return httpCapacity.throughput() / jdbcCapacity.throughput();
        }

        String line() {
            return Bench.f(
                    "http %6.1f/s p50 %6.1f p99 %7.1f ms | jdbc %6.1f/s p50 %6.1f p99 %7.1f ms | ratio %.2f at %.1f/s",
                    httpCapacity.throughput(),
                    httpLatency.p(50),
                    httpLatency.p(99),
                    jdbcCapacity.throughput(),
                    jdbcLatency.p(50),
                    jdbcLatency.p(99),
                    ratio(),
                    rate);
        }
    }

    /**
     * Measures {@code http} against {@code jdbc}: capacity with {@link #CAPACITY_WORKERS} workers, then latency at a
     * fixed arrival rate of half the HTTP capacity, the same rate for both; both in ABBA slices.
     */
    Measured measure(Load.Call http, Load.Call jdbc, double capacitySeconds, double latencySeconds) throws Exception {
        Map<String, Long> pids = Map.of(
                "service", casesPid,
                "postgres", bench.stack.postgresPid(),
                "loadGenerator", ProcessHandle.current().pid());
        Load.closed(2, 40, 3, http);
        Load.closed(2, 40, 3, jdbc);

        // Capacity in ABBA slices (HTTP, JDBC, JDBC, HTTP): a swing in the machine's background load, which is
        // large here, then weighs on the service and on its baseline alike.
        List<String> gcMetrics = List.of("jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_count");
        CpuSum httpCpuSum = new CpuSum(pids);
        CpuSum jdbcCpuSum = new CpuSum(pids);
        double gcSeconds = 0;
        double gcCount = 0;
        long auditRows = 0;
        Load.Result httpCapacity = null;
        Load.Result jdbcCapacity = null;
        for (boolean httpSlice : new boolean[] {true, false, false, true}) {
            if (httpSlice) {
                Map<String, Double> gcBefore = Bench.metrics(bench.managementUrl("cases"), gcMetrics);
                long outboxBefore = outboxRows();
                httpCpuSum.begin();
                Load.Result slice = Load.closed(CAPACITY_WORKERS, 1_000, capacitySeconds / 2, http);
                httpCpuSum.end(slice.completed());
                auditRows += outboxRows() - outboxBefore;
                Map<String, Double> gcAfter = Bench.metrics(bench.managementUrl("cases"), gcMetrics);
                gcSeconds += gcAfter.get("jvm_gc_pause_seconds_sum") - gcBefore.get("jvm_gc_pause_seconds_sum");
                gcCount += gcAfter.get("jvm_gc_pause_seconds_count") - gcBefore.get("jvm_gc_pause_seconds_count");
                httpCapacity = Load.merge(httpCapacity, slice);
            } else {
                jdbcCpuSum.begin();
                Load.Result slice = Load.closed(CAPACITY_WORKERS, 1_000, capacitySeconds / 2, jdbc);
                jdbcCpuSum.end(slice.completed());
                jdbcCapacity = Load.merge(jdbcCapacity, slice);
            }
        }
        ObjectNode httpCpu = httpCpuSum.json();
        ObjectNode jdbcCpu = jdbcCpuSum.json();

        // Latency at a fixed arrival rate: half the service's measured capacity, the same rate for both, ABBA too.
        double rate = Math.max(0.1, 0.5 * httpCapacity.throughput());
        Load.Result httpLatency = null;
        Load.Result jdbcLatency = null;
        for (boolean httpSlice : new boolean[] {true, false, false, true}) {
            Load.Result slice = Load.open(rate, 200, latencySeconds / 2, OPEN_LOOP_WORKERS, httpSlice ? http : jdbc);
            if (httpSlice) {
                httpLatency = Load.merge(httpLatency, slice);
            } else {
                jdbcLatency = Load.merge(jdbcLatency, slice);
            }
        }

        ObjectNode node = Bench.JSON.createObjectNode();
        ObjectNode httpNode = node.putObject("http");
        httpNode.set("capacity", httpCapacity.json());
        httpNode.set("fixedRate", httpLatency.json());
        httpNode.set("cpu", httpCpu);
        httpNode.put(
                "auditEventsPerRequest", Bench.round((double) auditRows / Math.max(1, httpCapacity.completed()), 2));
        httpNode.put(
                "serviceGcPauseMsPerRequest", Bench.round(1000 * gcSeconds / Math.max(1, httpCapacity.completed()), 3));
        httpNode.put("serviceGcCount", gcCount);
        ObjectNode jdbcNode = node.putObject("jdbc");
        jdbcNode.set("capacity", jdbcCapacity.json());
        jdbcNode.set("fixedRate", jdbcLatency.json());
        jdbcNode.set("cpu", jdbcCpu);
        node.put("throughputRatio", Bench.round(httpCapacity.throughput() / jdbcCapacity.throughput(), 3));
        return new Measured(node, httpCapacity, jdbcCapacity, httpLatency, jdbcLatency, rate);
    }

    /** EXPLAIN ANALYZE of the anonymous list and the member search: where PostgreSQL spends the time. */
    private ObjectNode explain(Connection db) throws SQLException {
        ObjectNode node = Bench.JSON.createObjectNode();
        for (Reader reader : readers) {
            for (String query : List.of("", "q=" + URLEncoder.encode("cartel prison", StandardCharsets.UTF_8))) {
                String text = plan(db, VisibleCases.listPage(reader.viewer(), parse(query), false));
                String key = reader.name() + (query.isEmpty() ? "List" : "Search");
                node.put(key + "ExecutionMs", executionMs(text));
                if (reader.name().equals("anonymous") || reader.name().equals("grantee")) {
                    node.put(key + "Plan", text);
                }
            }
        }
        return node;
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of a statement, as text. */
    static String plan(Connection db, VisibleCases.Statement statement) throws SQLException {
        VisibleCases.Statement explained = new VisibleCases.Statement(
                "EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) " + statement.sql(), statement.parameters());
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement prepared = explained.prepare(db);
                ResultSet rows = prepared.executeQuery()) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    static double executionMs(String plan) {
        for (String line : plan.split("\n")) {
            if (line.startsWith("Execution Time:")) {
                return Double.parseDouble(line.replaceAll("[^0-9.]", ""));
            }
        }
        return Double.NaN;
    }

    static ListQuery parse(String query) {
        String q = null;
        List<String> country = null;
        List<String> status = null;
        List<String> tier = null;
        if (!query.isEmpty()) {
            String[] pair = query.split("=", 2);
            String value = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
            switch (pair[0]) {
                case "q" -> q = value;
                case "country" -> country = List.of(value);
                case "status" -> status = List.of(value);
                case "tier" -> tier = List.of(value);
                default -> throw new IllegalArgumentException(query);
            }
        }
        return ListQuery.parse(
                new org.parley.cases.api.CaseListFilters(q, country, status, tier, null, null, null, null, null, "20"));
    }

    /** The service's per-transaction plan setting (VisibleCases.GENERIC_PLAN), when its version has one. */
    static final String PLAN_SETTING = planSetting();

    private static String planSetting() {
        try {
            return (String) VisibleCases.class.getField("GENERIC_PLAN").get(null);
        } catch (ReflectiveOperationException absent) {
            return null;
        }
    }

    /**
     * Runs the statement as the service does: in a transaction, after the service's plan setting, reading every
     * column of every row.
     */
    static long runSql(Connection db, VisibleCases.Statement statement) throws SQLException {
        return runSql(db, statement, 1, row -> {});
    }

    /** A row of a result, read while the statement runs. */
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * {@link #runSql(Connection, VisibleCases.Statement)} for a statement whose every row carries the total in
     * column {@code totalColumn}; {@code reader} sees each row first.
     */
    static long runSql(Connection db, VisibleCases.Statement statement, int totalColumn, RowReader reader)
            throws SQLException {
        long total = 0;
        db.setAutoCommit(false);
        try {
            if (PLAN_SETTING != null) {
                try (Statement setting = db.createStatement()) {
                    setting.execute(PLAN_SETTING);
                }
            }
            try (PreparedStatement prepared = statement.prepare(db);
                    ResultSet rows = prepared.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    reader.read(rows);
                    for (int c = 1; c <= columns; c++) {
                        rows.getObject(c);
                    }
                    total = rows.getLong(totalColumn);
                }
            }
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
        return total;
    }

    // --- data: COPY straight into the cases database and its policy projection ------------------------

    private void load(int from, int to) throws Exception {
        List<String> countries = List.of("MX", "CO", "SV", "HN", "HT", "BR", "EC", "GT", "JM", "VE");
        List<String> statuses = List.of("EXPLORATORY", "ACTIVE", "SUSPENDED", "CONCLUDED_WITH_DEAL", "COLLAPSED");
        List<String> entities = List.of("NATIONAL_GOVERNMENT", "LOCAL_GOVERNMENT", "CHURCH", "HUMANITARIAN_NGO");
        List<String> groups = List.of("MAFIA", "CARTEL", "STREET_GANG", "PRISON_GANG");
        List<String> scopes = List.of("SUMMARY", "RESULTS", "PROCESS", "EXCERPTS");
        String now = Instant.now().toString();
        String expired = Instant.now().minusSeconds(3600).toString();
        String future = Instant.now().plusSeconds(86_400L * 30).toString();
        int chunk = 2_000;
        try (Connection db = bench.db("cases_bench")) {
            PGConnection pg = db.unwrap(PGConnection.class);
            for (int first = from; first < to; first += chunk) {
                StringBuilder files = new StringBuilder(chunk * 3000);
                StringBuilder policies = new StringBuilder(chunk * 80);
                StringBuilder teams = new StringBuilder(chunk * 80);
                StringBuilder grants = new StringBuilder(chunk * GRANTS_PER_CASE * 100);
                for (int i = first; i < Math.min(to, first + chunk); i++) {
                    Random random = new Random(i * 7919L + 17);
                    UUID id = new UUID(0x5eed_0000_0000_0000L | i, random.nextLong());
                    // The coded values (item 9 compares them) from a stream of their own, so the rest of each case
                    // stays what earlier runs of item 1 measured.
                    Random coding = new Random(i * 104_729L + 3);
                    int ownerIndex = i % ORGANISATIONS;
                    String owner = org(ownerIndex);
                    LocalDate start = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(12_000));
                    String context = "{\"negotiatingEntity\":{\"type\":\"" + pick(random, entities) + "\",\"name\":\""
                            + sentence(random, 3) + "\",\"relativeStrength\":\""
                            + code(coding, RelativeStrength.values())
                            + "\",\"notes\":\""
                            + sentence(random, 40) + "\"},\"criminalGroups\":[{\"name\":\"" + sentence(random, 2)
                            + "\",\"type\":\"" + pick(random, groups)
                            + "\",\"internalControl\":\"" + code(coding, InternalControl.values())
                            + "\",\"territorialControl\":\"" + sentence(random, 20)
                            + "\",\"communityRelation\":\"" + sentence(random, 20) + "\"}"
                            + (coding.nextInt(3) == 0
                                    ? ",{\"name\":\"Allied faction\",\"type\":\"" + code(coding, GroupType.values())
                                            + "\",\"internalControl\":\"" + code(coding, InternalControl.values())
                                            + "\",\"territorialControl\":\"shared\",\"communityRelation\":\"mixed\"}"
                                    : "")
                            + "],\"precedents\":[\""
                            + sentence(random, 25) + "\"]}";
                    String process = "{\"objectives\":{\"scope\":\"" + code(coding, ObjectiveScope.values())
                            + "\",\"items\":[\"" + sentence(random, 12)
                            + "\",\"" + sentence(random, 12)
                            + "\"]},\"redlines\":[{\"party\":\"Government\",\"items\":[\""
                            + sentence(random, 10) + "\"]}],\"trustBuilding\":[\"" + sentence(random, 20)
                            + "\"],\"mediators\":[{\"name\":\"Church\",\"role\":\""
                            + code(coding, MediatorRole.values())
                            + "\"}"
                            + (coding.nextInt(3) == 0
                                    ? ",{\"name\":\"Bishop\",\"role\":\"" + code(coding, MediatorRole.values()) + "\"}"
                                    : "")
                            + "],\"risks\":[{\"kind\":\"" + code(coding, RiskKind.values())
                            + "\",\"description\":\"" + sentence(random, 25) + "\"}]}";
                    String timeline = "[{\"id\":\"" + new UUID(i, 1) + "\",\"date\":\"" + start
                            + "\",\"kind\":\"MEETING\",\"summary\":\"" + sentence(random, 15) + "\"}]";
                    boolean deal = random.nextBoolean();
                    // one case in ten leaves the outcome uncoded (a crosstab counts it under null)
                    String dealReached = coding.nextInt(10) == 0 ? "null" : Boolean.toString(deal);
                    String results = "{\"dealReached\":" + dealReached + ",\"terms\":[\"" + sentence(random, 15)
                            + "\"],\"effects\":[{\"indicator\":\"Homicides\",\"before\":\"14\",\"after\":\"5-6\","
                            + "\"period\":\"2012\",\"source\":\"Police\"}],\"sideEffects\":[{\"kind\":\""
                            + code(coding, SideEffectKind.values()) + "\","
                            + "\"description\":\"" + sentence(random, 20) + "\"}]}";
                    // Written in the first shape, stored in the codebook's, as the service's own mapping moves them.
                    context = LegacyShape.context(Bench.JSON.readTree(context), null)
                            .toString();
                    process = LegacyShape.process(Bench.JSON.readTree(process), null)
                            .toString();
                    results = LegacyShape.results(Bench.JSON.readTree(results), null)
                            .toString();
                    String end = random.nextBoolean()
                            ? start.plusDays(random.nextInt(900)).toString()
                            : "";
                    csv(
                            files,
                            id,
                            1,
                            "Case " + i + " " + sentence(random, 6),
                            pick(random, countries),
                            sentence(random, 5),
                            pick(random, statuses),
                            start,
                            end,
                            context,
                            process,
                            timeline,
                            results,
                            "bench",
                            now,
                            now);
                    int tierDraw = random.nextInt(10);
                    String tier = tierDraw < 4 ? "SECRET" : tierDraw < 7 ? "RESULTS_PUBLIC" : "PUBLICLY_KNOWN";
                    csv(policies, id, owner, tier, random.nextBoolean(), 1);
                    csv(teams, id, "lead-" + i, "LEAD");
                    if (i % 50 == 0) {
                        csv(teams, id, memberSubject, "MEMBER");
                    }
                    for (int g = 0; g < GRANTS_PER_CASE; g++) {
                        int grantee = (ownerIndex + 1 + random.nextInt(ORGANISATIONS - 1)) % ORGANISATIONS;
                        int expiry = random.nextInt(10);
                        csv(
                                grants,
                                id,
                                new UUID(i, g + 2),
                                org(grantee),
                                pick(random, scopes),
                                expiry == 0 ? expired : expiry < 3 ? future : "");
                    }
                }
                db.setAutoCommit(false);
                pg.getCopyAPI()
                        .copyIn(
                                "COPY case_file (id, version, title, country, region, status, period_start, period_end,"
                                        + " context, process, timeline, results, created_by, created_at, updated_at)"
                                        + " FROM STDIN (FORMAT csv)",
                                new StringReader(files.toString()));
                pg.getCopyAPI()
                        .copyIn(
                                "COPY case_policy (case_id, owning_organisation, tier, results_released, policy_version)"
                                        + " FROM STDIN (FORMAT csv)",
                                new StringReader(policies.toString()));
                pg.getCopyAPI()
                        .copyIn(
                                "COPY case_team_member (case_id, subject, role) FROM STDIN (FORMAT csv)",
                                new StringReader(teams.toString()));
                pg.getCopyAPI()
                        .copyIn(
                                "COPY case_grant (case_id, grant_id, organisation, scope, expires_at) FROM STDIN (FORMAT csv)",
                                new StringReader(grants.toString()));
                db.commit();
                db.setAutoCommit(true);
            }
            try (Statement analyze = db.createStatement()) {
                analyze.execute("VACUUM ANALYZE case_file, case_policy, case_team_member, case_grant");
            }
        }
    }

    private static String org(int index) {
        return String.format(Locale.ROOT, "org-%02d", index);
    }

    private static String code(Random random, Enum<?>[] values) {
        return values[random.nextInt(values.length)].name();
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static void csv(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String text = String.valueOf(values[i]);
            if (!text.isEmpty()) {
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return text.toString();
    }
}
