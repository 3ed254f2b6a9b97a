package org.parley.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Item 6: the README's first command without its build step, {@code ./parley start}, cold (no state: initdb,
 * Kafka format, migrations, seeds created) and warm (the state of the cold run kept: seeds already there), each
 * followed by {@code ./parley down}. It runs in a folder of its own under bench/target (the repository's
 * launcher, services, stack, seeds and deploy linked in), so the developer platform's .parley/ is never touched;
 * the ports are the README's, so it is skipped when any of them is taken. Baselines: the start of a bare JVM, and
 * a warm start with the launcher's class archives switched off ({@code PARLEY_CLASS_ARCHIVES=off}).
 */
final class StartupBench {

    static final int[] PORTS = {8081, 8082, 8083, 8084, 15432, 19092, 18080, 19999};
    private static final Pattern SERVICE_READY = Pattern.compile("^(\\S+)\\s+ready on :(\\d+) in ([0-9.]+) s");
    private static final Pattern STACK_READY = Pattern.compile("^stack: .* ready in ([0-9.]+) s");
    private static final Pattern UP = Pattern.compile("^Parley is up in ([0-9.]+) s");

    private StartupBench() {}

    static ObjectNode run(Bench bench) throws Exception {
        ObjectNode node = Bench.JSON.createObjectNode();
        List<Integer> taken = new ArrayList<>();
        for (int port : PORTS) {
            if (listening(port)) {
                taken.add(port);
            }
        }
        if (!taken.isEmpty()) {
            node.put("skipped", "ports in use (a developer platform is running?): " + taken);
            Bench.log("startup: skipped, ports in use: " + taken);
            return node;
        }
        node.put("bareJvmStartMs", Bench.round(bareJvmMillis(), 1));
        Path home = bench.target.resolve("startup/root");
        Path keys = bench.target.resolve(".parley"); // interviews' dev keys resolve to <cwd>/../../.parley
        deleteTree(home);
        deleteTree(keys);
        Files.createDirectories(home);
        for (String linked : List.of("launcher", "services", "stack", "seeds", "deploy")) {
            Files.createSymbolicLink(home.resolve(linked), bench.root.resolve(linked));
        }
        Files.copy(bench.root.resolve("parley"), home.resolve("parley"));
        home.resolve("parley").toFile().setExecutable(true);
        try {
            node.set("cold", once(bench, home, "cold", Map.of()));
            // The same warm start without the class archives the cold run's down wrote (the launcher's switch
            // leaves them in place), then with them: the archives' share of the warm figure, in the same run.
            ObjectNode withoutArchives =
                    once(bench, home, "warmWithoutClassArchives", Map.of("PARLEY_CLASS_ARCHIVES", "off"));
            node.set("warmWithoutClassArchives", withoutArchives);
            ObjectNode warm = once(bench, home, "warm", Map.of());
            node.set("warm", warm);
            double ratio = warm.path("wallSeconds").asDouble()
                    / withoutArchives.path("wallSeconds").asDouble();
            node.put("warmWithVsWithoutClassArchives", Bench.round(ratio, 3));
            Bench.log(Bench.f("startup warm with class archives / without: %.3f", ratio));
        } finally {
            command(home, List.of("bash", "parley", "down"), bench.logs.resolve("startup-down.log"), 300);
        }
        return node;
    }

    private static ObjectNode once(Bench bench, Path home, String name, Map<String, String> environment)
            throws Exception {
        Path log = bench.logs.resolve("startup-" + name + ".log");
        long start = System.nanoTime();
        int exit = command(home, List.of("bash", "parley", "start"), log, 900, environment);
        double wall = (System.nanoTime() - start) / 1e9;
        ObjectNode node = Bench.JSON.createObjectNode();
        node.put("exitCode", exit);
        node.put("wallSeconds", Bench.round(wall, 1));
        ObjectNode services = node.putObject("services");
        for (String line : Files.readAllLines(log)) {
            Matcher service = SERVICE_READY.matcher(line);
            Matcher stack = STACK_READY.matcher(line);
            Matcher up = UP.matcher(line);
            if (service.find()) {
                services.putObject(service.group(1)).put("readySeconds", Double.parseDouble(service.group(3)));
            } else if (stack.find()) {
                node.put("stackReadySeconds", Double.parseDouble(stack.group(1)));
            } else if (up.find()) {
                node.put("upSeconds", Double.parseDouble(up.group(1)));
            }
        }
        Path platformFile = home.resolve(".parley/platform.json");
        if (Files.exists(platformFile)) {
            // The supervisor's file: one entry per part it runs (the stack, each service, the console).
            long stackPid = 0;
            for (JsonNode part : Bench.JSON.readTree(platformFile.toFile()).path("parts")) {
                String partName = part.path("name").asText();
                if (partName.equals("stack")) {
                    stackPid = part.path("pid").asLong();
                    continue;
                }
                Map<String, Double> memory = Proc.memory(part.path("pid").asLong());
                ObjectNode entry =
                        services.has(partName) ? (ObjectNode) services.get(partName) : services.putObject(partName);
                entry.put("rssMiB", Bench.round(memory.getOrDefault("VmRSS", Double.NaN), 1));
                entry.put("peakRssMiB", Bench.round(memory.getOrDefault("VmHWM", Double.NaN), 1));
                entry.put(
                        "readyVsBareJvm",
                        Bench.round(entry.path("readySeconds").asDouble() * 1000 / Math.max(1, bareJvmMillis), 1));
            }
            node.put("stackTreeRssMiB", Bench.round(Proc.treeRssMiB(stackPid), 1));
        }
        Bench.log(Bench.f("startup %s: ./parley start %.1f s (exit %d); %s", name, wall, exit, services));
        int down = command(
                home, List.of("bash", "parley", "down"), bench.logs.resolve("startup-down-" + name + ".log"), 300);
        node.put("downExitCode", down);
        return node;
    }

    private static double bareJvmMillis = 0;

    /** Median of five starts of a JVM that prints one line (same java, same machine, same moment). */
    private static double bareJvmMillis() throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Hello.class.getName())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.waitFor(60, TimeUnit.SECONDS);
            times.add((System.nanoTime() - start) / 1e6);
        }
        times.sort(Comparator.naturalOrder());
        bareJvmMillis = times.get(2);
        return bareJvmMillis;
    }

    private static int command(Path directory, List<String> command, Path log, int timeoutSeconds)
            throws IOException, InterruptedException {
        return command(directory, command, log, timeoutSeconds, Map.of());
    }

    private static int command(
            Path directory, List<String> command, Path log, int timeoutSeconds, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroy();
            return -1;
        }
        return process.exitValue();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) { // does not follow the symbolic links
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The baseline's program: a JVM that starts and exits at once. */
    public static final class Hello {
        public static void main(String[] args) {}
    }
}
