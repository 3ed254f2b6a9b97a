package org.parley.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.parley.launcher.ApiClient;

/**
 * Item 3: a partner organisation's EXCERPTS grant is revoked through access; from the moment the DELETE returns,
 * the partner's reads are repeated in cases (the case), interviews (the excerpts) and events (the timeline) every
 * {@link #POLL_MS} ms until each refuses (404). Each cycle issues the grant again (request + second admin's
 * approval) and waits until all three services show it before revoking.
 */
final class RevocationBench {

    static final int POLL_MS = 10;

    private RevocationBench() {}

    /**
     * {@code revocations} grant-and-revoke cycles on {@code parallelCases} cases at once, each case's cycles back to
     * back, or {@code pauseMs} apart: the back-to-back run keeps two cores busy with its own cycles and polls, so the
     * paced one shows what a revocation takes on a machine the measurement does not itself fill.
     */
    static ObjectNode run(Bench bench, int revocations, int parallelCases, long pauseMs) throws Exception {
        Map<String, Object> interview = InterviewsBench.body(2_000, false);
        List<String[]> cases = new ArrayList<>();
        for (int c = 0; c < parallelCases; c++) {
            String caseId = Demo.newCase(bench, "Revocation benchmark case " + c + " " + System.nanoTime());
            String interviewId = Demo.newInterview(bench, "interviews", caseId, interview);
            ApiClient.Answer proposed = Bench.expect(
                    bench.api.post(
                            Demo.LEAD,
                            bench.url("interviews") + "/interviews/" + interviewId + "/excerpts",
                            Map.of("quote", 1)),
                    "excerpt");
            int n = proposed.body().path("n").asInt(1);
            String interviewUrl = bench.url("interviews") + "/interviews/" + interviewId;
            long version = Bench.expect(bench.api.get(Demo.LEAD, interviewUrl), "interview")
                    .body()
                    .path("version")
                    .asLong();
            Bench.expect(
                    bench.api.update(
                            Demo.LEAD, "POST", interviewUrl + "/excerpts/" + n + "/approval", version, Map.of()),
                    "excerpt approval");
            cases.add(new String[] {caseId, interviewId});
        }
        Map<String, Histogram> latency = new LinkedHashMap<>();
        for (String service : List.of("cases", "interviews", "events", "all")) {
            latency.put(service, new ConcurrentHistogram(120_000_000L, 3));
        }
        Histogram revokeCall = new ConcurrentHistogram(120_000_000L, 3);
        Histogram grantVisible = new ConcurrentHistogram(120_000_000L, 3);
        AtomicInteger timeouts = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        Map<String, Integer> done = new ConcurrentHashMap<>();
        ExecutorService caseThreads = Executors.newFixedThreadPool(parallelCases);
        ExecutorService pollers = Executors.newFixedThreadPool(3 * parallelCases);
        int perCase = (revocations + parallelCases - 1) / parallelCases;
        long started = System.nanoTime();
        Instant since = Instant.now();
        // How busy the whole machine was while the revocations ran: the pollers' reads load the same two cores
        // whose delays the figure measures, and other work on a shared machine adds to that.
        Proc.Meter machine = new Proc.Meter(Map.of()).start();
        List<Future<?>> work = new ArrayList<>();
        for (String[] pair : cases) {
            work.add(caseThreads.submit(() -> {
                String caseId = pair[0];
                Map<String, String> reads = Map.of(
                        "cases", bench.url("cases") + "/cases/" + caseId,
                        "interviews", bench.url("interviews") + "/interviews/" + pair[1] + "/excerpts",
                        "events", bench.url("events") + "/cases/" + caseId + "/timeline");
                for (int cycle = 0; cycle < perCase; cycle++) {
                    String grantId = grant(bench, caseId);
                    long grantedAt = System.nanoTime();
                    for (Map.Entry<String, String> read : reads.entrySet()) {
                        awaitStatus(bench, read.getValue(), 200, 60_000);
                    }
                    grantVisible.recordValue((System.nanoTime() - grantedAt) / 1000);
                    long sent = System.nanoTime();
                    Bench.expect(
                            bench.api.send(
                                    Demo.ADMIN,
                                    "DELETE",
                                    bench.url("access") + "/cases/" + caseId + "/grants/" + grantId
                                            + "?reason=benchmark",
                                    null),
                            "revoke");
                    long returned = System.nanoTime();
                    revokeCall.recordValue((returned - sent) / 1000);
                    List<Future<Long>> refused = new ArrayList<>();
                    for (Map.Entry<String, String> read : reads.entrySet()) {
                        refused.add(pollers.submit(() -> {
                            long deadline = returned + 30_000_000_000L;
                            while (System.nanoTime() < deadline) {
                                int status = bench.get(Demo.PARTNER, read.getValue());
                                if (status == 404) {
                                    long at = System.nanoTime() - returned;
                                    latency.get(read.getKey()).recordValue(Math.max(1, at / 1000));
                                    return at;
                                }
                                if (status == 503) {
                                    unavailable.incrementAndGet();
                                }
                                Thread.sleep(POLL_MS);
                            }
                            timeouts.incrementAndGet();
                            return 30_000_000_000L;
                        }));
                    }
                    long slowest = 0;
                    for (Future<Long> each : refused) {
                        slowest = Math.max(slowest, each.get());
                    }
                    latency.get("all").recordValue(Math.max(1, slowest / 1000));
                    done.merge("revocations", 1, Integer::sum);
                    if (pauseMs > 0) {
                        Thread.sleep(pauseMs);
                    }
                }
                return null;
            }));
        }
        for (Future<?> each : work) {
            each.get();
        }
        caseThreads.shutdown();
        pollers.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        double machineBusyShare =
                machine.stop(revocations).path("machineCpuBusyPercent").asDouble() / 100;
        ObjectNode node = Bench.JSON.createObjectNode();
        node.put("revocations", done.getOrDefault("revocations", 0));
        node.put("parallelCases", parallelCases);
        node.put("pauseBetweenCyclesMs", pauseMs);
        node.put("pollIntervalMs", POLL_MS);
        node.put("seconds", Bench.round(seconds, 1));
        node.put("timeouts", timeouts.get());
        node.put("answers503", unavailable.get());
        node.put("machineBusyShare", Bench.round(machineBusyShare, 3));
        latency.forEach((service, histogram) -> node.set(service, percentiles(histogram)));
        node.set("revokeCall", percentiles(revokeCall));
        node.set("grantVisibleEverywhere", percentiles(grantVisible));
        node.set("accessRelayStage", relayStage(bench, since));
        node.set("consumerStages", consumerStages(bench, since));
        node.put("p99Target", Targets.REVOCATION_P99.text() + " " + Targets.REVOCATION_P99.unit());
        node.put(
                "meetsTarget",
                Targets.REVOCATION_P99.met(p(latency.get("all"), 99))
                        && timeouts.get() == 0
                        && latency.get("all").getTotalCount() > 0);
        Bench.log(Bench.f(
                "revocation (%d at once, %d ms apart): %d revocations, first refusal p50/p99 cases %.0f/%.0f, interviews %.0f/%.0f,"
                        + " events %.0f/%.0f, all three %.0f/%.0f ms; the machine %.0f %% busy meanwhile",
                parallelCases,
                pauseMs,
                node.path("revocations").asInt(),
                p(latency.get("cases"), 50),
                p(latency.get("cases"), 99),
                p(latency.get("interviews"), 50),
                p(latency.get("interviews"), 99),
                p(latency.get("events"), 50),
                p(latency.get("events"), 99),
                p(latency.get("all"), 50),
                p(latency.get("all"), 99),
                machineBusyShare * 100));
        return node;
    }

    /** Issues an EXCERPTS grant to the partner (a request ana makes and bruno approves); returns its id. */
    private static String grant(Bench bench, String caseId) throws Exception {
        String grants = bench.url("access") + "/cases/" + caseId + "/grants";
        ApiClient.Answer requested = Bench.expect(
                bench.api.post(
                        Demo.ADMIN,
                        grants,
                        Map.of("organisation", Demo.PARTNER_ORG, "scope", "EXCERPTS", "reason", "benchmark")),
                "grant request");
        if (requested.status() == 202) {
            String requestId = requested.body().path("id").asText();
            Bench.expect(
                    bench.api.post(
                            Demo.APPROVER,
                            bench.url("access") + "/secrecy-requests/" + requestId + "/approval",
                            Map.of("reason", "benchmark")),
                    "approval");
        }
        JsonNode list =
                Bench.expect(bench.api.get(Demo.ADMIN, grants), "grants").body();
        JsonNode items = list.has("items") ? list.path("items") : list;
        for (JsonNode grant : items) {
            if (Demo.PARTNER_ORG.equals(grant.path("organisation").asText())
                    && "ACTIVE".equals(grant.path("status").asText())) {
                return grant.path("id").asText();
            }
        }
        throw new IllegalStateException("no active grant after approval: " + Bench.abbreviate(list.toString()));
    }

    private static void awaitStatus(Bench bench, String url, int wanted, long timeoutMs) throws Exception {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = bench.get(Demo.PARTNER, url);
            if (status == wanted) {
                return;
            }
            Thread.sleep(POLL_MS);
        }
        throw new IllegalStateException(url + " never answered " + wanted + " (last " + status + ")");
    }

    /**
     * In access's database: from the start of the revoking transaction (the outbox row's created_at) to the start
     * of the relay's look that sent it (published_at: now() in that look's transaction, stamped before the send).
     */
    private static ObjectNode relayStage(Bench bench, Instant since) throws Exception {
        Histogram micros = new Histogram(120_000_000L, 3);
        try (Connection db = bench.db("access_bench");
                PreparedStatement query = db.prepareStatement(
                        "SELECT extract(epoch FROM published_at - created_at) * 1e6" + REVOKED_SINCE)) {
            query.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    micros.recordValue(Math.max(1, (long) rows.getDouble(1)));
                }
            }
        }
        return percentiles(micros);
    }

    /** The revocations this run's cycles sent (the same database keeps an earlier run's). */
    private static final String REVOKED_SINCE = " FROM outbox_event WHERE event_type = 'GrantRevoked'"
            + " AND published_at IS NOT NULL AND created_at >= ?";

    /**
     * In each service's database: from the relay's look that sent a revocation (access's published_at) to the
     * start of the transaction that applied it there (processed_at), per consumer: where the time after the
     * relay goes. Both stamped by the one PostgreSQL's clock.
     */
    private static ObjectNode consumerStages(Bench bench, Instant since) throws Exception {
        Map<String, Long> publishedMicros = new LinkedHashMap<>();
        try (Connection db = bench.db("access_bench");
                PreparedStatement query = db.prepareStatement(
                        "SELECT event_id::text, extract(epoch FROM published_at) * 1e6" + REVOKED_SINCE)) {
            query.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    publishedMicros.put(rows.getString(1), (long) rows.getDouble(2));
                }
            }
        }
        ObjectNode node = Bench.JSON.createObjectNode();
        for (String database : List.of("cases_bench", "interviews_bench", "events_bench")) {
            Map<String, Histogram> byConsumer = new LinkedHashMap<>();
            try (Connection db = bench.db(database);
                    PreparedStatement query = db.prepareStatement("SELECT consumer, event_id::text,"
                            + " extract(epoch FROM processed_at) * 1e6 FROM processed_event"
                            + " WHERE event_id = ANY (?::uuid[])")) {
                query.setArray(
                        1, db.createArrayOf("text", publishedMicros.keySet().toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long micros = (long) rows.getDouble(3) - publishedMicros.get(rows.getString(2));
                        byConsumer
                                .computeIfAbsent(rows.getString(1), consumer -> new Histogram(120_000_000L, 3))
                                .recordValue(Math.max(1, micros));
                    }
                }
            }
            byConsumer.forEach((consumer, histogram) ->
                    node.set(database.replace("_bench", "") + "/" + consumer, percentiles(histogram)));
        }
        return node;
    }

    static ObjectNode percentiles(Histogram histogram) {
        ObjectNode node = Bench.JSON.createObjectNode();
        node.put("count", histogram.getTotalCount());
        node.put("p50Ms", Bench.round(p(histogram, 50), 1));
        node.put("p99Ms", Bench.round(p(histogram, 99), 1));
        node.put("maxMs", Bench.round(histogram.getMaxValue() / 1000.0, 1));
        return node;
    }

    static double p(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
