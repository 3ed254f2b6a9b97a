package org.parley.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Command-line options of {@link LocalStack}; defaults are the developer stack's ports. */
record StackOptions(
        String command,
        Path stateDir,
        int postgresPort,
        int kafkaPort,
        int keycloakPort,
        int controlPort,
        Path realmFile,
        OptionalLong watchPid,
        Optional<Path> keycloakDistribution,
        boolean durable) {

    static final String USAGE = String.join(
            "\n",
            "usage: LocalStack start --state DIR [--pg-port 15432] [--kafka-port 19092] [--keycloak-port 18080]",
            "                        [--control-port 19999] [--realm deploy/keycloak/parley-realm-demo.json]",
            "                        [--watch-pid PID] [--keycloak-dist stack/target/keycloak] [--durable true|false]",
            "  --durable false: PostgreSQL without fsync, synchronous commit and full-page writes, and Kafka without a",
            "                   sync per record (a crash of the machine or of PostgreSQL loses acknowledged writes);",
            "                   for disposable test data only",
            "       LocalStack stop --state DIR");

    static StackOptions parse(String[] args) {
        if (args.length == 0 || !(args[0].equals("start") || args[0].equals("stop"))) {
            throw new IllegalArgumentException(USAGE);
        }
        Path stateDir = null;
        int postgresPort = 15432;
        int kafkaPort = 19092;
        int keycloakPort = 18080;
        int controlPort = 19999;
        Path realmFile = Path.of("deploy/keycloak/parley-realm-demo.json");
        OptionalLong watchPid = OptionalLong.empty();
        Optional<Path> keycloakDistribution = Optional.empty();
        // Durable unless told otherwise: ./parley up keeps real work, and an acknowledged write must survive a crash.
        boolean durable = true;
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i] + "\n" + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--state" -> stateDir = Path.of(value);
                case "--pg-port" -> postgresPort = port(value);
                case "--kafka-port" -> kafkaPort = port(value);
                case "--keycloak-port" -> keycloakPort = port(value);
                case "--control-port" -> controlPort = port(value);
                case "--realm" -> realmFile = Path.of(value);
                case "--watch-pid" -> watchPid = OptionalLong.of(Long.parseLong(value));
                case "--keycloak-dist" ->
                    keycloakDistribution =
                            Optional.of(Path.of(value).toAbsolutePath().normalize());
                case "--durable" -> durable = bool(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (stateDir == null) {
            throw new IllegalArgumentException("--state DIR is required\n" + USAGE);
        }
        return new StackOptions(
                args[0],
                stateDir.toAbsolutePath().normalize(),
                postgresPort,
                kafkaPort,
                keycloakPort,
                controlPort,
                realmFile.toAbsolutePath().normalize(),
                watchPid,
                keycloakDistribution,
                durable);
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not true or false: " + value);
        };
    }

    private static int port(String value) {
        int port = Integer.parseInt(value);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a TCP port: " + value);
        }
        return port;
    }

    Path logsDir() {
        return stateDir.resolve("logs");
    }

    Path descriptorFile() {
        return stateDir.resolve("stack.json");
    }

    /** The local PostgreSQL superuser's password, generated at first start; owner-only (0600). */
    Path postgresPasswordFile() {
        return stateDir.resolve("postgres-password");
    }

    /**
     * The PostgreSQL settings that make an acknowledged commit survive a crash: on for a durable stack, off for
     * disposable test data (faster on a busy machine).
     */
    Map<String, String> postgresDurabilitySettings() {
        String value = durable ? "on" : "off";
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", value);
        settings.put("synchronous_commit", value);
        settings.put("full_page_writes", value);
        return settings;
    }

    /**
     * The broker settings that make an acknowledged record survive a crash of the machine: a single broker has no
     * replica to recover from, so a durable stack syncs each partition's log before it acknowledges an append
     * (Kafka's default leaves that to the OS, and the outboxes would have marked a lost record as published).
     */
    Map<String, String> kafkaDurabilitySettings() {
        return durable ? Map.of("log.flush.interval.messages", "1") : Map.of();
    }

    Path pidFile() {
        return stateDir.resolve("stack.pid");
    }
}
