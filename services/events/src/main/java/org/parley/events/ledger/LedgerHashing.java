package org.parley.events.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import com.google.protobuf.CodedOutputStream;
import org.parley.proto.v1.Envelope;

/**
 * The ledger's hashing, in one place for the appender and the verifiers (service and command line).
 *
 * <p>{@code hash = SHA-256(prev_hash bytes || canonical)} where canonical is the fields in a fixed order,
 * each as a 4-byte big-endian length (-1 for null) followed by its UTF-8 bytes: a version tag, sequence,
 * event id, type, case id, actor subject, actor organisation, owning organisation, occurred_at and
 * recorded_at (ISO-8601 UTC, microseconds: what PostgreSQL stores), event digest. A checkpoint signs
 * the same kind of encoding of (tag, sequence, hash).
 */
public final class LedgerHashing {

    /** The prev_hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final String ENTRY_TAG = "parley-ledger-entry-v1";
    private static final String CHECKPOINT_TAG = "parley-ledger-checkpoint-v1";
    private static final HexFormat HEX = HexFormat.of();

    private LedgerHashing() {}

    /** The entry's hash from its fields and its prev_hash (the {@code hash} field itself is ignored). */
    public static String hashOf(LedgerEntry entry) {
        MessageDigest sha256 = sha256();
        sha256.update(HEX.parseHex(entry.prevHash()));
        sha256.update(canonical(
                ENTRY_TAG,
                Long.toString(entry.sequence()),
                entry.eventId(),
                entry.type(),
                entry.caseId(),
                entry.actorSubject(),
                entry.actorOrganisation(),
                entry.owningOrganisation(),
                format(entry.occurredAt()),
                format(entry.recordedAt()),
                entry.eventDigest()));
        return HEX.formatHex(sha256.digest());
    }

    /** The bytes a checkpoint signature covers. */
    public static byte[] checkpointPayload(long sequence, String hash) {
        return canonical(CHECKPOINT_TAG, Long.toString(sequence), hash);
    }

    /** SHA-256 (hex) of the envelope's deterministic serialisation: the same for the same event, always. */
    public static String digestOf(Envelope envelope) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(envelope.getSerializedSize());
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.useDeterministicSerialization();
            envelope.writeTo(out);
            out.flush();
            return HEX.formatHex(sha256().digest(bytes.toByteArray()));
        } catch (IOException e) {
            throw new IllegalStateException("in-memory serialisation failed", e);
        }
    }

    /** Instants as the database keeps them: microseconds, UTC. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** An instant as hashed: ISO-8601 UTC, microseconds. */
    static String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(truncate(instant));
    }

    private static byte[] canonical(String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (String field : fields) {
            if (field == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
                out.writeBytes(utf8);
            }
        }
        return out.toByteArray();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
