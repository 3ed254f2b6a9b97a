package org.parley.interviews.crypto;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

/**
 * The key-rotation command, without starting the service:
 *
 * <pre>
 * java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' \
 *     org.parley.interviews.crypto.RotateKeys rotate|add-version|retire-old
 * </pre>
 *
 * Database from PARLEY_INTERVIEWS_DB_URL / _DB_USER / _DB_PASSWORD; KEKs from PARLEY_INTERVIEWS_CONTENT_KEK
 * and PARLEY_INTERVIEWS_IDENTITY_KEK, or from the DEV-ONLY keyset files in PARLEY_INTERVIEWS_DEV_KEYS.
 * {@code add-version} and {@code retire-old} change the DEV-ONLY files only; in production new versions are
 * made with Tink's tinkey and passed in the environment (see the README).
 */
public final class RotateKeys {

    private RotateKeys() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.getenv()));
    }

    public static int run(String[] args, Map<String, String> env) throws Exception {
        if (args.length != 1 || !List.of("rotate", "add-version", "retire-old").contains(args[0])) {
            System.err.println("usage: RotateKeys rotate|add-version|retire-old");
            return 64;
        }
        Kek content = kek("content", env);
        Kek identity = kek("identity", env);
        if (content.sharesKeyWith(identity)) {
            System.err.println("the content and identity KEKs share a key; refusing");
            return 1;
        }
        KeyRotation rotation = new KeyRotation(
                () -> DriverManager.getConnection(
                        require(env, "PARLEY_INTERVIEWS_DB_URL"),
                        env.getOrDefault("PARLEY_INTERVIEWS_DB_USER", "postgres"),
                        env.getOrDefault("PARLEY_INTERVIEWS_DB_PASSWORD", "")),
                new EnvelopeCipher(Purpose.CONTENT.label(), content),
                new EnvelopeCipher(Purpose.IDENTITY.label(), identity),
                500);
        switch (args[0]) {
            case "add-version" -> {
                requireFiles(env);
                content.addVersion();
                identity.addVersion();
                System.out.println(
                        "added a new primary version to both DEV-ONLY KEKs; restart the service, then rotate");
                return 0;
            }
            case "retire-old" -> {
                requireFiles(env);
                for (Purpose purpose : Purpose.values()) {
                    long remaining = rotation.remainingOnOldVersions(purpose);
                    if (remaining > 0) {
                        System.err.println(remaining + " " + purpose.label() + " records still need an old version");
                        return 1;
                    }
                }
                System.out.println("retired " + (content.retireOldVersions() + identity.retireOldVersions())
                        + " old versions; restart the service");
                return 0;
            }
            default -> {
                boolean complete = true;
                for (KeyRotation.Report report : rotation.rotateAll(System.out::println)) {
                    System.out.printf(
                            "%s: %d/%d re-wrapped, %d failed%n",
                            report.kek(), report.rotated(), report.total(), report.failed());
                    complete &= report.complete();
                }
                return complete ? 0 : 2;
            }
        }
    }

    private static Kek kek(String name, Map<String, String> env) {
        String fromEnvironment = env.get("PARLEY_INTERVIEWS_" + name.toUpperCase(java.util.Locale.ROOT) + "_KEK");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Kek.fromBase64(name, fromEnvironment);
        }
        Path directory = Path.of(require(env, "PARLEY_INTERVIEWS_DEV_KEYS"));
        Path file = directory.resolve("DEV-ONLY-" + name + "-kek.json");
        if (!file.toFile().exists()) {
            throw new IllegalStateException("no " + name + " KEK at " + file);
        }
        return Kek.loadOrGenerate(name, file);
    }

    private static void requireFiles(Map<String, String> env) {
        if (env.containsKey("PARLEY_INTERVIEWS_CONTENT_KEK") || env.containsKey("PARLEY_INTERVIEWS_IDENTITY_KEK")) {
            throw new IllegalStateException("KEKs from the environment are changed with tinkey, not here");
        }
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
