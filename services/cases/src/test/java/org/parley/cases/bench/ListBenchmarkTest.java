package org.parley.cases.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.parley.cases.search.ListQuery;
import org.parley.cases.search.VisibleCases;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.CasesTestResource;
import org.parley.policy.Role;
import org.parley.policy.Viewer;
import org.parley.testing.Jdbc;

/**
 * Not part of the suite (tag "benchmark", excluded by default). Loads 10,000 cases of 50 organisations
 * with 100,000 grants straight into the database, then measures list and search through HTTP and the
 * same visibility-filtered statement over plain JDBC, for a member, a grantee, staff of another
 * organisation and an anonymous reader. Run it with:
 *
 * <pre>./mvnw -B -pl services/cases install -Dtest=ListBenchmarkTest -Dsurefire.excludedGroups=none</pre>
 *
 * Results are printed and written to target/benchmark.txt.
 */
@QuarkusTest
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListBenchmarkTest {

    static final Class<?> STACK = CasesTestResource.class;
    static final int CASES = 10_000;
    static final int ORGANISATIONS = 50;
    static final int GRANTS = 100_000;
    static final int WARMUP = 100;
    static final int MEASURED = 400;
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
    static final List<String> SEARCHES = List.of(
            "tregua", "cartel prison", "homicidios", "\"gang violence\"", "acuerdo -amnesty", "iglesia", "mayor");
    static final String MEMBER = "bench-member";

    private static boolean loaded;
    private static final StringBuilder REPORT = new StringBuilder();

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void load() throws SQLException {
        AccessStub.ensureFresh();
        synchronized (ListBenchmarkTest.class) {
            if (!loaded) {
                long start = System.nanoTime();
                generate();
                loaded = true;
                line(String.format(
                        Locale.ROOT,
                        "loaded %d cases, %d organisations, %d grants in %.1f s",
                        CASES,
                        ORGANISATIONS,
                        GRANTS,
                        (System.nanoTime() - start) / 1e9));
                line(String.format(
                        Locale.ROOT,
                        "%-11s %-6s %9s %9s %9s %9s %10s %10s %7s %6s",
                        "viewer",
                        "query",
                        "http p50",
                        "http p99",
                        "sql p50",
                        "sql p99",
                        "http req/s",
                        "sql req/s",
                        "ratio",
                        "total"));
            }
        }
    }

    @Test
    @Order(1)
    @TestSecurity(user = MEMBER, roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = MEMBER), @Claim(key = "org", value = "org-00")})
    void member() throws Exception {
        measure("member", Viewer.signedIn(MEMBER, "org-00", Set.of(Role.STAFF)), "/cases");
    }

    @Test
    @Order(2)
    @TestSecurity(user = "bench-grantee", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "bench-grantee"), @Claim(key = "org", value = "org-07")})
    void grantee() throws Exception {
        measure("grantee", Viewer.signedIn("bench-grantee", "org-07", Set.of(Role.PARTNER)), "/cases");
    }

    @Test
    @Order(3)
    @TestSecurity(user = "bench-other", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "bench-other"), @Claim(key = "org", value = "org-none")})
    void otherStaff() throws Exception {
        measure("other staff", Viewer.signedIn("bench-other", "org-none", Set.of(Role.STAFF)), "/cases");
    }

    @Test
    @Order(4)
    void anonymous() throws Exception {
        measure("anonymous", Viewer.anonymous(), "/public/cases");
        Path out = Path.of("target/benchmark.txt");
        Files.writeString(out, REPORT.toString());
        System.out.println("[benchmark] written to " + out.toAbsolutePath());
    }

    private void measure(String name, Viewer viewer, String path) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (Connection db = Jdbc.connectToTestDatabase("cases")) {
            for (String kind : List.of("list", "search")) {
                List<String> queries = kind.equals("list")
                        ? List.of("", "country=MX", "status=ACTIVE", "tier=PUBLICLY_KNOWN")
                        : SEARCHES.stream()
                                .map(q -> "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                                .toList();
                Histogram httpTimes = new Histogram(3_600_000_000L, 3);
                Histogram sqlTimes = new Histogram(3_600_000_000L, 3);
                long total = 0;
                long httpNanos = 0;
                long sqlNanos = 0;
                // HTTP and SQL alternate, so both see the same machine (it is shared and its load moves).
                for (int i = 0; i < WARMUP + MEASURED; i++) {
                    String query = queries.get(i % queries.size());
                    HttpRequest request = HttpRequest.newBuilder(base.resolve(path + "?limit=20&" + query))
                            .GET()
                            .build();
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long httpElapsed = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(name + " " + query + " answered " + response.statusCode());
                    }
                    ListQuery parsed = parse(query);
                    start = System.nanoTime();
                    long rows = runSql(db, VisibleCases.list(viewer, parsed, false));
                    long sqlElapsed = System.nanoTime() - start;
                    if (i >= WARMUP) {
                        httpTimes.recordValue(httpElapsed / 1000);
                        httpNanos += httpElapsed;
                        sqlTimes.recordValue(sqlElapsed / 1000);
                        sqlNanos += sqlElapsed;
                        total = Math.max(total, rows);
                    }
                }
                double httpRate = MEASURED / (httpNanos / 1e9);
                double sqlRate = MEASURED / (sqlNanos / 1e9);
                line(String.format(
                        Locale.ROOT,
                        "%-11s %-6s %7.1fms %7.1fms %7.1fms %7.1fms %10.0f %10.0f %7.2f %6d",
                        name,
                        kind,
                        httpTimes.getValueAtPercentile(50) / 1000.0,
                        httpTimes.getValueAtPercentile(99) / 1000.0,
                        sqlTimes.getValueAtPercentile(50) / 1000.0,
                        sqlTimes.getValueAtPercentile(99) / 1000.0,
                        httpRate,
                        sqlRate,
                        httpRate / sqlRate,
                        total));
            }
        }
    }

    private static ListQuery parse(String query) {
        String q = null;
        List<String> country = null;
        List<String> status = null;
        List<String> tier = null;
        if (!query.isEmpty()) {
            String[] pair = query.split("=", 2);
            String value = java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
            switch (pair[0]) {
                case "q" -> q = value;
                case "country" -> country = List.of(value);
                case "status" -> status = List.of(value);
                case "tier" -> tier = List.of(value);
                default -> throw new IllegalArgumentException(query);
            }
        }
        return ListQuery.parse(q, country, status, tier, null, null, null, null, null, "20");
    }

    /** Runs the statement and reads every column of every row, as the service does; returns the total. */
    private static long runSql(Connection db, VisibleCases.Statement statement) throws SQLException {
        long total = 0;
        try (Statement settings = db.createStatement()) {
            settings.execute(VisibleCases.GENERIC_PLAN.replace("SET LOCAL", "SET"));
        }
        try (PreparedStatement prepared = statement.prepare(db);
                ResultSet rows = prepared.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                total = rows.getLong(1);
                for (int c = 2; c <= columns; c++) {
                    rows.getObject(c);
                }
            }
        }
        return total;
    }

    private static void line(String text) {
        System.out.println("[benchmark] " + text);
        REPORT.append(text).append('\n');
    }

    // --- data ---------------------------------------------------------------------------------------

    private static void generate() throws SQLException {
        Random random = new Random(42);
        List<String> countries = List.of("MX", "CO", "SV", "HN", "HT", "BR", "EC", "GT", "JM", "VE");
        List<String> statuses = List.of("EXPLORATORY", "ACTIVE", "SUSPENDED", "CONCLUDED_WITH_DEAL", "COLLAPSED");
        List<String> entities = List.of("NATIONAL_GOVERNMENT", "LOCAL_GOVERNMENT", "CHURCH", "HUMANITARIAN_NGO");
        List<String> groups = List.of("MAFIA", "CARTEL", "STREET_GANG", "PRISON_GANG");
        List<String> scopes = List.of("SUMMARY", "RESULTS", "PROCESS", "EXCERPTS");
        UUID[] ids = new UUID[CASES];
        String[] owners = new String[CASES];
        try (Connection db = Jdbc.connectToTestDatabase("cases")) {
            db.setAutoCommit(false);
            try (PreparedStatement file =
                            db.prepareStatement("INSERT INTO case_file (id, version, title, country, region,"
                                    + " status, period_start, period_end, context, process, timeline, results, created_by,"
                                    + " created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb,"
                                    + " ?::jsonb, ?, now(), now())");
                    PreparedStatement policy = db.prepareStatement("INSERT INTO case_policy (case_id,"
                            + " owning_organisation, tier, results_released, policy_version) VALUES (?, ?, ?, ?, 1)");
                    PreparedStatement team = db.prepareStatement(
                            "INSERT INTO case_team_member (case_id, subject, role) VALUES (?, ?, ?)")) {
                for (int i = 0; i < CASES; i++) {
                    ids[i] = UUID.randomUUID();
                    owners[i] = String.format(Locale.ROOT, "org-%02d", i % ORGANISATIONS);
                    LocalDate start = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(12_000));
                    file.setObject(1, ids[i]);
                    file.setString(2, "Case " + i + " " + sentence(random, 6));
                    file.setString(3, countries.get(random.nextInt(countries.size())));
                    file.setString(4, sentence(random, 5));
                    file.setString(5, statuses.get(random.nextInt(statuses.size())));
                    file.setDate(6, Date.valueOf(start));
                    file.setDate(7, random.nextBoolean() ? Date.valueOf(start.plusDays(random.nextInt(900))) : null);
                    file.setString(
                            8,
                            "{\"negotiatingEntity\":{\"type\":\"" + entities.get(random.nextInt(entities.size()))
                                    + "\",\"name\":\"" + sentence(random, 3)
                                    + "\",\"relativeStrength\":\"WEAKER\",\"notes\":\""
                                    + sentence(random, 40) + "\"},\"criminalGroups\":[{\"name\":\""
                                    + sentence(random, 2)
                                    + "\",\"type\":\"" + groups.get(random.nextInt(groups.size()))
                                    + "\",\"internalControl\":\"COHESIVE\",\"territorialControl\":\""
                                    + sentence(random, 20)
                                    + "\",\"communityRelation\":\"" + sentence(random, 20) + "\"}],\"precedents\":[\""
                                    + sentence(random, 25) + "\"]}");
                    file.setString(
                            9,
                            "{\"objectives\":{\"scope\":\"LIMITED\",\"items\":[\"" + sentence(random, 12) + "\",\""
                                    + sentence(random, 12)
                                    + "\"]},\"redlines\":[{\"party\":\"Government\",\"items\":[\""
                                    + sentence(random, 10) + "\"]}],\"trustBuilding\":[\"" + sentence(random, 20)
                                    + "\"],\"mediators\":[{\"name\":\"Church\",\"role\":\"MEDIATOR\"}],\"risks\":[{\"kind\":"
                                    + "\"SPOILERS\",\"description\":\"" + sentence(random, 25) + "\"}]}");
                    file.setString(
                            10,
                            "[{\"id\":\"" + UUID.randomUUID() + "\",\"date\":\"" + start
                                    + "\",\"kind\":\"MEETING\",\"summary\":\"" + sentence(random, 15) + "\"}]");
                    file.setString(
                            11,
                            "{\"dealReached\":" + random.nextBoolean() + ",\"terms\":[\"" + sentence(random, 15)
                                    + "\"],\"effects\":[{\"indicator\":\"Homicides\",\"before\":\"14\",\"after\":\"5-6\","
                                    + "\"period\":\"2012\",\"source\":\"Police\"}],\"sideEffects\":[{\"kind\":\"CONTAGION\","
                                    + "\"description\":\"" + sentence(random, 20) + "\"}]}");
                    file.setString(12, "bench");
                    file.addBatch();
                    int tierDraw = random.nextInt(10);
                    String tier = tierDraw < 4 ? "SECRET" : tierDraw < 7 ? "RESULTS_PUBLIC" : "PUBLICLY_KNOWN";
                    policy.setObject(1, ids[i]);
                    policy.setString(2, owners[i]);
                    policy.setString(3, tier);
                    policy.setBoolean(4, random.nextBoolean());
                    policy.addBatch();
                    team.setObject(1, ids[i]);
                    team.setString(2, "lead-" + i);
                    team.setString(3, "LEAD");
                    team.addBatch();
                    if (i % 50 == 0) {
                        team.setObject(1, ids[i]);
                        team.setString(2, MEMBER);
                        team.setString(3, "MEMBER");
                        team.addBatch();
                    }
                    if (i % 500 == 499) {
                        file.executeBatch();
                        policy.executeBatch();
                        team.executeBatch();
                    }
                }
                file.executeBatch();
                policy.executeBatch();
                team.executeBatch();
            }
            try (PreparedStatement grant =
                    db.prepareStatement("INSERT INTO case_grant (case_id, grant_id, organisation,"
                            + " scope, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                for (int g = 0; g < GRANTS; g++) {
                    int i = random.nextInt(CASES);
                    String organisation = String.format(Locale.ROOT, "org-%02d", random.nextInt(ORGANISATIONS));
                    if (organisation.equals(owners[i])) {
                        organisation = String.format(
                                Locale.ROOT, "org-%02d", (random.nextInt(ORGANISATIONS - 1) + i + 1) % ORGANISATIONS);
                    }
                    int expiry = random.nextInt(10);
                    grant.setObject(1, ids[i]);
                    grant.setString(2, UUID.randomUUID().toString());
                    grant.setString(3, organisation);
                    grant.setString(4, scopes.get(random.nextInt(scopes.size())));
                    grant.setTimestamp(
                            5,
                            expiry == 0
                                    ? Timestamp.from(Instant.now().minusSeconds(3600))
                                    : expiry < 3 ? Timestamp.from(Instant.now().plusSeconds(86_400 * 30)) : null);
                    grant.addBatch();
                    if (g % 1000 == 999) {
                        grant.executeBatch();
                    }
                }
                grant.executeBatch();
            }
            db.commit();
            db.setAutoCommit(true);
            try (Statement analyze = db.createStatement()) {
                analyze.execute("VACUUM ANALYZE");
            }
        }
    }

    /**
     * Text with a realistic spread: 3,000 filler words with a Zipf-like frequency, and the searched words
     * among the rarer ones, so a search word is in a few percent of the cases rather than in all of them.
     */
    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(' ');
            }
            int rank =
                    java.util.Arrays.binarySearch(CUMULATIVE, random.nextDouble() * CUMULATIVE[CUMULATIVE.length - 1]);
            text.append(VOCABULARY.get(Math.min(rank < 0 ? -rank - 1 : rank, VOCABULARY.size() - 1)));
        }
        return text.toString();
    }

    private static final List<String> VOCABULARY = new ArrayList<>();
    private static final double[] CUMULATIVE;

    static {
        for (int i = 0; i < 3_000; i++) {
            VOCABULARY.add("w" + Integer.toString(i * 7919 % 100_000, 36));
        }
        VOCABULARY.addAll(1_000, WORDS);
        CUMULATIVE = new double[VOCABULARY.size()];
        double sum = 0;
        for (int rank = 0; rank < CUMULATIVE.length; rank++) {
            sum += 1.0 / (rank + 10);
            CUMULATIVE[rank] = sum;
        }
    }
}
