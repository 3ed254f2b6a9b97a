package org.parley.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.testing.StackInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite: each scenario puts a bounded write load (cases opened through the API) on the running platform,
 * injects one fault (kill -9, SIGSTOP, a stopped server), ends it, and then checks that every acknowledged write is
 * present exactly once in the cases service, in access's policies, in the interviews projection and in the ledger;
 * that no refused write left anything behind; and how long the platform took, from the end of the fault, to take a
 * new write all the way to the ledger.
 *
 * <p>The test command runs the short version (a service killed, the broker paused, the database stopped: faults the
 * shared test stack can take without losing what its other modules keep). {@code e2e/run-faults.sh} runs every
 * scenario on a durable stack of its own and holds the targets: recovery within 30 s of the fault's end,
 * ledger catch-up of at least 1,000 entries a second.
 */
class FaultSuiteTest {

    /** Set by e2e/run-faults.sh: every scenario, on a durable stack (PARLEY_TEST_STACK_DURABLE=1), with the targets. */
    private static final boolean FULL = Boolean.getBoolean("parley.faults.full");

    /** The bound on recovery; the short version only reports it (the test machine may be busy). */
    private static final Duration RECOVERY_TARGET = Duration.ofSeconds(30);

    private static final Duration GENEROUS = Duration.ofSeconds(180);

    private static RunningPlatform platform;
    private static StackParts parts;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = RunningPlatform.get();
        parts = new StackParts(platform.stack, RunningPlatform.projectRoot());
    }

    // --- the short version: part of the test command ---

    @Test
    void theCasesServiceKilled() throws Exception {
        drill("cases-kill9", Duration.ZERO, serviceKilledAndRestarted("cases"));
    }

    @Test
    void theBrokerPaused() throws Exception {
        long broker = parts.kafkaPid();
        drill("kafka-sigstop", Duration.ofSeconds(FULL ? 30 : 10), signals(broker, "STOP", "CONT"));
    }

    @Test
    void theDatabaseStopped() throws Exception {
        drill(
                "postgres-stop",
                Duration.ofSeconds(FULL ? 75 : 10),
                new Fault(() -> platform.stack.stopPostgres(), () -> platform.stack.startPostgres()));
    }

    // --- the full suite only (e2e/run-faults.sh) ---

    @Test
    void theBrokerKilled() throws Exception {
        full();
        drill("kafka-kill9", Duration.ZERO, killedAndRestartedByTheStack("kafka", parts::kafkaPid));
    }

    @Test
    void theDatabaseKilled() throws Exception {
        full();
        drill("postgres-kill9", Duration.ZERO, killedAndRestartedByTheStack("postgres", parts::postmasterPid));
    }

    @Test
    void keycloakKilled() throws Exception {
        full();
        drill("keycloak-kill9", Duration.ZERO, killedAndRestartedByTheStack("keycloak", parts::keycloakPid));
    }

    @Test
    void theBrokerStoppedForThirtySeconds() throws Exception {
        full();
        drill(
                "kafka-down-30s",
                Duration.ofSeconds(30),
                new Fault(() -> platform.stack.stopKafka(), () -> platform.stack.startKafka()));
    }

    @Test
    void theAccessServiceKilled() throws Exception {
        full();
        drill("access-kill9", Duration.ZERO, serviceKilledAndRestarted("access"));
    }

    @Test
    void theInterviewsServiceKilled() throws Exception {
        full();
        drill("interviews-kill9", Duration.ZERO, serviceKilledAndRestarted("interviews"));
    }

    @Test
    void theEventsServiceKilled() throws Exception {
        full();
        drill("events-kill9", Duration.ZERO, serviceKilledAndRestarted("events"));
    }

    /**
     * The ledger's backlog after the events service was paused for 60 s under a heavier load (some 5,000 entries)
     * drains at ≥ 1,000/s, timed from the resume (rejoining its consumer groups included) to the last entry.
     */
    @Test
    void theLedgerCatchesUp() throws Exception {
        full();
        long events = platform.service("events").pid();
        try (WriteLoad load = new WriteLoad(platform.endpoints.cases(), FaultSuiteTest::token, "ledger-backlog", 40)) {
            StackParts.signal(events, "STOP");
            try {
                Thread.sleep(60_000);
            } finally {
                load.close();
            }
            long before = ledgerEntries();
            long resumed = System.nanoTime();
            StackParts.signal(events, "CONT");
            List<String> ids = ids(load.acknowledged());
            assertThat(ids).as("cases acknowledged while events was paused").isNotEmpty();
            Awaitility.await()
                    .atMost(GENEROUS)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> counts("events_e2e", LEDGER, ids).size() == ids.size());
            long drained = ledgerEntries() - before;
            double seconds = (System.nanoTime() - resumed) / 1e9;
            double rate = drained / seconds;
            report(String.format(
                    Locale.ROOT,
                    "ledger-catch-up: %d entries after a 60 s pause of events, drained in %.2f s = %.0f entries/s",
                    drained,
                    seconds,
                    rate));
            assertThat(rate).as("ledger catch-up, entries per second").isGreaterThanOrEqualTo(1_000);
        } finally {
            StackParts.signal(events, "CONT");
        }
    }

    // --- the drill ---

    interface Step {
        void run() throws Exception;
    }

    /**
     * What starts the fault, and what ends it (the outage lasts from one to the other). A killed part's fault ends
     * when its supervisor has it running again: for a stack part, when the stack reports it up; for a service, when
     * its restarted process answers its readiness check (the outage reported is the measured time in between).
     */
    record Fault(Step inject, Step end) {}

    interface Pid {
        long get() throws Exception;
    }

    private static Fault signals(long pid, String inject, String end) {
        return new Fault(() -> StackParts.signal(pid, inject), () -> StackParts.signal(pid, end));
    }

    /** kill -9 of a service, then a restart with its first start's settings: what the launcher's supervisor does. */
    private static Fault serviceKilledAndRestarted(String service) {
        return new Fault(() -> StackParts.signal(platform.service(service).pid(), "KILL"), () -> {
            Thread.sleep(1_000); // the supervisor's first back-off
            platform.restart(service).awaitReady(GENEROUS);
        });
    }

    /** kill -9, then the stack's own supervision must bring the part back: the fault ends when it is up again. */
    private static Fault killedAndRestartedByTheStack(String part, Pid pid) {
        return new Fault(
                () -> StackParts.signal(pid.get(), "KILL"),
                () -> Awaitility.await()
                        .atMost(GENEROUS)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> parts.state(part).equals("up")));
    }

    private static void drill(String name, Duration outage, Fault fault) throws Exception {
        try (WriteLoad load = new WriteLoad(platform.endpoints.cases(), FaultSuiteTest::token, name, 10)) {
            Thread.sleep(3_000);
            fault.inject().run();
            long injected = System.nanoTime();
            long ended;
            try {
                Thread.sleep(outage.toMillis());
            } finally {
                fault.end().run();
                ended = System.nanoTime();
            }
            Duration recovery = recoveredAfter(load, name, ended);
            Thread.sleep(3_000);
            load.close();

            List<String> acknowledged = ids(load.acknowledged());
            assertThat(acknowledged)
                    .as("%s: writes acknowledged around the fault", name)
                    .hasSizeGreaterThan(10);
            for (String database : List.of("cases_e2e", "access_e2e", "interviews_e2e", "events_e2e")) {
                String query = QUERIES.get(database);
                Awaitility.await()
                        .atMost(GENEROUS)
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> counts(database, query, acknowledged).size() == acknowledged.size());
                assertThat(counts(database, query, acknowledged).values())
                        .as("%s: every acknowledged case once in %s", name, database)
                        .containsOnly(1);
            }
            List<String> refusedTitles =
                    load.refused().stream().map(WriteLoad.Outcome::title).toList();
            assertThat(casesWithTitles(refusedTitles))
                    .as("%s: refused writes left nothing", name)
                    .isZero();
            report(String.format(
                    Locale.ROOT,
                    "%s: outage %d s, writes acknowledged %d, refused %d, unknown %d; lost 0, duplicated 0;"
                            + " recovered %.1f s after the fault ended",
                    name,
                    Math.round((ended - injected) / 1e9),
                    acknowledged.size(),
                    refusedTitles.size(),
                    load.unknown().size(),
                    recovery.toMillis() / 1000.0));
            if (FULL) {
                assertThat(recovery).as("%s: recovery", name).isLessThanOrEqualTo(RECOVERY_TARGET);
            }
        }
    }

    /**
     * From the end of the fault until a case written afterwards is in the cases service, in access, in the interviews
     * projection and in the ledger.
     */
    private static Duration recoveredAfter(WriteLoad load, String name, long endedNanos) throws Exception {
        long deadline = endedNanos + GENEROUS.toNanos();
        int probe = 0;
        WriteLoad.Outcome written;
        do {
            written = load.writeOnce("Fault drill " + name + " probe " + probe++);
            if (written.id() == null) {
                Thread.sleep(200);
            }
        } while (written.id() == null && System.nanoTime() < deadline);
        assertThat(written.id())
                .as("%s: a write acknowledged within %s of the fault's end", name, GENEROUS)
                .isNotNull();
        List<String> probeId = List.of(written.id());
        // When the probe reached each service: which one lags says which consumer recovers slowly.
        Map<String, Double> reached = new java.util.TreeMap<>();
        Awaitility.await().atMost(GENEROUS).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (Map.Entry<String, String> each : QUERIES.entrySet()) {
                if (!reached.containsKey(each.getKey()) && present(each.getKey(), each.getValue(), probeId)) {
                    reached.put(each.getKey(), (System.nanoTime() - endedNanos) / 1e9);
                }
            }
            return reached.size() == QUERIES.size();
        });
        System.out.println("[fault-suite] " + name + ": the probe reached, seconds after the fault ended: " + reached);
        return Duration.ofNanos(System.nanoTime() - endedNanos);
    }

    private static boolean present(String database, String query, List<String> ids) {
        try {
            return counts(database, query, ids).size() == ids.size();
        } catch (Exception notYet) {
            return false;
        }
    }

    private static final String LEDGER = "SELECT CAST(case_id AS text), count(*) FROM ledger_entry"
            + " WHERE event_type = 'CaseOpened' AND case_id = ANY (?) GROUP BY case_id";

    /** Per service database: how many rows each acknowledged case id has where that service keeps it. */
    private static final Map<String, String> QUERIES = Map.of(
            "cases_e2e",
            "SELECT CAST(id AS text), count(*) FROM case_file WHERE id = ANY (?) GROUP BY id",
            "access_e2e",
            "SELECT CAST(case_id AS text), count(*) FROM case_access WHERE case_id = ANY (?) GROUP BY case_id",
            "interviews_e2e",
            "SELECT CAST(case_id AS text), count(*) FROM case_policy WHERE case_id = ANY (?) GROUP BY case_id",
            "events_e2e",
            LEDGER);

    private static Map<String, Integer> counts(String database, String query, List<String> ids) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = connect(database);
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    private static long casesWithTitles(List<String> titles) throws Exception {
        try (Connection connection = connect("cases_e2e");
                PreparedStatement statement =
                        connection.prepareStatement("SELECT count(*) FROM case_file WHERE title = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("text", titles.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long ledgerEntries() throws Exception {
        try (Connection connection = connect("events_e2e");
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM ledger_entry");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect(String database) throws Exception {
        return DriverManager.getConnection(
                platform.stack.jdbcUrl(database), StackInfo.POSTGRES_USER, platform.stack.postgresPassword());
    }

    private static List<String> ids(List<WriteLoad.Outcome> outcomes) {
        return outcomes.stream().map(WriteLoad.Outcome::id).toList();
    }

    /** Sofia's token, renewed shortly before it expires (access tokens live 5 minutes; the suite runs longer). */
    private static String token() throws Exception {
        return platform.api.token("sofia");
    }

    private static void full() {
        Assumptions.assumeTrue(FULL, "part of the full fault suite (e2e/run-faults.sh), not of the test command");
    }

    private static void report(String line) throws Exception {
        System.out.println("[fault-suite] " + line);
        Path figures = RunningPlatform.projectRoot().resolve("e2e/target/fault-figures.txt");
        Files.createDirectories(figures.getParent());
        Files.writeString(
                figures,
                line + System.lineSeparator(),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
