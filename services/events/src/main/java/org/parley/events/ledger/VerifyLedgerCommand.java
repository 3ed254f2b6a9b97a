package org.parley.events.ledger;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.parley.events.api.VerificationReport;

/**
 * Verifies an export of the ledger offline ({@code ./parley verify-ledger FILE [--public-key BASE64_X509]...}, see
 * {@link ExportVerifier}), or the whole ledger from the shell, straight against PostgreSQL (no running service
 * needed):
 *
 * <pre>
 * java -cp 'services/events/target/quarkus-app/app/*:services/events/target/quarkus-app/lib/main/*' \
 *   org.parley.events.ledger.VerifyLedgerCommand --url jdbc:postgresql://127.0.0.1:15432/events \
 *   --user postgres --public-key BASE64_X509   # or --signing-key-file .parley/events/ledger-signing.key (dev)
 *   [--anchor SEQUENCE:HASH:KEY_ID:SIGNATURE]   # the anchor an auditor kept from an earlier report
 * </pre>
 *
 * The password comes from {@code PARLEY_EVENTS_DB_PASSWORD} (or {@code PGPASSWORD}), never from the
 * command line. Exit code 0: the chain and every checkpoint are valid; 1: something is broken (the first
 * broken link is printed); 2: bad usage, no database, or a file that is not an export.
 */
public final class VerifyLedgerCommand {

    private VerifyLedgerCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, java.util.Map<String, String> env, PrintStream out, PrintStream err) {
        String url = null;
        String user = "postgres";
        List<String> publicKeys = new ArrayList<>();
        Path signingKeyFile = null;
        LedgerAnchor anchor = null;
        Path file = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--url" -> url = args[++i];
                    case "--user" -> user = args[++i];
                    case "--public-key" -> publicKeys.add(args[++i]);
                    case "--signing-key-file" -> signingKeyFile = Path.of(args[++i]);
                    case "--anchor" -> anchor = LedgerAnchor.parse(args[++i], "command line");
                    default -> {
                        if (args[i].startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        file = Path.of(args[i]);
                    }
                }
            }
            if (file != null && (url != null || signingKeyFile != null || anchor != null)) {
                throw new IllegalArgumentException("a FILE is verified with --public-key only");
            }
            if (file == null && (url == null || (publicKeys.isEmpty() && signingKeyFile == null))) {
                throw new IllegalArgumentException("--url and --public-key (or --signing-key-file) are required");
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            err.println("verify-ledger: " + (e.getMessage() == null ? "missing value" : e.getMessage()));
            err.println("usage: verify-ledger FILE [--public-key BASE64_X509]...");
            err.println("       verify-ledger --url JDBC_URL [--user USER] (--public-key BASE64_X509)..."
                    + " | --signing-key-file FILE [--anchor SEQUENCE:HASH:KEY_ID:SIGNATURE]");
            return 2;
        }
        if (file != null) {
            return verifyExport(file, publicKeys, out, err);
        }
        CheckpointKeys keys;
        try {
            keys = signingKeyFile != null
                    ? CheckpointKeys.signingWith(
                            Files.readString(signingKeyFile, StandardCharsets.US_ASCII)
                                    .trim(),
                            publicKeys)
                    : CheckpointKeys.verifyingWith(publicKeys);
        } catch (IOException | IllegalArgumentException e) {
            err.println("verify-ledger: " + e.getMessage());
            return 2;
        }
        Properties properties = new Properties();
        properties.setProperty("user", user);
        String password = env.getOrDefault("PARLEY_EVENTS_DB_PASSWORD", env.get("PGPASSWORD"));
        if (password != null) {
            properties.setProperty("password", password);
        }
        VerificationReport report;
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            report = new ChainVerifier(keys)
                    .verify(connection, anchor == null ? null : ChainVerifier.AnchorLookup.of(anchor));
        } catch (SQLException e) {
            err.println("verify-ledger: cannot read the ledger: " + e.getSQLState() + " "
                    + e.getClass().getSimpleName());
            return 2;
        }
        print(report, out);
        return report.valid() ? 0 : 1;
    }

    private static int verifyExport(Path file, List<String> publicKeys, PrintStream out, PrintStream err) {
        ExportVerifier.Report report;
        try {
            report = new ExportVerifier(publicKeys).verify(file);
        } catch (IOException e) {
            err.println(
                    "verify-ledger: cannot read " + file + ": " + e.getClass().getSimpleName());
            return 2;
        } catch (ExportVerifier.NotAnExport | IllegalArgumentException e) {
            err.println("verify-ledger: " + file + ": " + e.getMessage());
            return 2;
        }
        print(report, out);
        return report.valid() ? 0 : 1;
    }

    static void print(ExportVerifier.Report report, PrintStream out) {
        out.printf(
                "export: sequences %s to %s, %d chain lines (%d sealed), %d checkpoints%n",
                report.firstSequence(),
                report.lastSequence(),
                report.chainLines(),
                report.sealedLines(),
                report.checkpoints());
        if (report.keyFromFile()) {
            out.println("key: the one the file names (pass --public-key, from GET /ledger/public-key or the"
                    + " service's log, to check the signatures are the service's)");
        }
        report.problems()
                .forEach(problem ->
                        out.printf("BROKEN at sequence %d: %s%n", problem.sequence(), problem.description()));
        out.println(report.valid() ? "VALID" : "INVALID");
    }

    static void print(VerificationReport report, PrintStream out) {
        out.printf("entries checked: %d%n", report.entriesChecked());
        if (report.firstBrokenLink() == null) {
            out.println("chain: unbroken");
        } else {
            VerificationReport.BrokenLink link = report.firstBrokenLink();
            out.printf(
                    "chain: BROKEN at sequence %d (%s)%n  expected: %s%n  found:    %s%n",
                    link.sequence(), link.problem(), link.expected(), link.found());
        }
        out.printf(
                "head: %s (head %d, last entry %d)%n",
                report.head().consistent() ? "consistent" : "INCONSISTENT",
                report.head().headSequence(),
                report.head().lastEntrySequence());
        out.printf(
                "checkpoints: %d checked, %d invalid%n",
                report.checkpointsChecked(), report.invalidCheckpoints().size());
        report.invalidCheckpoints()
                .forEach(problem -> out.printf("  checkpoint %d: %s%n", problem.sequence(), problem.problem()));
        if (report.anchor() != null) {
            VerificationReport.AnchorCheck anchor = report.anchor();
            out.printf(
                    "anchor (%s): %s%s%n",
                    anchor.source(),
                    anchor.status(),
                    anchor.sequence() == null ? "" : " at sequence " + anchor.sequence());
        }
        out.println(report.valid() ? "VALID" : "INVALID");
    }
}
