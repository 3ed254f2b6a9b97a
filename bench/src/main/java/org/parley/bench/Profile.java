package org.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of a running service (started and stopped with jcmd, so the service needs no flag), read
 * back here: where the service's threads were sampled running Java code (jdk.ExecutionSample) or sitting in
 * native code such as a socket read from PostgreSQL (jdk.NativeMethodSample), by the first frame that names a
 * known layer.
 */
final class Profile {

    private final long pid;
    private final Path file;
    private final String name;

    private Profile(long pid, Path file, String name) {
        this.pid = pid;
        this.file = file;
        this.name = name;
    }

    static Profile start(long pid, Path file) throws IOException, InterruptedException {
        return start(pid, file, false);
    }

    /** With {@code everyPark}, every ThreadPark is recorded: for one thread's wait profile, not for a busy service. */
    static Profile start(long pid, Path file, boolean everyPark) throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        String name = "bench" + System.nanoTime();
        jcmd(pid, "JFR.start", "name=" + name, "settings=" + (everyPark ? settings(file.getParent()) : "profile"));
        return new Profile(pid, file, name);
    }

    /** The JDK's "profile" settings with every ThreadPark recorded (its 10 ms threshold hides short waits). */
    private static String settings(Path directory) throws IOException {
        Path jfc = directory.resolve("bench-profile.jfc");
        String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"));
        int park = profile.indexOf("<event name=\"jdk.ThreadPark\">");
        if (park >= 0) {
            int end = profile.indexOf("</event>", park);
            String block = profile.substring(park, end).replaceAll(">\\s*10 ms\\s*<", ">0 ms<");
            profile = profile.substring(0, park) + block + profile.substring(end);
        }
        Files.writeString(jfc, profile);
        return jfc.toString();
    }

    ObjectNode stop() throws IOException, InterruptedException {
        return stop(null);
    }

    /** Stops the recording; with a thread name, also that thread's running, native and parked time. */
    ObjectNode stop(String thread) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + name, "filename=" + file);
        ObjectNode summary = summarise(file);
        if (thread != null) {
            summary.set("thread", thread(file, thread));
        }
        return summary;
    }

    /** One thread's samples: running Java (by layer), in native code (by layer), and parked (ms, from ThreadPark). */
    static ObjectNode thread(Path file, String threadName) throws IOException {
        Map<String, Long> running = new HashMap<>();
        Map<String, Long> nativeCode = new HashMap<>();
        double parkedMs = 0;
        Map<String, Double> parkedBy = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            String field = type.equals("jdk.ThreadPark") ? "eventThread" : "sampledThread";
            if (!event.hasField(field)
                    || event.getThread(field) == null
                    || !threadName.equals(event.getThread(field).getJavaName())) {
                continue;
            }
            if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                running.merge(layer(event.getStackTrace()), 1L, Long::sum);
            } else if (type.equals("jdk.NativeMethodSample") && event.getStackTrace() != null) {
                nativeCode.merge(layer(event.getStackTrace()), 1L, Long::sum);
            } else if (type.equals("jdk.ThreadPark")) {
                double ms = event.getDuration().toNanos() / 1e6;
                parkedMs += ms;
                parkedBy.merge(event.getStackTrace() == null ? "?" : parkSite(event.getStackTrace()), ms, Double::sum);
            }
        }
        ObjectNode node = Bench.JSON.createObjectNode();
        node.put("name", threadName);
        node.set("runningSamplesByLayer", Bench.JSON.valueToTree(running));
        node.set("nativeSamplesByLayer", Bench.JSON.valueToTree(nativeCode));
        node.put("parkedMs", Bench.round(parkedMs, 1));
        ObjectNode sites = node.putObject("parkedMsBySite");
        parkedBy.forEach((site, ms) -> sites.put(site, Bench.round(ms, 1)));
        return node;
    }

    /** The first application-level frame below the park: what the thread was waiting for. */
    private static String parkSite(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("org.parley") || type.startsWith("org.apache.kafka")) {
                return type.substring(type.lastIndexOf('.') + 1) + "."
                        + frame.getMethod().getName();
            }
        }
        return "other";
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", args) + " failed: " + output);
        }
    }

    /** The layer a stack belongs to: the first (innermost) frame of a known package decides. */
    static String layer(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("org.postgresql")) {
                return "PostgreSQL driver (wire, row decoding)";
            }
            if (type.startsWith("com.fasterxml.jackson")) {
                return "Jackson JSON";
            }
            if (type.startsWith("io.smallrye.jwt")
                    || type.startsWith("org.jose4j")
                    || type.startsWith("io.quarkus.oidc")
                    || type.startsWith("sun.security")
                    || type.startsWith("java.security")) {
                return "token verification (OIDC/JWT)";
            }
            if (type.startsWith("org.hibernate")
                    || type.startsWith("io.agroal")
                    || type.startsWith("com.arjuna")
                    || type.startsWith("io.quarkus.narayana")) {
                return "transaction, pool, ORM";
            }
            if (type.startsWith("org.apache.kafka")) {
                return "Kafka client";
            }
            if (type.startsWith("org.parley")) {
                return "Parley code";
            }
            if (type.startsWith("io.netty")
                    || type.startsWith("io.vertx")
                    || type.startsWith("org.jboss.resteasy")
                    || type.startsWith("io.quarkus.vertx")
                    || type.startsWith("io.quarkus.resteasy")) {
                return "HTTP server (Vert.x, RESTEasy)";
            }
        }
        return "JVM/other";
    }

    static ObjectNode summarise(Path file) throws IOException {
        Map<String, Long> running = new HashMap<>();
        Map<String, Long> nativeWait = new HashMap<>();
        Map<String, Long> topFrames = new HashMap<>();
        long executionSamples = 0;
        long nativeSamples = 0;
        double gcPauseMs = 0;
        long gcs = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                executionSamples++;
                running.merge(layer(event.getStackTrace()), 1L, Long::sum);
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (!frames.isEmpty()) {
                    RecordedFrame top = frames.get(0);
                    topFrames.merge(
                            top.getMethod().getType().getName() + "."
                                    + top.getMethod().getName(),
                            1L,
                            Long::sum);
                }
            } else if (type.equals("jdk.NativeMethodSample") && event.getStackTrace() != null) {
                String layer = layer(event.getStackTrace());
                // Idle threads parked in epoll belong to no request; count only waits inside a layer.
                if (!layer.equals("JVM/other") && !layer.startsWith("HTTP server") && !layer.startsWith("Kafka")) {
                    nativeSamples++;
                    nativeWait.merge(layer, 1L, Long::sum);
                }
            } else if (type.equals("jdk.GarbageCollection")) {
                gcs++;
                gcPauseMs += event.getDuration("sumOfPauses").toNanos() / 1e6;
            }
        }
        ObjectNode node = Bench.JSON.createObjectNode();
        node.put("executionSamples", executionSamples);
        node.set("runningByLayerPercent", percentages(running, executionSamples));
        node.set("topRunningFramesPercent", top(percentages(topFrames, executionSamples), 8));
        node.put("nativeSamplesInLayers", nativeSamples);
        node.set("nativeWaitByLayer", Bench.JSON.valueToTree(nativeWait));
        node.put("gcCount", gcs);
        node.put("gcPauseMs", Bench.round(gcPauseMs, 1));
        return node;
    }

    private static ObjectNode percentages(Map<String, Long> counts, long total) {
        ObjectNode node = Bench.JSON.createObjectNode();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> node.put(e.getKey(), Bench.round(100.0 * e.getValue() / Math.max(1, total), 1)));
        return node;
    }

    private static ObjectNode top(ObjectNode all, int n) {
        ObjectNode node = Bench.JSON.createObjectNode();
        Map<String, Double> ordered = new LinkedHashMap<>();
        all.fields().forEachRemaining(e -> ordered.put(e.getKey(), e.getValue().asDouble()));
        ordered.entrySet().stream().limit(n).forEach(e -> node.put(e.getKey(), e.getValue()));
        return node;
    }
}
