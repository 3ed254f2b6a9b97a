package org.parley.interviews;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parley.interviews.crypto.Purpose;
import org.parley.interviews.crypto.RecordCrypto;
import org.parley.interviews.interview.Attribution;
import org.parley.interviews.interview.Consent;
import org.parley.interviews.interview.IdentityInput;
import org.parley.interviews.interview.InterviewMode;
import org.parley.interviews.interview.InterviewService;
import org.parley.interviews.interview.IntervieweeCategory;
import org.parley.interviews.interview.NewInterview;
import org.parley.interviews.interview.Quote;
import org.parley.interviews.interview.Theme;
import org.parley.policy.Role;
import org.parley.policy.Viewer;

import static org.parley.interviews.Fixtures.projectionIs;

@QuarkusTest
@Tag("benchmark")
class InterviewThroughputBenchmarkTest {

    /** Decisions come from a current projection; the stale case is VisibilityTest's. */
    @BeforeEach
    void projectionIsCurrent() {
        projectionIs(false);
    }

    private static final int WARM_UP = 150;
    private static final int WRITES = 100;
    private static final int READS_PER_WRITE = 3;
    private static final int PAIRS = 12;

    @Inject
    InterviewService interviews;

    @Inject
    RecordCrypto crypto;

    @Test
    void encryptionOnVersusOff() throws Exception {
        String caseId = Fixtures.secretCase("sofia");
        Viewer sofia = Viewer.signedIn(Fixtures.subject("sofia"), "ifit", Set.of(Role.STAFF));
        NewInterview body = body(caseId);

        run(sofia, body, true, WARM_UP);
        run(sofia, body, false, WARM_UP);
        // Pairs of runs, ABBA order (on/off, off/on, ...), each pair compared on its own: the median of the
        // pairs' ratios shrugs off bursts of load from other processes on a shared machine.
        List<Double> writeRatios = new ArrayList<>();
        List<Double> readRatios = new ArrayList<>();
        double[] writes = new double[2];
        double[] reads = new double[2];
        for (int pair = 0; pair < PAIRS; pair++) {
            double[][] result = new double[2][];
            for (int step = 0; step < 2; step++) {
                int mode = (pair + step) % 2;
                result[mode] = run(sofia, body, mode == 0, WRITES);
                writes[mode] += result[mode][0] / PAIRS;
                reads[mode] += result[mode][1] / PAIRS;
            }
            writeRatios.add(result[0][0] / result[1][0]);
            readRatios.add(result[0][1] / result[1][1]);
        }
        crypto.switchForBenchmark(true);
        double sealMicros = cryptoOnlyMicros(body);

        String report = String.format(
                Locale.ROOT,
                "writes/s (mean): encrypted %.0f, plaintext %.0f; encrypted/plaintext, median of %d pairs: %.2f"
                        + " (quartiles %.2f-%.2f)%n"
                        + "reads/s (mean):  encrypted %.0f, plaintext %.0f; encrypted/plaintext, median of %d pairs: %.2f"
                        + " (quartiles %.2f-%.2f)%n"
                        + "crypto alone per interview (2 new data keys, seal 6 fields, unwrap 1, open 2): %.0f us%n"
                        + "(%d writes and %d reads per run; ~%d KB transcript, %d quotes, identity)%n",
                writes[0],
                writes[1],
                PAIRS,
                quantile(writeRatios, 0.5),
                quantile(writeRatios, 0.25),
                quantile(writeRatios, 0.75),
                reads[0],
                reads[1],
                PAIRS,
                quantile(readRatios, 0.5),
                quantile(readRatios, 0.25),
                quantile(readRatios, 0.75),
                sealMicros,
                WRITES,
                WRITES * READS_PER_WRITE,
                body.transcript().length() / 1024,
                body.quotes().size());
        System.out.println(report);
        Files.writeString(Path.of("target/benchmark.txt"), report);
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.round(q * (sorted.size() - 1)));
    }

    /** The encryption work of one write and one read, without the database: what the ratio is made of. */
    private double cryptoOnlyMicros(NewInterview body) {
        org.parley.interviews.crypto.EnvelopeCipher content = crypto.cipher(Purpose.CONTENT);
        org.parley.interviews.crypto.EnvelopeCipher identity = crypto.cipher(Purpose.IDENTITY);
        int count = 2_000;
        long start = 0;
        for (int i = -500; i < count; i++) {
            if (i == 0) {
                start = System.nanoTime();
            }
            java.util.UUID id = java.util.UUID.randomUUID();
            org.parley.interviews.crypto.EnvelopeCipher.DataKey key = content.newDataKey(id);
            byte[] transcript = key.seal("transcript", body.transcript());
            key.seal("notes", body.notes());
            key.seal("descriptor", body.descriptor());
            byte[] quotes = key.seal("quotes", body.quotes().toString());
            org.parley.interviews.crypto.EnvelopeCipher.DataKey vault = identity.newDataKey(id);
            vault.seal("identity.name", "n");
            vault.seal("identity.contact", "c");
            org.parley.interviews.crypto.EnvelopeCipher.DataKey opened =
                    content.openDataKey(id, key.wrapped(), key.kekKeyId());
            opened.open("transcript", transcript);
            opened.open("quotes", quotes);
        }
        return (System.nanoTime() - start) / 1e3 / count;
    }

    /** Returns {writes per second, reads per second}. */
    private double[] run(Viewer viewer, NewInterview body, boolean encrypted, int count) {
        crypto.switchForBenchmark(encrypted);
        List<String> ids = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            ids.add(interviews.record(viewer, body).id().toString());
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        for (int pass = 0; pass < READS_PER_WRITE; pass++) {
            for (String id : ids) {
                interviews.read(viewer, id);
            }
        }
        double readSeconds = (System.nanoTime() - start) / 1e9;
        return new double[] {count / writeSeconds, count * READS_PER_WRITE / readSeconds};
    }

    private static NewInterview body(String caseId) {
        StringBuilder transcript = new StringBuilder();
        while (transcript.length() < 20_000) {
            transcript.append("P: ¿Qué pidieron a cambio? R: Traslados, visitas, colchones; nunca dinero. ");
        }
        List<Quote> quotes = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            quotes.add(new Quote(n, "Quote number " + n + ": a truce is a pause, not a peace."));
        }
        return new NewInterview(
                "Official B",
                "ex-Colombian government official",
                IntervieweeCategory.GOVERNMENT_OFFICIAL,
                "2019-11",
                "CO",
                null,
                InterviewMode.REMOTE,
                "es",
                List.of(caseId),
                new Consent(true, Attribution.DESCRIPTOR, true),
                List.of(Theme.REDLINES, Theme.RISKS),
                "Notes of the benchmark interview.",
                transcript.toString(),
                quotes,
                new IdentityInput("Benchmark Person", "bench@example.invalid"));
    }
}
