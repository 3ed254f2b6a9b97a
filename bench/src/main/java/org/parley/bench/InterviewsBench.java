package org.parley.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Item 5: interview writes (POST, with identity) and reads (GET, decrypted for a member) over HTTP against two
 * instances of the interviews service from the same jar on the same stack: one as configured (Tink envelope
 * encryption), one started with {@code parley.interviews.encryption.enabled=false} on its own database. Capacity
 * in ABBA order (on, off, off, on) so a drift over the run favours neither; latency at a fixed rate.
 */
final class InterviewsBench {

    static final int WORKERS = 4;

    private InterviewsBench() {}

    /** An interview body like the service's own benchmark: ~20 KB transcript, 10 quotes, an identity. */
    static Map<String, Object> body(int transcriptChars, boolean identity) {
        StringBuilder transcript = new StringBuilder();
        while (transcript.length() < transcriptChars) {
            transcript.append("P: ¿Qué pidieron a cambio? R: Traslados, visitas, colchones; nunca dinero. ");
        }
        List<Map<String, Object>> quotes = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            quotes.add(Map.of("n", n, "text", "Quote number " + n + ": a truce is a pause, not a peace."));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pseudonym", "Official B");
        body.put("descriptor", "ex-Colombian government official");
        body.put("category", "GOVERNMENT_OFFICIAL");
        body.put("date", "2019-11");
        body.put("country", "CO");
        body.put("mode", "REMOTE");
        body.put("language", "es");
        body.put("consent", Map.of("mayQuote", true, "attribution", "DESCRIPTOR", "mayShareWithPartners", true));
        body.put("themes", List.of("REDLINES", "RISKS"));
        body.put("notes", "Notes of the benchmark interview.");
        body.put("transcript", transcript.toString());
        body.put("quotes", quotes);
        if (identity) {
            body.put("identity", Map.of("name", "Benchmark Person", "contact", "bench@example.invalid"));
        }
        return body;
    }

    static ObjectNode run(Bench bench, int writes, int reads, long encryptedPid, long plainPid) throws Exception {
        String caseId = Demo.newCase(bench, "Interviews benchmark case " + System.nanoTime());
        Map<String, Object> body = body(20_000, true);
        Map<String, List<String>> ids = new LinkedHashMap<>();
        Map<String, Long> pids = Map.of("interviews", encryptedPid, "interviews-plain", plainPid);
        for (String service : pids.keySet()) {
            ids.put(service, Collections.synchronizedList(new ArrayList<>()));
            ids.get(service).add(Demo.newInterview(bench, service, caseId, body)); // also waits for the projection
        }
        Map<String, Object> withCase = new LinkedHashMap<>(body);
        withCase.put("linkedCases", List.of(caseId));
        String json = Bench.JSON.writeValueAsString(withCase);
        Map<String, double[]> writeRates = new LinkedHashMap<>();
        Map<String, double[]> readRates = new LinkedHashMap<>();
        Map<String, double[]> writeCpu = new LinkedHashMap<>();
        Map<String, double[]> readCpu = new LinkedHashMap<>();
        for (String service : pids.keySet()) {
            writeRates.put(service, new double[1]);
            readRates.put(service, new double[1]);
            writeCpu.put(service, new double[1]);
            readCpu.put(service, new double[1]);
        }
        // warm-up of both
        for (String service : pids.keySet()) {
            Load.closed(2, 40, 10, write(bench, service, json, ids.get(service)));
            Load.closed(2, 80, 10, read(bench, service, ids.get(service)));
        }
        List<String> order = List.of("interviews", "interviews-plain", "interviews-plain", "interviews");
        for (String service : order) {
            Proc.Meter meter = new Proc.Meter(Map.of("service", pids.get(service))).start();
            Load.Result w = Load.closed(WORKERS, writes, 30, write(bench, service, json, ids.get(service)));
            writeCpu.get(service)[0] +=
                    meter.stop(w.completed()).path("serviceCpuMsPerRequest").asDouble() / 2;
            writeRates.get(service)[0] += w.throughput() / 2;
            meter = new Proc.Meter(Map.of("service", pids.get(service))).start();
            Load.Result r = Load.closed(WORKERS, reads, 30, read(bench, service, ids.get(service)));
            readCpu.get(service)[0] +=
                    meter.stop(r.completed()).path("serviceCpuMsPerRequest").asDouble() / 2;
            readRates.get(service)[0] += r.throughput() / 2;
            if (w.errors() + r.errors() > 0) {
                throw new IllegalStateException(service + ": " + w.firstError() + " " + r.firstError());
            }
        }
        double writeRate =
                0.5 * Math.min(writeRates.get("interviews")[0], writeRates.get("interviews-plain")[0]);
        double readRate =
                0.5 * Math.min(readRates.get("interviews")[0], readRates.get("interviews-plain")[0]);
        ObjectNode node = Bench.JSON.createObjectNode();
        node.put("transcriptChars", 20_000);
        node.put("quotes", 10);
        for (String service : pids.keySet()) {
            ObjectNode entry = node.putObject(service.equals("interviews") ? "encrypted" : "plaintext");
            entry.put("writesPerSecond", Bench.round(writeRates.get(service)[0], 1));
            entry.put("readsPerSecond", Bench.round(readRates.get(service)[0], 1));
            entry.put("serviceCpuMsPerWrite", Bench.round(writeCpu.get(service)[0], 2));
            entry.put("serviceCpuMsPerRead", Bench.round(readCpu.get(service)[0], 2));
            entry.set(
                    "writeFixedRate",
                    Load.open(writeRate, 200, 8, 8, write(bench, service, json, ids.get(service)))
                            .json());
            entry.set(
                    "readFixedRate",
                    Load.open(readRate, 400, 8, 8, read(bench, service, ids.get(service)))
                            .json());
        }
        node.put(
                "writeRatio",
                Bench.round(writeRates.get("interviews")[0] / writeRates.get("interviews-plain")[0], 3));
        node.put(
                "readRatio",
                Bench.round(readRates.get("interviews")[0] / readRates.get("interviews-plain")[0], 3));
        Bench.log(Bench.f(
                "interviews: writes %.1f/s encrypted vs %.1f/s plain (%.2f), reads %.1f/s vs %.1f/s (%.2f)",
                writeRates.get("interviews")[0],
                writeRates.get("interviews-plain")[0],
                node.path("writeRatio").asDouble(),
                readRates.get("interviews")[0],
                readRates.get("interviews-plain")[0],
                node.path("readRatio").asDouble()));
        return node;
    }

    private static Load.Call write(Bench bench, String service, String json, List<String> ids) {
        return () -> {
            HttpResponse<String> response = Bench.HTTP.send(
                    HttpRequest.newBuilder(URI.create(bench.url(service) + "/interviews"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + bench.api.token(Demo.LEAD))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("write: HTTP " + response.statusCode());
            }
            ids.add(Bench.JSON.readTree(response.body()).path("id").asText());
        };
    }

    private static Load.Call read(Bench bench, String service, List<String> ids) {
        AtomicInteger next = new AtomicInteger();
        return () -> {
            String id = ids.get(Math.floorMod(next.getAndIncrement(), ids.size()));
            HttpResponse<byte[]> response = Bench.HTTP.send(
                    HttpRequest.newBuilder(URI.create(bench.url(service) + "/interviews/" + id))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + bench.api.token(Demo.LEAD))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("read: HTTP " + response.statusCode());
            }
        };
    }
}
