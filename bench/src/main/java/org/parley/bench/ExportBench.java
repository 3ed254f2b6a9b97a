package org.parley.bench;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Item 10: GET /cases/export (issue 20) against paging through the same cases with GET /cases?limit=100, in the same
 * run, on the cases ListBench loaded: rows per second and the cases service's peak heap while each runs (heap used,
 * sampled every 20 ms from its metrics). A flat-memory export keeps its peak near the list's, whatever the count.
 */
final class ExportBench {

    private static final String HEAP = "jvm_memory_used_bytes";

    private ExportBench() {}

    static ObjectNode run(Bench bench, ListBench list, int cases, int rounds) throws Exception {
        list.loadTo(cases);
        ObjectNode result = Bench.JSON.createObjectNode();
        result.put("cases", cases);
        result.put("reader", "bench-member");
        String base = bench.url("cases");
        // Warm: one of each, unmeasured.
        export(bench, base, "json");
        pageThrough(bench, base);
        for (String kind : List.of("listPages", "exportCsv", "exportJson")) {
            ObjectNode measured = result.putObject(kind);
            double best = 0;
            double peak = 0;
            long rows = 0;
            for (int round = 0; round < rounds; round++) {
                HeapSampler sampler = new HeapSampler(bench.managementUrl("cases"));
                long start = System.nanoTime();
                try {
                    rows = switch (kind) {
                        case "listPages" -> pageThrough(bench, base);
                        case "exportCsv" -> export(bench, base, "csv");
                        default -> export(bench, base, "json");
                    };
                } finally {
                    sampler.stop();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                best = Math.max(best, rows / seconds);
                peak = Math.max(peak, sampler.peak() / (1024.0 * 1024.0));
            }
            measured.put("rows", rows);
            measured.put("bestRowsPerSecond", Bench.round(best, 0));
            measured.put("peakHeapUsedMiB", Bench.round(peak, 1));
            Bench.log(Bench.f("export: %s %,d rows, best %.0f rows/s, peak heap %.1f MiB", kind, rows, best, peak));
        }
        return result;
    }

    /** Every page of the member's list, 100 at a time; the number of cases read. */
    private static long pageThrough(Bench bench, String base) throws Exception {
        long rows = 0;
        String cursor = null;
        do {
            String url = base + "/cases?limit=100" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = Bench.JSON.readTree(ListBench.get(bench, url, "bench-member"));
            rows += page.path("items").size();
            cursor = page.path("nextCursor").isTextual()
                    ? page.path("nextCursor").asText()
                    : null;
        } while (cursor != null);
        return rows;
    }

    /** One export read to its end (not kept); the number of cases its watermark counts. */
    private static long export(Bench bench, String base, String format) throws Exception {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(base + "/cases/export?ceiling=SECRET&format=" + format)
                        .toURL()
                        .openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(120_000);
        connection.setRequestProperty("Authorization", "Bearer " + bench.api.token("bench-member"));
        if (connection.getResponseCode() != 200) {
            throw new IllegalStateException("export: HTTP " + connection.getResponseCode());
        }
        byte[] buffer = new byte[64 * 1024];
        StringBuilder head = new StringBuilder();
        try (InputStream body = connection.getInputStream()) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                if (head.length() < 512) {
                    head.append(new String(buffer, 0, Math.min(read, 512), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        // The count is in the watermark: "count=N" in the CSV's comment line, "count":N in the JSON's meta.
        java.util.regex.Matcher count =
                java.util.regex.Pattern.compile("count[=\":]+(\\d+)").matcher(head);
        if (!count.find()) {
            throw new IllegalStateException("export: no count in the watermark");
        }
        return Long.parseLong(count.group(1));
    }

    /** The service's heap used, sampled on a thread of its own until stopped. */
    private static final class HeapSampler {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;

        HeapSampler(String managementUrl) {
            thread = new Thread(
                    () -> {
                        while (running.get()) {
                            peak.accumulateAndGet(heapUsed(managementUrl), Math::max);
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }

        long peak() {
            return peak.get();
        }

        /** The sum of jvm_memory_used_bytes over the heap's pools (area="heap"), or 0 when unreadable. */
        private static long heapUsed(String managementUrl) {
            try {
                HttpURLConnection connection = (HttpURLConnection)
                        URI.create(managementUrl + "/q/metrics").toURL().openConnection();
                connection.setConnectTimeout(2_000);
                connection.setReadTimeout(5_000);
                String text;
                try (InputStream body = connection.getInputStream()) {
                    text = new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
                double used = 0;
                for (String line : text.split("\n")) {
                    if (line.startsWith(HEAP + "{") && line.contains("area=\"heap\"")) {
                        used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    }
                }
                return (long) used;
            } catch (java.io.IOException | NumberFormatException e) {
                return 0;
            }
        }
    }
}
