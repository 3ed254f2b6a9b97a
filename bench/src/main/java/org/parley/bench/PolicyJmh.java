package org.parley.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Item 2: the policy's {@link org.parley.bench.policy.DecisionBenchmark} (JMH) in {@value #FORKS} forks (quick: fewer
 * and shorter iterations, still {@value #FORKS} forks), with -prof gc and -rf json, parsed here: the score and JMH's
 * error (99.9 % confidence) of each relationship. JMH runs in its own JVMs on this module's classpath.
 */
final class PolicyJmh {

    /** Forks of every JMH run: the issue asks for several, Targets for at least {@link Targets#JMH_FORKS}. */
    static final int FORKS = 3;

    private PolicyJmh() {}

    static ObjectNode run(Bench bench) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> launcher = List.of(java, "-cp", System.getProperty("java.class.path"), "org.openjdk.jmh.Main");
        ObjectNode node = Bench.JSON.createObjectNode();
        node.put("jar", "bench");
        node.put("forks", FORKS);
        node.put("options", String.join(" ", options(bench)));
        // decide() for every relationship; the two baselines do not depend on the relationship: one value.
        JsonNode decide = jmh(bench, launcher, "DecisionBenchmark.decide$", List.of(), "jmh-decide.json");
        JsonNode baselines = jmh(
                bench,
                launcher,
                "DecisionBenchmark.baseline",
                List.of("-p", "relationship=MEMBER"),
                "jmh-baselines.json");
        double fieldReadsNs = Double.NaN;
        double hashMapNs = Double.NaN;
        for (JsonNode result : baselines) {
            double score = result.path("primaryMetric").path("score").asDouble();
            if (result.path("benchmark").asText().endsWith("baselineFieldReads")) {
                fieldReadsNs = score;
            } else {
                hashMapNs = score;
            }
        }
        node.put("baselineFieldReadsNs", Bench.round(fieldReadsNs, 2));
        node.put("baselineHashMapLookupNs", Bench.round(hashMapNs, 2));
        ObjectNode byRelationship = node.putObject("decide");
        for (JsonNode result : decide) {
            String relationship = result.path("params").path("relationship").asText();
            double ns = result.path("primaryMetric").path("score").asDouble();
            double error = result.path("primaryMetric").path("scoreError").asDouble();
            double bytes = result.path("secondaryMetrics")
                    .path("gc.alloc.rate.norm")
                    .path("score")
                    .asDouble(Double.NaN);
            ObjectNode entry = byRelationship.putObject(relationship);
            entry.put("nsPerDecision", Bench.round(ns, 2));
            entry.put("nsError", Bench.round(error, 2));
            entry.put(
                    "errorConfidence",
                    result.path("primaryMetric").path("scoreConfidence").toString());
            entry.put(
                    "measurementIterations",
                    result.path("measurementIterations").asInt()
                            * result.path("forks").asInt());
            entry.put("decisionsPerSecond", Math.round(1e9 / ns));
            entry.put("bytesAllocatedPerDecision", Bench.round(bytes, 1));
            entry.put("ratioToHashMapLookup", Bench.round(ns / hashMapNs, 2));
            Bench.log(Bench.f(
                    "policy decide %-13s %7.1f ± %.1f ns (%,.0f/s), %5.0f B/op, %.1fx a HashMap lookup",
                    relationship, ns, error, 1e9 / ns, bytes, ns / hashMapNs));
        }
        return node;
    }

    private static JsonNode jmh(Bench bench, List<String> launcher, String pattern, List<String> extra, String output)
            throws Exception {
        Path json = bench.target.resolve(output);
        Files.deleteIfExists(json);
        List<String> command = new ArrayList<>(launcher);
        command.add(pattern);
        command.addAll(options(bench));
        command.addAll(extra);
        command.addAll(List.of("-rf", "json", "-rff", json.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        bench.logs.resolve(output.replace(".json", ".log")).toFile())
                .directory(new File(bench.root.toString()))
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.exists(json)) {
            process.destroyForcibly();
            throw new IllegalStateException("JMH failed; see " + bench.logs.resolve(output.replace(".json", ".log")));
        }
        return Bench.JSON.readTree(json.toFile());
    }

    private static List<String> options(Bench bench) {
        return bench.quick
                ? List.of(
                        "-f",
                        Integer.toString(FORKS),
                        "-wi",
                        "1",
                        "-i",
                        "2",
                        "-w",
                        "300ms",
                        "-r",
                        "300ms",
                        "-prof",
                        "gc")
                : List.of("-f", Integer.toString(FORKS), "-wi", "3", "-i", "5", "-w", "1s", "-r", "1s", "-prof", "gc");
    }
}
