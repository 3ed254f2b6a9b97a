package org.parley.bench;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code goals} array of results.json: one row for every row of {@link Targets} (per reader class, scale and
 * search fraction where the row says so), {@code {"name", "target", "measured", "unit", "met"}} and, where they
 * apply, {@code samples}, {@code error} and {@code note}. A row this run did not measure is there with measured
 * null and met false, never left out.
 */
final class Goals {

    private Goals() {}

    static ArrayNode of(JsonNode results) {
        ArrayNode goals = Bench.JSON.createArrayNode();
        JsonNode list = results.has("item1_7_list") ? results.path("item1_7_list") : results.path("item1_list");
        List<Integer> scales = scales(list);
        for (int scale : scales) {
            for (String reader : Targets.READERS) {
                JsonNode fixed = list.path(key(scale))
                        .path(reader)
                        .path("list")
                        .path("http")
                        .path("fixedRate");
                outside(scale, latency(goals, Targets.LIST_P99, "list p99, " + reader + ", " + cases(scale), fixed));
            }
        }
        for (String reader : Targets.READERS) {
            JsonNode cpu = list.path(key(10_000)).path(reader).path("list").at("/http/cpu/postgresCpuMsPerRequest");
            row(goals, Targets.LIST_POSTGRES_CPU, "PostgreSQL CPU per list request, " + reader + ", 10,000 cases", cpu);
        }
        for (String reader : Targets.GROWTH_READERS) {
            growth(goals, list, reader, "list p99", "/list/http/fixedRate/p99Ms");
            growth(goals, list, reader, "PostgreSQL CPU per list request", "/list/http/cpu/postgresCpuMsPerRequest");
        }
        for (int scale : scales) {
            Targets.Target target = scale < 100_000 ? Targets.SEARCH_P99_10K : Targets.SEARCH_P99_100K;
            for (String fraction : Targets.FRACTIONS) {
                for (String reader : Targets.READERS) {
                    JsonNode fixed = list.path(key(scale))
                            .path(reader)
                            .path("search")
                            .path(fraction)
                            .path("http")
                            .path("fixedRate");
                    outside(
                            scale,
                            latency(
                                    goals,
                                    target,
                                    "search p99, query matching ~" + fraction + " of cases, " + reader + ", "
                                            + cases(scale),
                                    fixed));
                }
            }
        }
        for (int scale : scales) {
            for (String reader : Targets.READERS) {
                JsonNode naive = list.path(key(scale)).path(reader).path("naive");
                ObjectNode row = row(
                        goals,
                        Targets.NAIVE,
                        "list SQL vs naive SQL, " + reader + ", " + cases(scale),
                        naive.path("ratio"));
                outside(scale, row);
                if (naive.has("sameAnswer") && !naive.path("sameAnswer").asBoolean()) {
                    row.put("met", false);
                    note(row, "the naive SQL answered differently: its figure compares unlike work");
                }
            }
        }
        for (int scale : scales) {
            for (String reader : Targets.READERS) {
                JsonNode ratio = list.path(key(scale)).path(reader).path("list").path("throughputRatio");
                outside(
                        scale,
                        row(goals, Targets.HTTP_VS_JDBC, "list HTTP / JDBC, " + reader + ", " + cases(scale), ratio));
            }
        }
        JsonNode revocation = results.path("item3_revocation");
        ObjectNode revoked = row(
                goals,
                Targets.REVOCATION_P99,
                "revocation until cases, interviews and events all refuse, p99",
                revocation.at("/all/p99Ms"));
        samples(revoked, revocation.at("/all/count"));
        if (revocation.has("machineBusyShare")) {
            // Context, not a condition: the figure depends on how busy the shared machine was.
            note(
                    revoked,
                    Bench.f(
                            "the machine was %.0f %% busy during the revocations",
                            revocation.path("machineBusyShare").asDouble() * 100));
        }
        JsonNode paced = results.path("item3_revocationPaced");
        if (paced.has("all")) {
            // Context for the team's choice of method (BENCHMARKS.md, item 3); the row is met or not on the above.
            note(
                    revoked,
                    Bench.f(
                            "one revocation at a time, %d ms apart: p99 %.1f ms over %d (machine %.0f %% busy)",
                            paced.path("pauseBetweenCyclesMs").asLong(),
                            paced.at("/all/p99Ms").asDouble(),
                            paced.at("/all/count").asLong(),
                            paced.path("machineBusyShare").asDouble() * 100));
        }
        if (revocation.path("timeouts").asInt(0) > 0) {
            revoked.put("met", false);
            note(revoked, revocation.path("timeouts").asInt() + " revocations never refused within 30 s");
        }
        decisions(goals, results.path("item2_policyDecision"));
        JsonNode warm = results.path("item6_startup").path("warm");
        ObjectNode startup = row(goals, Targets.STARTUP_WARM, "./parley start, warm", warm.path("wallSeconds"));
        if (!warm.isMissingNode() && warm.path("exitCode").asInt(-1) != 0) {
            startup.put("met", false);
            note(startup, "./parley start exited with " + warm.path("exitCode").asInt(-1));
        }
        if (results.path("environment").path("quick").asBoolean()) {
            for (var row : goals) {
                ((ObjectNode) row).put("met", false);
                note((ObjectNode) row, "a --quick run: shortened phases, nothing judged");
            }
        }
        return goals;
    }

    /**
     * The table's scales and every other scale this run measured (a smoke run at 1,000 cases): rows of the latter are
     * judged against the 10,000-case threshold and say they are outside the table.
     */
    private static List<Integer> scales(JsonNode list) {
        Set<Integer> scales = new TreeSet<>(Targets.SCALES);
        list.fieldNames().forEachRemaining(name -> scales.add(Integer.parseInt(name)));
        return new ArrayList<>(scales);
    }

    private static void outside(int scale, ObjectNode row) {
        if (!Targets.SCALES.contains(scale)) {
            note(row, "a scale outside the issue's table (10,000 and 100,000 cases)");
        }
    }

    /** A latency row: met also needs the fixed rate of the target and no error. */
    private static ObjectNode latency(ArrayNode goals, Targets.Target target, String name, JsonNode fixedRate) {
        ObjectNode row = row(goals, target, name, fixedRate.path("p99Ms"));
        if (fixedRate.isMissingNode()) {
            return row;
        }
        samples(row, fixedRate.path("requests"));
        if (fixedRate.path("offeredRatePerSecond").asDouble() < Targets.FIXED_RATE_PER_SECOND) {
            row.put("met", false);
            note(row, "offered at " + fixedRate.path("offeredRatePerSecond").asDouble() + " req/s, below 50");
        }
        if (fixedRate.path("errors").asLong() > 0) {
            row.put("met", false);
            note(row, fixedRate.path("errors").asLong() + " requests failed or never answered");
        }
        return row;
    }

    private static void growth(ArrayNode goals, JsonNode list, String reader, String figure, String path) {
        JsonNode small = list.path(key(10_000)).path(reader);
        JsonNode large = list.path(key(100_000)).path(reader);
        JsonNode measured = Bench.JSON.nullNode();
        if (!small.at(path).isMissingNode() && !large.at(path).isMissingNode()) {
            measured = Bench.JSON
                    .getNodeFactory()
                    .numberNode(Bench.round(
                            large.at(path).asDouble() / small.at(path).asDouble(), 2));
        }
        ObjectNode row = row(goals, Targets.GROWTH, "growth of " + figure + ", " + reader, measured);
        long smallTotal = small.path("visibleTotal").asLong(-1);
        long largeTotal = large.path("visibleTotal").asLong(-2);
        if (!measured.isNull() && smallTotal != largeTotal) {
            row.put("met", false);
            note(row, "visible sets differ: " + smallTotal + " cases at 10,000, " + largeTotal + " at 100,000");
        }
    }

    private static void decisions(ArrayNode goals, JsonNode policy) {
        JsonNode decide = policy.path("decide");
        if (decide.isMissingNode() || decide.isEmpty()) {
            row(goals, Targets.DECISION, "policy decision (every relationship)", Bench.JSON.nullNode());
            return;
        }
        int forks = policy.path("forks").asInt(0);
        for (Iterator<Map.Entry<String, JsonNode>> it = decide.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            double ns = entry.getValue().path("nsPerDecision").asDouble(Double.NaN);
            double error = entry.getValue().path("nsError").asDouble(Double.NaN);
            ObjectNode row = row(
                    goals,
                    Targets.DECISION,
                    "policy decision, " + entry.getKey(),
                    entry.getValue().path("nsPerDecision"));
            row.put("error", Double.isNaN(error) ? null : error);
            row.put("forks", forks);
            boolean met = !Double.isNaN(error) && Targets.DECISION.met(ns + error) && forks >= Targets.JMH_FORKS;
            row.put("met", met);
            if (forks < Targets.JMH_FORKS) {
                note(row, forks + " fork(s), fewer than " + Targets.JMH_FORKS);
            }
        }
    }

    /** A row with the measured value at {@code value} (a missing or null node: not measured). */
    private static ObjectNode row(ArrayNode goals, Targets.Target target, String name, JsonNode value) {
        ObjectNode row = goals.addObject();
        row.put("name", name);
        row.put("target", target.text());
        boolean measured = value != null && value.isNumber() && !Double.isNaN(value.asDouble());
        if (measured) {
            row.put("measured", value.asDouble());
        } else {
            row.putNull("measured");
        }
        row.put("unit", target.unit());
        row.put("met", measured && target.met(value.asDouble()));
        return row;
    }

    private static void samples(ObjectNode row, JsonNode count) {
        if (!count.isNumber()) {
            return;
        }
        row.put("samples", count.asLong());
        if (count.asLong() < Targets.ENOUGH_SAMPLES) {
            row.put("met", false);
            note(row, "p99 of " + count.asLong() + " samples, fewer than " + Targets.ENOUGH_SAMPLES + ": not judged");
        }
    }

    /** Adds a note to the row's (several may apply). */
    private static void note(ObjectNode row, String text) {
        row.put("note", row.has("note") ? row.path("note").asText() + "; " + text : text);
    }

    private static String key(int scale) {
        return Integer.toString(scale);
    }

    private static String cases(int scale) {
        return Bench.f("%,d cases", scale);
    }

    /** The goals as a Markdown table. */
    static String markdown(JsonNode goals) {
        StringBuilder md = new StringBuilder("| goal | target | measured | samples | met |\n|---|---|---|---|---|\n");
        for (JsonNode row : goals) {
            String measured = row.path("measured").isNull()
                    ? "not measured"
                    : Bench.f(
                                    "%.2f %s",
                                    row.path("measured").asDouble(),
                                    row.path("unit").asText())
                            + (row.has("error") && !row.path("error").isNull()
                                    ? Bench.f(" ± %.2f", row.path("error").asDouble())
                                    : "");
            md.append(Bench.f(
                    "| %s | %s %s | %s | %s | %s |%n",
                    row.path("name").asText(),
                    row.path("target").asText(),
                    row.path("unit").asText(),
                    measured,
                    row.has("samples") ? Long.toString(row.path("samples").asLong()) : "",
                    (row.path("met").asBoolean() ? "yes" : "**no**")
                            + (row.has("note") ? " (" + row.path("note").asText() + ")" : "")));
        }
        return md.toString();
    }
}
