package org.parley.bench;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The results as the Markdown tables of BENCHMARKS.md. */
final class Summary {

    private Summary() {}

    /** Prints the tables of a results file: {@code Summary docs/bench/results-<stamp>.json}. */
    public static void main(String[] args) throws java.io.IOException {
        System.out.print(
                markdown(Bench.JSON.readTree(java.nio.file.Path.of(args[0]).toFile())));
    }

    /**
     * HTTP and JDBC capacity, their ratio, the fixed rate and the HTTP and JDBC latencies at it, as table cells, of one
     * measured pair (ListBench.Measured's JSON).
     */
    private static String loadColumns(JsonNode f) {
        return Bench.f(
                "%.1f | %.1f | %.2f | %.1f/s | %.1f / %.1f | %.1f / %.1f",
                f.at("/http/capacity/throughputPerSecond").asDouble(),
                f.at("/jdbc/capacity/throughputPerSecond").asDouble(),
                f.path("throughputRatio").asDouble(),
                f.at("/http/fixedRate/offeredRatePerSecond").asDouble(),
                f.at("/http/fixedRate/p50Ms").asDouble(),
                f.at("/http/fixedRate/p99Ms").asDouble(),
                f.at("/jdbc/fixedRate/p50Ms").asDouble(),
                f.at("/jdbc/fixedRate/p99Ms").asDouble());
    }

    private static void row(StringBuilder md, JsonNode scale, String reader, String query, JsonNode f, String naive) {
        if (f.isMissingNode()) {
            return;
        }
        md.append(Bench.f(
                "| %,d | %s | %s | %s | %d · %d | %.1f · %.1f | %.1f | %s |%n",
                scale.path("cases").asInt(),
                reader,
                query,
                loadColumns(f),
                f.at("/http/fixedRate/requests").asLong(),
                f.at("/jdbc/fixedRate/requests").asLong(),
                f.at("/http/cpu/serviceCpuMsPerRequest").asDouble(),
                f.at("/http/cpu/postgresCpuMsPerRequest").asDouble(),
                f.at("/http/auditEventsPerRequest").asDouble(),
                naive));
    }

    static String markdown(JsonNode results) {
        StringBuilder md = new StringBuilder();
        if (results.path("environment").path("quick").asBoolean()) {
            md.append(
                    "**A --quick run: every phase shortened; these figures show the bench works and measure nothing.**\n\n");
        }
        if (results.has("goals")) {
            md.append(Goals.markdown(results.path("goals"))).append('\n');
        }
        JsonNode list = results.has("item1_7_list") ? results.path("item1_7_list") : results.path("item1_list");
        if (!list.isMissingNode()) {
            md.append(
                    "| cases | reader | query | HTTP req/s | JDBC req/s | ratio (≥ 0.8) | fixed rate | HTTP p50 / p99 ms"
                            + " | JDBC p50 / p99 ms | samples HTTP · JDBC | CPU ms/req: service · PostgreSQL | audit rows/req"
                            + " | naive: service SQL / naive SQL req/s |\n"
                            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Iterator<Map.Entry<String, JsonNode>> scales = list.fields(); scales.hasNext(); ) {
                JsonNode scale = scales.next().getValue();
                for (String reader : Targets.READERS) {
                    JsonNode byReader = scale.path(reader);
                    JsonNode naive = byReader.path("naive");
                    row(
                            md,
                            scale,
                            reader,
                            "list",
                            byReader.path("list"),
                            naive.isMissingNode()
                                    ? ""
                                    : Bench.f(
                                            "%.1f / %.1f = %.2f×",
                                            naive.at("/serviceSql/throughputPerSecond")
                                                    .asDouble(),
                                            naive.at("/naiveSql/throughputPerSecond")
                                                    .asDouble(),
                                            naive.path("ratio").asDouble()));
                    for (String fraction : Targets.FRACTIONS) {
                        row(
                                md,
                                scale,
                                reader,
                                "search ~" + fraction,
                                byReader.path("search").path(fraction),
                                "");
                    }
                }
            }
            md.append('\n');
            for (Iterator<Map.Entry<String, JsonNode>> scales = list.fields(); scales.hasNext(); ) {
                JsonNode scale = scales.next().getValue();
                md.append(Bench.f(
                        "%,d cases: HTTP and JDBC agreed on %d of %d answers; search words %s%n",
                        scale.path("cases").asInt(),
                        scale.path("crossCheckAgreed").asInt(),
                        scale.path("crossCheckCompared").asInt(),
                        scale.path("searchQueries")));
            }
            md.append('\n');
        }
        JsonNode compare = results.path("item9_compare");
        if (!compare.isMissingNode()) {
            md.append("| cases | partner (100 grants) | HTTP req/s | JDBC req/s | ratio HTTP/JDBC | fixed rate"
                    + " | HTTP p50 / p99 ms | JDBC p50 / p99 ms | samples HTTP · JDBC | total HTTP = JDBC"
                    + " | p99 < 50 ms |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Iterator<Map.Entry<String, JsonNode>> scales = compare.fields(); scales.hasNext(); ) {
                JsonNode scale = scales.next().getValue();
                for (String endpoint : new String[] {"compare", "crosstab"}) {
                    JsonNode f = scale.path(endpoint);
                    md.append(Bench.f(
                            "| %,d | %s | %s | %d · %d | %s | %s |%n",
                            scale.path("cases").asInt(),
                            endpoint,
                            loadColumns(f),
                            f.at("/http/fixedRate/requests").asLong(),
                            f.at("/jdbc/fixedRate/requests").asLong(),
                            f.at("/httpAgreesWithJdbc/agree").asBoolean()
                                    ? Bench.f(
                                            "yes (%d)",
                                            f.at("/httpAgreesWithJdbc/httpTotal")
                                                    .asLong())
                                    : Bench.f(
                                            "**no** (%d vs %d)",
                                            f.at("/httpAgreesWithJdbc/httpTotal")
                                                    .asLong(),
                                            f.at("/httpAgreesWithJdbc/jdbcTotal")
                                                    .asLong()),
                            f.path("met").asBoolean() ? "met" : "**not met**"));
                }
            }
            md.append('\n');
        }
        JsonNode policy = results.path("item2_policyDecision");
        if (!policy.isMissingNode()) {
            md.append(Bench.f(
                    "| relationship | ns/decision ± error | decisions/s | B/decision | × HashMap lookup (%.1f ns) |%n"
                            + "|---|---|---|---|---|%n",
                    policy.path("baselineHashMapLookupNs").asDouble()));
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            policy.path("decide").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                md.append(Bench.f(
                        "| %s | %.1f ± %.1f | %,d | %.0f | %.1f |%n",
                        e.getKey(),
                        e.getValue().path("nsPerDecision").asDouble(),
                        e.getValue().path("nsError").asDouble(),
                        e.getValue().path("decisionsPerSecond").asLong(),
                        e.getValue().path("bytesAllocatedPerDecision").asDouble(),
                        e.getValue().path("ratioToHashMapLookup").asDouble()));
            }
            md.append('\n');
        }
        JsonNode revocation = results.path("item3_revocation");
        JsonNode kafka = results.path("baseline_kafkaRoundTrip");
        if (!revocation.isMissingNode()) {
            md.append("| revocation → first 404 | p50 ms | p99 ms (< 200) | max ms |\n|---|---|---|---|\n");
            for (String service : new String[] {"cases", "interviews", "events", "all"}) {
                JsonNode h = revocation.path(service);
                md.append(Bench.f(
                        "| %s | %.0f | %.0f | %.0f |%n",
                        service.equals("all") ? "all three" : service,
                        h.path("p50Ms").asDouble(),
                        h.path("p99Ms").asDouble(),
                        h.path("maxMs").asDouble()));
            }
            md.append(Bench.f(
                    "| access: the revoking transaction's start → the relay's look that sends it | %.0f | %.0f | %.0f |%n",
                    revocation.at("/accessRelayStage/p50Ms").asDouble(),
                    revocation.at("/accessRelayStage/p99Ms").asDouble(),
                    revocation.at("/accessRelayStage/maxMs").asDouble()));
            revocation
                    .path("consumerStages")
                    .fields()
                    .forEachRemaining(stage -> md.append(Bench.f(
                            "| relay's look → %s's applying transaction starts | %.0f | %.0f | %.0f |%n",
                            stage.getKey(),
                            stage.getValue().path("p50Ms").asDouble(),
                            stage.getValue().path("p99Ms").asDouble(),
                            stage.getValue().path("maxMs").asDouble())));
            JsonNode unsynced = results.path("baseline_kafkaRoundTripUnsynced");
            md.append(Bench.f(
                    "| bare Kafka produce → consume | %.1f | %.1f | %.1f |%n"
                            + "| bare Kafka, records not synced one by one | %.1f | %.1f | %.1f |%n%n",
                    kafka.path("p50Ms").asDouble(),
                    kafka.path("p99Ms").asDouble(),
                    kafka.path("maxMs").asDouble(),
                    unsynced.path("p50Ms").asDouble(),
                    unsynced.path("p99Ms").asDouble(),
                    unsynced.path("maxMs").asDouble()));
        }
        JsonNode ledger = results.path("item4_ledger");
        if (!ledger.isMissingNode()) {
            md.append(Bench.f(
                    "| ledger | value | baseline (same run) | ratio |%n|---|---|---|---|%n"
                            + "| commit → ledger entry p50 / p99 | %.1f / %.1f ms | Kafka produce → consume %.1f / %.1f ms | %.1f× (p50) |%n"
                            + "| relay stage (writing transaction's start → the relay's look that sends it) p50 / p99 | %.1f / %.1f ms | | |%n"
                            + "| outbox relay throughput | %,d rows/s | bare producer %,d rows/s | %.2f |%n%n",
                    ledger.at("/latency/p50Ms").asDouble(),
                    ledger.at("/latency/p99Ms").asDouble(),
                    kafka.path("p50Ms").asDouble(),
                    kafka.path("p99Ms").asDouble(),
                    ledger.at("/latency/ratioP50ToBareKafkaRoundTrip").asDouble(),
                    ledger.at("/latency/relayStage/p50Ms").asDouble(),
                    ledger.at("/latency/relayStage/p99Ms").asDouble(),
                    ledger.at("/relayThroughput/relayRowsPerSecond").asLong(),
                    ledger.at("/relayThroughput/bareProducerRowsPerSecond").asLong(),
                    ledger.at("/relayThroughput/ratio").asDouble()));
        }
        JsonNode interviews = results.path("item5_interviews");
        if (!interviews.isMissingNode()) {
            md.append(Bench.f(
                    "| interviews | encrypted | plaintext | ratio |%n|---|---|---|---|%n"
                            + "| writes/s | %.1f | %.1f | %.2f |%n| reads/s | %.1f | %.1f | %.2f |%n"
                            + "| service CPU ms / write | %.2f | %.2f | |%n| service CPU ms / read | %.2f | %.2f | |%n"
                            + "| write p50 / p99 ms (fixed rate) | %.1f / %.1f | %.1f / %.1f | |%n"
                            + "| read p50 / p99 ms (fixed rate) | %.1f / %.1f | %.1f / %.1f | |%n%n",
                    interviews.at("/encrypted/writesPerSecond").asDouble(),
                    interviews.at("/plaintext/writesPerSecond").asDouble(),
                    interviews.path("writeRatio").asDouble(),
                    interviews.at("/encrypted/readsPerSecond").asDouble(),
                    interviews.at("/plaintext/readsPerSecond").asDouble(),
                    interviews.path("readRatio").asDouble(),
                    interviews.at("/encrypted/serviceCpuMsPerWrite").asDouble(),
                    interviews.at("/plaintext/serviceCpuMsPerWrite").asDouble(),
                    interviews.at("/encrypted/serviceCpuMsPerRead").asDouble(),
                    interviews.at("/plaintext/serviceCpuMsPerRead").asDouble(),
                    interviews.at("/encrypted/writeFixedRate/p50Ms").asDouble(),
                    interviews.at("/encrypted/writeFixedRate/p99Ms").asDouble(),
                    interviews.at("/plaintext/writeFixedRate/p50Ms").asDouble(),
                    interviews.at("/plaintext/writeFixedRate/p99Ms").asDouble(),
                    interviews.at("/encrypted/readFixedRate/p50Ms").asDouble(),
                    interviews.at("/encrypted/readFixedRate/p99Ms").asDouble(),
                    interviews.at("/plaintext/readFixedRate/p50Ms").asDouble(),
                    interviews.at("/plaintext/readFixedRate/p99Ms").asDouble()));
        }
        JsonNode startup = results.path("item6_startup");
        if (!startup.isMissingNode()) {
            if (startup.has("skipped")) {
                md.append("startup: ").append(startup.path("skipped").asText()).append("\n\n");
            } else {
                md.append(Bench.f(
                        "| ./parley start | cold | warm |%n|---|---|---|%n| whole command (wall) | %.1f s | %.1f s |%n"
                                + "| stack (PostgreSQL, Kafka, Keycloak) | %.1f s | %.1f s |%n",
                        startup.at("/cold/wallSeconds").asDouble(),
                        startup.at("/warm/wallSeconds").asDouble(),
                        startup.at("/cold/stackReadySeconds").asDouble(),
                        startup.at("/warm/stackReadySeconds").asDouble()));
                for (String service : new String[] {"access", "cases", "interviews", "events"}) {
                    md.append(Bench.f(
                            "| %s ready · RSS / peak | %.1f s · %.0f / %.0f MiB | %.1f s · %.0f / %.0f MiB |%n",
                            service,
                            startup.at("/cold/services/" + service + "/readySeconds")
                                    .asDouble(),
                            startup.at("/cold/services/" + service + "/rssMiB").asDouble(),
                            startup.at("/cold/services/" + service + "/peakRssMiB")
                                    .asDouble(),
                            startup.at("/warm/services/" + service + "/readySeconds")
                                    .asDouble(),
                            startup.at("/warm/services/" + service + "/rssMiB").asDouble(),
                            startup.at("/warm/services/" + service + "/peakRssMiB")
                                    .asDouble()));
                }
                md.append(Bench.f(
                        "| stack processes RSS | %.0f MiB | %.0f MiB |%n| baseline: bare JVM start | %.0f ms | |%n%n",
                        startup.at("/cold/stackTreeRssMiB").asDouble(),
                        startup.at("/warm/stackTreeRssMiB").asDouble(),
                        startup.path("bareJvmStartMs").asDouble()));
            }
        }
        JsonNode timing = results.path("item8_notFoundTiming");
        if (!timing.isMissingNode()) {
            md.append("| 404 timing (outsider) | invisible p25 / p50 / p75 ms | unknown (baseline) p25 / p50 / p75 ms"
                    + " | p50 ratio | pairs with the invisible id slower |\n|---|---|---|---|---|\n");
            for (String service : new String[] {"cases", "interviews"}) {
                JsonNode row = timing.path(service);
                md.append(Bench.f(
                        "| %s | %.2f / %.2f / %.2f | %.2f / %.2f / %.2f | %.3f | %.1f %% |%n",
                        service,
                        row.path("invisibleP25Ms").asDouble(),
                        row.path("invisibleP50Ms").asDouble(),
                        row.path("invisibleP75Ms").asDouble(),
                        row.path("unknownP25Ms").asDouble(),
                        row.path("unknownP50Ms").asDouble(),
                        row.path("unknownP75Ms").asDouble(),
                        row.path("p50RatioInvisibleToUnknown").asDouble(),
                        100 * row.path("shareOfPairsInvisibleSlower").asDouble()));
            }
            md.append('\n');
        }
        return md.toString();
    }
}
