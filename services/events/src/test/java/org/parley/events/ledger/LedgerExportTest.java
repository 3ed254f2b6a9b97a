package org.parley.events.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.events.support.EventsStackTest;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.ExportMade;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor exports a range of the ledger and verifies the file offline, with the service's public key and no
 * database; then the file is tampered with the way someone holding it could (an edited field, a line removed, two
 * lines swapped, a forged signature, a cut tail), and the verifier names the entry each time.
 */
@QuarkusTest
class LedgerExportTest extends EventsStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LedgerSigner signer;

    @TempDir
    Path directory;

    private List<Envelope> ifits;
    private Envelope oass;
    private String from;
    private List<String> lines;
    private String publicKey;

    @BeforeEach
    void anExport() {
        // One entry before the range, so the export starts mid-chain.
        Envelope before = append(Topics.AUDIT, exportMade("exporter", HOST, 0));
        awaitLedger(List.of(before.getEventId()), Duration.ofSeconds(60));
        from = Instant.now().toString();
        ifits = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ifits.add(append(Topics.AUDIT, exportMade("exporter", HOST, i)));
        }
        oass = append(Topics.AUDIT, exportMade("lucia-subject", "oas", 1));
        List<String> all = new ArrayList<>(ids(ifits));
        all.add(oass.getEventId());
        awaitLedger(all, Duration.ofSeconds(60));

        publicKey = as("irene")
                .get("/ledger/public-key")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("publicKey");
        String body = as("irene")
                .queryParam("from", from)
                .get("/ledger/export")
                .then()
                .statusCode(200)
                .contentType("application/x-ndjson")
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment"))
                .extract()
                .asString();
        lines = new ArrayList<>(List.of(body.split("\n")));
    }

    @Test
    void aGoodExportVerifiesOfflineAndShowsOnlyTheAuditorsEntries() throws IOException {
        assertThat(publicKey).isEqualTo(signer.keys().publicKeyBase64());
        JsonNode header = json(lines.get(0));
        assertThat(header.get("kind").asText()).isEqualTo("header");
        long first = header.get("firstSequence").asLong();
        assertThat(first).as("the export starts mid-chain").isGreaterThan(1);
        JsonNode firstLine = json(lines.get(1));
        assertThat(firstLine.get("sequence").asLong()).isEqualTo(first);
        assertThat(firstLine.get("prevHash").asText()).isNotEqualTo(LedgerHashing.GENESIS);
        assertThat(json(lines.get(lines.size() - 1)).get("kind").asText()).isEqualTo("end");
        assertThat(json(lines.get(lines.size() - 2)).get("kind").asText())
                .as("a signed checkpoint covers the last entry")
                .isEqualTo("checkpoint");

        for (Envelope ifit : ifits) {
            JsonNode line = lineOf(ifit.getEventId());
            assertThat(line.get("kind").asText()).isEqualTo("entry");
            assertThat(line.get("actorOrganisation").asText()).isEqualTo(HOST);
        }
        String whole = String.join("\n", lines);
        assertThat(whole).as("oas's entry is sealed: no id, no actor").doesNotContain(oass.getEventId());
        assertThat(whole).doesNotContain("lucia-subject");
        assertThat(lines)
                .anySatisfy(line -> assertThat(json(line).get("kind").asText()).isEqualTo("sealed"));

        Run run = verify(lines, "--public-key", publicKey);
        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("VALID").doesNotContain("INVALID");
        // Without a key the file's own is used, and the verifier says so.
        Run unkeyed = verify(lines);
        assertThat(unkeyed.exit).isZero();
        assertThat(unkeyed.output).contains("key: the one the file names");
    }

    @Test
    void anAlteredFieldIsNamedAtItsEntry() throws IOException {
        int index = indexOf(ifits.get(2).getEventId());
        ObjectNode line = (ObjectNode) json(lines.get(index));
        long sequence = line.get("sequence").asLong();
        line.put("actorOrganisation", "oas");
        lines.set(index, JSON.writeValueAsString(line));

        Run run = verify(lines, "--public-key", publicKey);
        assertThat(run.exit).isEqualTo(1);
        assertThat(firstProblem(run)).startsWith("BROKEN at sequence " + sequence + ": the entry was altered");
    }

    @Test
    void aMissingEntryIsNamed() throws IOException {
        int index = indexOf(ifits.get(3).getEventId());
        long sequence = json(lines.get(index)).get("sequence").asLong();
        lines.remove(index);

        Run run = verify(lines, "--public-key", publicKey);
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.output).contains("BROKEN at sequence " + sequence + ": entry " + sequence + " is missing");
    }

    @Test
    void twoSwappedEntriesAreOutOfOrder() throws IOException {
        int index = indexOf(ifits.get(1).getEventId());
        int next = index + 1;
        while (!json(lines.get(next)).get("kind").asText().matches("entry|sealed")) {
            next++; // past a checkpoint line
        }
        long sequence = json(lines.get(index)).get("sequence").asLong();
        String line = lines.get(index);
        lines.set(index, lines.get(next));
        lines.set(next, line);

        Run run = verify(lines, "--public-key", publicKey);
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.output).contains("BROKEN at sequence " + sequence + ": entry " + sequence + " is out of order");
    }

    @Test
    void anAlteredCheckpointSignatureIsNamed() throws IOException {
        // Checked with someone else's key, the signatures do not hold.
        String otherKey = CheckpointKeys.signingWith(CheckpointKeys.generatePrivateKey(), List.of())
                .publicKeyBase64();
        assertThat(verify(lines, "--public-key", otherKey).exit).isEqualTo(1);

        int index = lines.size() - 2;
        ObjectNode checkpoint = (ObjectNode) json(lines.get(index));
        byte[] signature =
                Base64.getDecoder().decode(checkpoint.get("signature").asText());
        signature[5] ^= 1;
        checkpoint.put("signature", Base64.getEncoder().encodeToString(signature));
        lines.set(index, JSON.writeValueAsString(checkpoint));

        Run run = verify(lines, "--public-key", publicKey);
        assertThat(run.exit).isEqualTo(1);
        assertThat(firstProblem(run))
                .isEqualTo("BROKEN at sequence " + checkpoint.get("sequence").asLong()
                        + ": checkpoint: signature invalid or key unknown");
    }

    @Test
    void aCutTailIsFoundEvenWhenTheHeaderAndEndAreRewritten() throws IOException {
        // The last entry, its checkpoint and the end line gone (and a checkpoint that came just before it).
        int lastEntry = lines.size() - 3;
        long last = json(lines.get(lastEntry)).get("sequence").asLong();
        List<String> cut = new ArrayList<>(lines.subList(0, lastEntry));
        while (json(cut.get(cut.size() - 1)).get("kind").asText().equals("checkpoint")) {
            cut.remove(cut.size() - 1);
        }
        Run run = verify(cut, "--public-key", publicKey);
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.output)
                .contains("BROKEN at sequence " + last + ": the file stops after sequence " + (last - 1)
                        + " without its end line");

        // The header and end line made to agree with the cut file: no checkpoint covers its tail any more.
        ObjectNode header = (ObjectNode) json(cut.get(0));
        header.put("lastSequence", last - 1);
        cut.set(0, JSON.writeValueAsString(header));
        long chainLines = cut.stream()
                .filter(line -> json(line).get("kind").asText().matches("entry|sealed"))
                .count();
        long checkpoints = cut.stream()
                .filter(line -> json(line).get("kind").asText().equals("checkpoint"))
                .count();
        cut.add(JSON.writeValueAsString(
                Map.of("kind", "end", "lastSequence", last - 1, "chainLines", chainLines, "checkpoints", checkpoints)));
        Run rewritten = verify(cut, "--public-key", publicKey);
        assertThat(rewritten.exit).isEqualTo(1);
        assertThat(rewritten.output).contains("to " + (last - 1) + " are covered by no valid checkpoint");
    }

    @Test
    void badRangesAndNonAuditorsAreRefused() {
        as("irene")
                .queryParam("from", "2026-02-30")
                .queryParam("to", "yesterday")
                .get("/ledger/export")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("from", "to"));
        as("irene")
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-01")
                .get("/ledger/export")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("to"));
        as("sofia").get("/ledger/export").then().statusCode(403);
        as("sofia").get("/ledger/public-key").then().statusCode(403);
        RestAssured.given().get("/ledger/export").then().statusCode(401);
        RestAssured.given().get("/ledger/public-key").then().statusCode(401);
    }

    @Test
    void theCommandRefusesWhatIsNotAnExport() throws IOException {
        assertThat(verify(List.of("{\"kind\":\"entry\"}"), "--public-key", publicKey).exit)
                .isEqualTo(2);
        assertThat(run(new String[] {directory.resolve("absent.jsonl").toString()}).exit)
                .isEqualTo(2);
        assertThat(run(new String[] {"a.jsonl", "b.jsonl"}).exit).isEqualTo(2);
    }

    private static Envelope.Builder exportMade(String subject, String organisation, int count) {
        return Envelopes.about(null, subject, organisation, Instant.now())
                .setExportMade(ExportMade.newBuilder().setResourceKind("case").setRecordCount(count));
    }

    private int indexOf(String eventId) {
        for (int i = 0; i < lines.size(); i++) {
            if (eventId.equals(json(lines.get(i)).path("eventId").asText())) {
                return i;
            }
        }
        throw new AssertionError("no line for " + eventId);
    }

    private JsonNode lineOf(String eventId) {
        return json(lines.get(indexOf(eventId)));
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private record Run(int exit, String output) {}

    private Run verify(List<String> fileLines, String... options) throws IOException {
        Path file = Files.createTempFile(directory, "export", ".jsonl");
        Files.writeString(file, String.join("\n", fileLines) + "\n", StandardCharsets.UTF_8);
        String[] args = new String[options.length + 1];
        args[0] = file.toString();
        System.arraycopy(options, 0, args, 1, options.length);
        return run(args);
    }

    private static Run run(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyLedgerCommand.run(
                args,
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    private static String firstProblem(Run run) {
        return run.output
                .lines()
                .filter(line -> line.startsWith("BROKEN"))
                .findFirst()
                .orElse("");
    }
}
