package org.parley.events.ledger;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The lines of a ledger export (JSON Lines), written by {@link LedgerExport} and read by {@link ExportVerifier}:
 * one place for both sides, so a field is named and formatted once. Every line has a {@code kind}:
 *
 * <ul>
 *   <li>{@code header} (first): format, the range asked, first and last sequence of the chain in the file, the
 *       signing key's id and public key (informative: verify with a key obtained elsewhere);
 *   <li>{@code entry}: every field {@link LedgerHashing#hashOf} hashes, as hashed (instants ISO-8601 UTC,
 *       microseconds; nulls written), and the entry's hash;
 *   <li>{@code sealed}: sequence, prevHash and hash only, for an entry outside the reader's scope or after the
 *       range, so the links from the first entry to the covering checkpoint can still be followed;
 *   <li>{@code checkpoint}: right after the entry it signs: sequence, hash, algorithm, keyId, signature, signedAt;
 *   <li>{@code end} (last): the last sequence and the number of chain lines and checkpoints, so a cut file shows.
 * </ul>
 */
final class ExportFormat {

    static final String FORMAT = "parley-ledger-export/1";
    static final String HEADER = "header";
    static final String ENTRY = "entry";
    static final String SEALED = "sealed";
    static final String CHECKPOINT = "checkpoint";
    static final String END = "end";

    private ExportFormat() {}

    static ObjectNode header(
            ObjectMapper json,
            String from,
            String to,
            Long firstSequence,
            Long lastSequence,
            Instant exportedAt,
            String keyId,
            String publicKey) {
        ObjectNode line = line(json, HEADER);
        line.put("format", FORMAT);
        line.put("from", from);
        line.put("to", to);
        line.put("firstSequence", firstSequence);
        line.put("lastSequence", lastSequence);
        line.put("exportedAt", LedgerHashing.format(exportedAt));
        line.put("algorithm", CheckpointKeys.ALGORITHM);
        line.put("keyId", keyId);
        line.put("publicKey", publicKey);
        return line;
    }

    static ObjectNode entry(ObjectMapper json, LedgerEntry entry) {
        ObjectNode line = line(json, ENTRY);
        line.put("sequence", entry.sequence());
        line.put("eventId", entry.eventId());
        line.put("type", entry.type());
        line.put("caseId", entry.caseId());
        line.put("actorSubject", entry.actorSubject());
        line.put("actorOrganisation", entry.actorOrganisation());
        line.put("owningOrganisation", entry.owningOrganisation());
        line.put("occurredAt", LedgerHashing.format(entry.occurredAt()));
        line.put("recordedAt", LedgerHashing.format(entry.recordedAt()));
        line.put("eventDigest", entry.eventDigest());
        line.put("prevHash", entry.prevHash());
        line.put("hash", entry.hash());
        return line;
    }

    static ObjectNode sealed(ObjectMapper json, long sequence, String prevHash, String hash) {
        ObjectNode line = line(json, SEALED);
        line.put("sequence", sequence);
        line.put("prevHash", prevHash);
        line.put("hash", hash);
        return line;
    }

    static ObjectNode checkpoint(
            ObjectMapper json,
            long sequence,
            String hash,
            String algorithm,
            String keyId,
            String signature,
            Instant signedAt) {
        ObjectNode line = line(json, CHECKPOINT);
        line.put("sequence", sequence);
        line.put("hash", hash);
        line.put("algorithm", algorithm);
        line.put("keyId", keyId);
        line.put("signature", signature);
        line.put("signedAt", LedgerHashing.format(signedAt));
        return line;
    }

    static ObjectNode end(ObjectMapper json, Long lastSequence, long chainLines, long checkpoints) {
        ObjectNode line = line(json, END);
        line.put("lastSequence", lastSequence);
        line.put("chainLines", chainLines);
        line.put("checkpoints", checkpoints);
        return line;
    }

    /** The entry an {@code entry} line holds; IllegalArgumentException naming the field when one is missing. */
    static LedgerEntry entryOf(JsonNode line) {
        return new LedgerEntry(
                number(line, "sequence"),
                text(line, "eventId", false),
                text(line, "type", false),
                text(line, "caseId", true),
                text(line, "actorSubject", true),
                text(line, "actorOrganisation", true),
                text(line, "owningOrganisation", true),
                instant(line, "occurredAt"),
                instant(line, "recordedAt"),
                text(line, "eventDigest", false),
                text(line, "prevHash", false),
                text(line, "hash", false));
    }

    static String kind(JsonNode line) {
        JsonNode kind = line.get("kind");
        return kind == null || !kind.isTextual() ? "" : kind.asText();
    }

    static long number(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " is missing or not a number");
        }
        return value.asLong();
    }

    /** The number, or null when the field is null or absent. */
    static Long optionalNumber(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : number(line, field);
    }

    static String text(JsonNode line, String field, boolean nullable) {
        JsonNode value = line.get(field);
        if (value == null || (value.isNull() && !nullable)) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " is not text");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode line, String field) {
        try {
            return Instant.parse(text(line, field, false));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 instant");
        }
    }

    private static ObjectNode line(ObjectMapper json, String kind) {
        ObjectNode line = json.createObjectNode();
        line.put("kind", kind);
        return line;
    }
}
