package org.parley.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Item 8: can a caller tell an invisible id from one that never existed by how long the 404 takes? For cases
 * (GET /cases/{id}) and interviews (GET /interviews/{id}), an outsider (mateo: staff of the owner, on no team)
 * asks for ids of SECRET records and for random ids, alternating one of each so that load and warm-up hit both
 * alike. Both must be 404 with the same body; the figures are the medians and quartiles of each, their ratio
 * (the baseline: unknown ids, measured in the same run) and the share of pairs where the invisible id was the
 * slower one (0.5 when nothing tells them apart).
 */
final class NotFoundTimingBench {

    private static final String OUTSIDER = "mateo";

    private NotFoundTimingBench() {}

    static ObjectNode run(Bench bench, int records, int pairs) throws Exception {
        List<String> caseIds = new ArrayList<>();
        List<String> interviewIds = new ArrayList<>();
        Map<String, Object> interview = InterviewsBench.body(2_000, false);
        for (int i = 0; i < records; i++) {
            String caseId = Demo.newCase(bench, "Timing benchmark case " + i + " " + System.nanoTime());
            caseIds.add(caseId);
            interviewIds.add(Demo.newInterview(bench, "interviews", caseId, interview));
        }
        Bench.expect(bench.api.get(OUTSIDER, bench.url("access") + "/me"), "register " + OUTSIDER);
        ObjectNode result = Bench.JSON.createObjectNode();
        result.put("records", records);
        result.put("pairs", pairs);
        result.set("cases", measure(bench, bench.url("cases") + "/cases/", caseIds, pairs));
        result.set("interviews", measure(bench, bench.url("interviews") + "/interviews/", interviewIds, pairs));
        Bench.log("404 timing, invisible vs unknown: " + result);
        return result;
    }

    private static ObjectNode measure(Bench bench, String prefix, List<String> invisible, int pairs) throws Exception {
        String token = bench.api.token(OUTSIDER);
        String unknownBody = null;
        // warm-up: both paths, untimed
        for (int i = 0; i < 50; i++) {
            get(bench, token, prefix + invisible.get(i % invisible.size()));
            get(bench, token, prefix + UUID.randomUUID());
        }
        long[] hidden = new long[pairs];
        long[] unknown = new long[pairs];
        int hiddenSlower = 0;
        for (int i = 0; i < pairs; i++) {
            String hiddenId = invisible.get(i % invisible.size());
            String unknownId = UUID.randomUUID().toString();
            boolean hiddenFirst = (i & 1) == 0; // alternate the order within a pair too
            Timed a = hiddenFirst ? get(bench, token, prefix + hiddenId) : get(bench, token, prefix + unknownId);
            Timed b = hiddenFirst ? get(bench, token, prefix + unknownId) : get(bench, token, prefix + hiddenId);
            Timed h = hiddenFirst ? a : b;
            Timed u = hiddenFirst ? b : a;
            if (h.status != 404 || u.status != 404) {
                throw new IllegalStateException("expected 404 for both, got " + h.status + " and " + u.status);
            }
            if (unknownBody == null) {
                unknownBody = u.body;
            }
            if (!h.body.equals(unknownBody) || !u.body.equals(unknownBody)) {
                throw new IllegalStateException("the two 404 bodies differ");
            }
            hidden[i] = h.nanos;
            unknown[i] = u.nanos;
            if (h.nanos > u.nanos) {
                hiddenSlower++;
            }
        }
        Arrays.sort(hidden);
        Arrays.sort(unknown);
        ObjectNode out = Bench.JSON.createObjectNode();
        out.put("invisibleP50Ms", ms(hidden, 0.50));
        out.put("invisibleP25Ms", ms(hidden, 0.25));
        out.put("invisibleP75Ms", ms(hidden, 0.75));
        out.put("unknownP50Ms", ms(unknown, 0.50));
        out.put("unknownP25Ms", ms(unknown, 0.25));
        out.put("unknownP75Ms", ms(unknown, 0.75));
        out.put("p50RatioInvisibleToUnknown", Bench.round(ms(hidden, 0.5) / ms(unknown, 0.5), 3));
        out.put("shareOfPairsInvisibleSlower", Bench.round(hiddenSlower / (double) pairs, 3));
        out.put("bodiesIdentical", true);
        return out;
    }

    private record Timed(int status, String body, long nanos) {}

    private static Timed get(Bench bench, String token, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = Bench.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        return new Timed(response.statusCode(), response.body(), nanos);
    }

    private static double ms(long[] sorted, double quantile) {
        return Bench.round(sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6, 3);
    }
}
