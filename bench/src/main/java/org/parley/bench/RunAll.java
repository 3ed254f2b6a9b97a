package org.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.launcher.ApiClient;
import org.parley.launcher.ServiceProcess;

/**
 * Runs every benchmark of BENCHMARKS.md in one go (see bench/run.sh): its own stack, the services from their built
 * jars, a load generator in this JVM, baselines in the same run, and the results as JSON (bench/target and
 * docs/bench) and a Markdown table.
 *
 * <pre>java -cp "bench/target/parley-bench.jar:bench/target/lib/*" org.parley.bench.RunAll [--items 1,2,3,4,5,6,7,8,9,10]
 *     [--scales 1000,10000,100000] [--quick]</pre>
 */
public final class RunAll {

    /** Between one paced revocation's refusal and the next grant: long enough for the machine to fall idle. */
    private static final long PACED_PAUSE_MS = 250;

    private RunAll() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("http.maxConnections", "32"); // HttpURLConnection keep-alive pool, above every worker count
        Set<Integer> items = new TreeSet<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        List<Integer> scales = new ArrayList<>(List.of(1_000, 10_000, 100_000));
        boolean scalesAsked = false;
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--items" -> {
                    items.clear();
                    for (String item : args[++i].split(",")) {
                        items.add(Integer.parseInt(item.trim()));
                    }
                }
                case "--scales" -> {
                    scalesAsked = true;
                    scales.clear();
                    for (String scale : args[++i].split(",")) {
                        scales.add(Integer.parseInt(scale.trim()));
                    }
                }
                case "--quick" -> quick = true;
                default -> {
                    System.err.println(
                            "usage: RunAll [--items 1,2,3,4,5,6,7,8,9,10] [--scales 1000,10000,100000] [--quick]");
                    System.exit(2);
                }
            }
        }
        // Items 1, 7 and 9 run at the scales asked; unasked, item 7 at every scale, items 1 and 9 at 10,000.
        if (!scalesAsked && !items.contains(7)) {
            scales.retainAll(List.of(10_000));
        }
        scales.sort(Integer::compare);
        Path root =
                Path.of(System.getProperty("parley.root", ".")).toAbsolutePath().normalize();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"));
        ObjectNode results = Bench.JSON.createObjectNode();
        Bench bench = new Bench(root, results);
        bench.quick = quick;
        ObjectNode environment = results.putObject("environment");
        environment.put("started", LocalDateTime.now().toString());
        environment.put("cores", Runtime.getRuntime().availableProcessors());
        environment.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        environment.put("loadAverageAtStart", Proc.loadAverage());
        environment.put("command", "bench/run.sh " + String.join(" ", args));
        environment.put("items", items.toString());
        environment.put("scales", scales.toString());
        environment.put("quick", quick);
        if (quick) {
            Bench.log("--quick: every phase shortened; the figures show the bench works, they measure nothing");
        }
        long started = System.nanoTime();
        // Ctrl-C or a kill: the services are child processes of this JVM; stop them (the stack watches this JVM).
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopServices, "stop-bench-services"));
        try {
            // Start-up first, while nothing else of the bench runs (no stack, no services, no JMH fork).
            if (items.contains(6)) {
                results.set("item6_startup", StartupBench.run(bench));
                save(bench, stamp);
            }
            if (items.contains(2)) {
                results.set("item2_policyDecision", PolicyJmh.run(bench));
                save(bench, stamp);
            }
            if (items.stream().anyMatch(i -> i != 2 && i != 6)) {
                platformItems(bench, items, scales, stamp);
            }
        } finally {
            bench.stopServices();
            if (bench.stack != null) {
                bench.stack.close();
            }
            environment.put("loadAverageAtEnd", Proc.loadAverage());
            environment.put("totalSeconds", Bench.round((System.nanoTime() - started) / 1e9, 1));
            save(bench, stamp);
        }
        System.out.println();
        System.out.print(Goals.markdown(results.path("goals")));
        System.out.println();
        Bench.log(Bench.f(
                "done in %.0f s; results in bench/target/results.json, docs/bench/latest.json and"
                        + " docs/bench/results-%s.json",
                (System.nanoTime() - started) / 1e9, stamp));
        if (!bench.failures.isEmpty()) {
            Bench.log("THE RUN FAILED (" + bench.failures.size() + "): " + String.join(" | ", bench.failures));
            System.exit(3);
        }
    }

    private static void platformItems(Bench bench, Set<Integer> items, List<Integer> scales, String stamp)
            throws Exception {
        long t = System.nanoTime();
        bench.snapshotApps(List.of("access", "cases", "interviews", "events"));
        Bench.log(
                Bench.f("services' quarkus-app copied to bench/target/apps in %.1f s", (System.nanoTime() - t) / 1e9));
        t = System.nanoTime();
        bench.stack = BenchStack.start(bench.root, bench.target.resolve("stack"));
        bench.api = new ApiClient(bench.stack.keycloakUrl());
        bench.results.with("environment").put("stackStartSeconds", Bench.round((System.nanoTime() - t) / 1e9, 1));
        Bench.log(Bench.f("bench stack ready in %.1f s", (System.nanoTime() - t) / 1e9));
        Map<String, String> settings = bench.stack.postgresSettings();
        bench.results.with("environment").set("postgresSettings", Bench.JSON.valueToTree(settings));
        Bench.log("bench PostgreSQL, read back from the server: " + settings);
        ObjectNode kafka = KafkaBaseline.roundTrip(bench.stack.kafkaBootstrap(), 200, 20);
        bench.results.set("baseline_kafkaRoundTrip", kafka);
        Bench.log("bare Kafka produce->consume: " + kafka);
        // The same on a topic whose records the broker does not sync one by one (Kafka's default, which the
        // durable stack overrides): what that sync costs every event path, in the same minute.
        ObjectNode unsynced = KafkaBaseline.roundTrip(
                bench.stack.kafkaBootstrap(), 200, 20, Map.of("flush.messages", String.valueOf(Long.MAX_VALUE)));
        bench.results.set("baseline_kafkaRoundTripUnsynced", unsynced);
        Bench.log("bare Kafka produce->consume, records not synced one by one: " + unsynced);

        ServiceProcess access = bench.start("access", "access", "access_bench", Map.of());
        ServiceProcess cases = bench.start("cases", "cases", "cases_bench", Map.of());
        ServiceProcess interviews = bench.start("interviews", "interviews", "interviews_bench", Map.of());
        for (ServiceProcess service : List.of(access, cases, interviews)) {
            service.awaitReady(Duration.ofSeconds(300));
        }
        ServiceProcess plain = null;
        if (items.contains(5)) {
            plain = bench.start(
                    "interviews-plain",
                    "interviews",
                    "interviews_plain",
                    Map.of(
                            "parley.interviews.encryption.enabled", "false",
                            "parley.interviews.keys.dev-directory",
                                    bench.target.resolve("keys-plain").toString(),
                            "mp.messaging.incoming.access-events.group.id", "interviews-policy-plain"));
            plain.awaitReady(Duration.ofSeconds(300));
        }
        Bench.log("access, cases, interviews" + (plain != null ? ", interviews-plain" : "") + " ready");

        ListBench list = null;
        if (items.contains(1) || items.contains(7) || items.contains(9) || items.contains(10)) {
            list = new ListBench(bench, cases.pid());
            list.prepareReaders();
        }
        if (items.contains(1) || items.contains(7) || items.contains(9)) {
            ObjectNode byScale = items.contains(1) || items.contains(7)
                    ? bench.results.putObject(items.contains(7) ? "item1_7_list" : "item1_list")
                    : null;
            CompareBench compare = items.contains(9) ? new CompareBench(bench, list) : null;
            ObjectNode compareByScale = compare != null ? bench.results.putObject("item9_compare") : null;
            if (compare != null) {
                compare.prepareReader();
            }
            for (int scale : scales) {
                if (byScale != null) {
                    byScale.set(Integer.toString(scale), list.measureAt(scale, true, bench.quick ? 1 : 4));
                    save(bench, stamp);
                }
                if (compare != null) {
                    compareByScale.set(
                            Integer.toString(scale),
                            compare.measureAt(scale, bench.quick ? 1 : 4, bench.quick ? 2 : 10));
                    save(bench, stamp);
                }
            }
            if (byScale != null && byScale.size() > 1) {
                Plot.scaling(byScale, bench.root.resolve("docs/bench"), stamp);
            }
        }
        if (items.contains(10)) {
            // After items 1/7/9, which may have loaded more: the export is measured on what is loaded (10,000 at
            // least).
            bench.results.set(
                    "item10_export",
                    ExportBench.run(bench, list, Math.max(10_000, list.loaded()), bench.quick ? 1 : 3));
            save(bench, stamp);
        }

        if (items.contains(3) || items.contains(4) || items.contains(5)) {
            // The ledger starts at the end of the audit topic: the list benchmark's RestrictedRead events (one per
            // restricted section returned) are not this item's subject and would only be a backlog in front of it.
            ServiceProcess events = bench.start(
                    "events",
                    "events",
                    "events_bench",
                    Map.of("mp.messaging.incoming.ledger-audit.auto.offset.reset", "latest"));
            events.awaitReady(Duration.ofSeconds(300));
            Demo.prepare(bench);
            Bench.log("events ready; demo users and organisations registered");
        }
        if (items.contains(5)) {
            bench.results.set(
                    "item5_interviews",
                    InterviewsBench.run(
                            bench, bench.quick ? 30 : 150, bench.quick ? 120 : 600, interviews.pid(), plain.pid()));
            save(bench, stamp);
        }
        if (items.contains(3)) {
            bench.results.set(
                    "item3_revocation", RevocationBench.run(bench, bench.quick ? 20 : Targets.ENOUGH_SAMPLES, 2, 0));
            save(bench, stamp);
            // Beside the goal's figure, not instead of it: one revocation at a time with the machine let idle between
            // them, for the choice of how the goal should be measured (BENCHMARKS.md, item 3).
            bench.results.set(
                    "item3_revocationPaced",
                    RevocationBench.run(bench, bench.quick ? 10 : Targets.ENOUGH_SAMPLES / 2, 1, PACED_PAUSE_MS));
            save(bench, stamp);
        }
        if (items.contains(4)) {
            bench.results.set(
                    "item4_ledger",
                    LedgerBench.run(
                            bench, bench.quick ? 60 : 300, 20, bench.quick ? 1_000 : 5_000, kafka, cases.pid()));
            save(bench, stamp);
        }
        if (items.contains(8)) {
            if (!items.contains(3) && !items.contains(4) && !items.contains(5)) {
                Demo.prepare(bench);
            }
            bench.results.set(
                    "item8_notFoundTiming",
                    NotFoundTimingBench.run(bench, bench.quick ? 10 : 40, bench.quick ? 200 : 2_000));
            save(bench, stamp);
        }
        Map<String, Object> memory = new LinkedHashMap<>();
        bench.services.forEach((name, service) -> memory.put(name, Proc.memory(service.pid())));
        bench.results.set("serviceMemoryAfterRunMiB", Bench.JSON.valueToTree(memory));
    }

    /**
     * Writes the results so far, with the goals computed again from them: bench/target/results.json,
     * docs/bench/latest.json, docs/bench/results-&lt;stamp&gt;.json and the tables in bench/target/results.md.
     */
    static void save(Bench bench, String stamp) throws Exception {
        Files.createDirectories(bench.root.resolve("docs/bench"));
        bench.results.set("targets", targets());
        bench.results.set("goals", Goals.of(bench.results));
        String json = Bench.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bench.results);
        Files.writeString(bench.target.resolve("results.json"), json);
        Files.writeString(bench.root.resolve("docs/bench/latest.json"), json);
        Files.writeString(bench.root.resolve("docs/bench/results-" + stamp + ".json"), json);
        Files.writeString(bench.target.resolve("results.md"), Summary.markdown(bench.results));
    }

    /** The targets table as the run judged against it (Targets), for the record. */
    private static com.fasterxml.jackson.databind.node.ArrayNode targets() {
        com.fasterxml.jackson.databind.node.ArrayNode rows = Bench.JSON.createArrayNode();
        for (Targets.Target target : Targets.ALL) {
            rows.addObject()
                    .put("figure", target.figure())
                    .put("target", target.text())
                    .put("unit", target.unit());
        }
        return rows;
    }
}
