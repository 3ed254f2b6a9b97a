package org.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** /proc readings: CPU time of a process tree, resident memory, and the machine's load. */
final class Proc {

    private static final double TICKS_PER_SECOND = 100.0; // CLK_TCK on Linux x86-64

    private Proc() {}

    /** User + system CPU of the process and its live descendants, in milliseconds. */
    static double cpuMillis(long pid) {
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        return cpuMillis(pids);
    }

    /**
     * User + system CPU of the process's threads whose name contains {@code part} (as /proc shows it, cut at 15
     * characters: HotSpot's JIT compilers are "C1 CompilerThre" and "C2 CompilerThre"), in milliseconds.
     */
    static double threadsCpuMillis(long pid, String part) {
        double ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).contains(part)) {
                        ticks += ticks(task.resolve("stat"));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException gone) {
            return 0;
        }
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }

    /** User + system CPU of the process alone (its children not counted), in milliseconds. */
    static double ownCpuMillis(long pid) {
        return cpuMillis(List.of(pid));
    }

    private static double cpuMillis(List<Long> pids) {
        double ticks = 0;
        for (long each : pids) {
            try {
                ticks += ticks(Path.of("/proc/" + each + "/stat"));
            } catch (IOException | RuntimeException gone) {
                // the process ended meanwhile
            }
        }
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }

    /** utime + stime of a process's or thread's stat file, in clock ticks (fields 14 and 15, after the name). */
    private static long ticks(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Whole-machine busy CPU (all cores) in milliseconds since boot, from /proc/stat. */
    static double machineBusyMillis() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length; i++) {
                if (i != 4 && i != 5 && i < 9) { // not idle, iowait, nor guest (already in user)
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy * 1000.0 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** VmRSS and VmHWM (peak) in MiB, from /proc/<pid>/status. */
    static Map<String, Double> memory(long pid) {
        Map<String, Double> values = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                    String[] parts = line.split("\\s+");
                    values.put(parts[0].replace(":", ""), Long.parseLong(parts[1]) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return values;
    }

    /** RSS in MiB of a process and all its descendants. */
    static double treeRssMiB(long pid) {
        double total = memory(pid).getOrDefault("VmRSS", 0.0);
        for (ProcessHandle child :
                ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
            total += memory(child.pid()).getOrDefault("VmRSS", 0.0);
        }
        return total;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /** CPU spent by each named process tree between two snapshots, per request. */
    static final class Meter {
        private final Map<String, Long> pids;
        private final Map<String, Double> before = new TreeMap<>();
        private double machineBefore;
        private long started;

        Meter(Map<String, Long> pids) {
            this.pids = pids;
        }

        Meter start() {
            pids.forEach((name, pid) -> before.put(name, cpuMillis(pid)));
            machineBefore = machineBusyMillis();
            started = System.nanoTime();
            return this;
        }

        ObjectNode stop(long requests) {
            double wall = (System.nanoTime() - started) / 1e6;
            ObjectNode node = Bench.JSON.createObjectNode();
            pids.forEach((name, pid) -> {
                double used = cpuMillis(pid) - before.get(name);
                node.put(name + "CpuMsPerRequest", Bench.round(used / Math.max(1, requests), 3));
            });
            double machine = machineBusyMillis() - machineBefore;
            node.put(
                    "machineCpuBusyPercent",
                    Bench.round(100.0 * machine / (wall * Runtime.getRuntime().availableProcessors()), 1));
            return node;
        }
    }

    static List<Long> children(long pid) {
        try (Stream<ProcessHandle> stream =
                ProcessHandle.of(pid).map(ProcessHandle::children).orElse(Stream.empty())) {
            return stream.map(ProcessHandle::pid).toList();
        }
    }
}
