package org.parley.events.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.parley.events.api.VerificationReport;

/**
 * Verifies a ledger export ({@link ExportFormat}) offline, with no database: the links and hashes of its chain
 * lines ({@link ChainLinks}, as the database verifier), each checkpoint's signature and the hash it signs, and that
 * a valid checkpoint covers the last line, so that every line is anchored to a signature. The file is read twice:
 * once for the sequences it holds (to tell an entry that is missing from one that comes later), once to verify.
 */
final class ExportVerifier {

    private static final int MAX_PROBLEMS = 20;

    /** A problem and the sequence it is found at. */
    record Problem(long sequence, String description) {}

    /**
     * What the verification found.
     *
     * @param keyFromFile the checkpoints were verified with the public key the file itself names (no key given)
     */
    record Report(
            long chainLines,
            long sealedLines,
            long checkpoints,
            Long firstSequence,
            Long lastSequence,
            boolean keyFromFile,
            List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    /** The file is not a Parley ledger export at all (a usage error, not a broken chain). */
    static final class NotAnExport extends Exception {
        private static final long serialVersionUID = 1L;

        NotAnExport(String message) {
            super(message);
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> publicKeys;

    /** Verifies with these public keys (base64 X.509); none: with the key the file names. */
    ExportVerifier(List<String> publicKeys) {
        this.publicKeys = List.copyOf(publicKeys);
    }

    Report verify(Path file) throws IOException, NotAnExport {
        JsonNode header = header(file);
        Long firstSequence = ExportFormat.optionalNumber(header, "firstSequence");
        Long lastSequence = ExportFormat.optionalNumber(header, "lastSequence");
        boolean keyFromFile = publicKeys.isEmpty();
        CheckpointKeys keys;
        try {
            keys = CheckpointKeys.verifyingWith(
                    keyFromFile ? List.of(ExportFormat.text(header, "publicKey", false)) : publicKeys);
        } catch (IllegalArgumentException e) {
            throw new NotAnExport(e.getMessage());
        }
        Set<Long> present = chainSequences(file);

        List<Problem> problems = new ArrayList<>();
        ChainLinks links = null;
        long sealed = 0;
        long checkpoints = 0;
        long coveredTo = firstSequence == null ? 0 : firstSequence - 1;
        JsonNode end = null;
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine(); // the header, read above
            lineNumber++;
            String text;
            while ((text = reader.readLine()) != null) {
                lineNumber++;
                long at = links == null ? (firstSequence == null ? 0 : firstSequence) : links.lastSequence() + 1;
                if (end != null) {
                    problems.add(new Problem(at, "line " + lineNumber + " comes after the end line"));
                    break;
                }
                try {
                    JsonNode line = json.readTree(text);
                    switch (ExportFormat.kind(line)) {
                        case ExportFormat.ENTRY, ExportFormat.SEALED -> {
                            long sequence = ExportFormat.number(line, "sequence");
                            String prevHash = ExportFormat.text(line, "prevHash", false);
                            if (links == null) {
                                links = ChainLinks.startingAt(
                                        firstSequence == null ? sequence : firstSequence, prevHash);
                            }
                            boolean brokenBefore = links.firstBroken() != null;
                            if (ExportFormat.ENTRY.equals(ExportFormat.kind(line))) {
                                links.add(ExportFormat.entryOf(line));
                            } else {
                                sealed++;
                                links.addSealed(sequence, prevHash, ExportFormat.text(line, "hash", false));
                            }
                            if (!brokenBefore && links.firstBroken() != null) {
                                problems.add(describe(links.firstBroken(), present));
                            }
                        }
                        case ExportFormat.CHECKPOINT -> {
                            checkpoints++;
                            long sequence = ExportFormat.number(line, "sequence");
                            boolean follows = links != null && links.lastSequence() == sequence;
                            String problem = ChainLinks.checkpointProblem(
                                    keys,
                                    sequence,
                                    ExportFormat.text(line, "hash", false),
                                    ExportFormat.text(line, "keyId", false),
                                    ExportFormat.text(line, "signature", false),
                                    follows ? links.lastHash() : null);
                            if (problem != null) {
                                problems.add(new Problem(sequence, "checkpoint: " + problem));
                            } else {
                                coveredTo = sequence;
                            }
                        }
                        case ExportFormat.END -> end = line;
                        default -> problems.add(new Problem(at, "line " + lineNumber + " is of no known kind"));
                    }
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    problems.add(new Problem(at, "line " + lineNumber + " is unreadable: " + reason(e)));
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    break;
                }
            }
        }

        long chainLines = links == null ? 0 : links.checked();
        long lastInFile = links == null ? coveredTo : links.lastSequence();
        if (end == null) {
            problems.add(new Problem(
                    lastInFile + 1,
                    "the file stops after sequence " + lastInFile + " without its end line: it was cut short"));
        } else if (!same(ExportFormat.optionalNumber(end, "lastSequence"), lastSequence)
                || ExportFormat.number(end, "chainLines") != chainLines
                || ExportFormat.number(end, "checkpoints") != checkpoints) {
            problems.add(new Problem(lastInFile + 1, "the end line does not count the lines the file holds"));
        }
        if (lastSequence != null && lastInFile < lastSequence) {
            problems.add(new Problem(
                    lastInFile + 1,
                    "entries " + (lastInFile + 1) + " to " + lastSequence
                            + " are missing: the header says the export ends at " + lastSequence));
        }
        // Only when all else holds: after a broken link or a bad checkpoint, the tail's cover adds nothing.
        if (links != null && problems.isEmpty() && lastInFile > coveredTo) {
            problems.add(new Problem(
                    coveredTo + 1,
                    "entries " + (coveredTo + 1) + " to " + lastInFile + " are covered by no valid checkpoint"));
        }
        problems.sort(Comparator.comparingLong(Problem::sequence));
        return new Report(chainLines, sealed, checkpoints, firstSequence, lastSequence, keyFromFile, problems);
    }

    /** The broken link in words; a sequence that is not where it should be but comes later is out of order. */
    private static Problem describe(VerificationReport.BrokenLink link, Set<Long> present) {
        String text = switch (link.problem()) {
            case MISSING_ENTRY ->
                present.contains(link.sequence())
                        ? "entry " + link.sequence() + " is out of order (" + link.found() + " comes first)"
                        : "entry " + link.sequence() + " is missing (" + link.found() + " comes next)";
            case PREV_HASH_MISMATCH ->
                "the previous hash is not the hash of the entry before (expected " + link.expected() + ", found "
                        + link.found() + ")";
            case HASH_MISMATCH ->
                "the entry was altered: its fields hash to " + link.expected() + ", the file says " + link.found();
        };
        return new Problem(link.sequence(), text);
    }

    private JsonNode header(Path file) throws IOException, NotAnExport {
        String first;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = reader.readLine();
        }
        try {
            JsonNode header = first == null ? null : json.readTree(first);
            if (header == null
                    || !ExportFormat.HEADER.equals(ExportFormat.kind(header))
                    || !header.path("format").asText().equals(ExportFormat.FORMAT)) {
                throw new NotAnExport("the file does not start with a " + ExportFormat.FORMAT + " header");
            }
            return header;
        } catch (JsonProcessingException e) {
            throw new NotAnExport("the file does not start with a JSON header line");
        }
    }

    /** Every sequence of a chain line, wherever it stands (unreadable lines skipped: the second pass names them). */
    private Set<Long> chainSequences(Path file) throws IOException {
        Set<Long> sequences = new HashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            while ((text = reader.readLine()) != null) {
                try {
                    JsonNode line = json.readTree(text);
                    String kind = ExportFormat.kind(line);
                    if (ExportFormat.ENTRY.equals(kind) || ExportFormat.SEALED.equals(kind)) {
                        sequences.add(ExportFormat.number(line, "sequence"));
                    }
                } catch (JsonProcessingException | IllegalArgumentException unreadable) {
                    // named by the second pass
                }
            }
        }
        return sequences;
    }

    private static boolean same(Long a, Long b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String reason(Exception e) {
        return e instanceof JsonProcessingException ? "not JSON" : e.getMessage();
    }
}
