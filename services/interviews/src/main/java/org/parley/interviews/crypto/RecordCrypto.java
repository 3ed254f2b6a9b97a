package org.parley.interviews.crypto;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.interviews.config.InterviewsConfig;

/**
 * Seals and opens the encrypted fields of a record. Whether encryption is on is fixed at start from
 * configuration, and nothing can turn it off later. Off (only the benchmark's second instance starts so, and
 * {@link InterviewKeys} refuses it in prod) fields are stored as UTF-8 and no data key is written; on, a record
 * without a data key is refused as tampered rather than read as plaintext.
 */
@ApplicationScoped
public class RecordCrypto {

    private final InterviewKeys keys;
    private final InterviewsConfig config;

    private final Map<Purpose, EnvelopeCipher> ciphers = new EnumMap<>(Purpose.class);
    private boolean enabled;

    @Inject
    public RecordCrypto(InterviewKeys keys, InterviewsConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @PostConstruct
    void init() {
        enabled = config.encryption().enabled();
        for (Purpose purpose : Purpose.values()) {
            ciphers.put(purpose, new EnvelopeCipher(purpose.label(), keys.kek(purpose)));
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public EnvelopeCipher cipher(Purpose purpose) {
        return ciphers.get(purpose);
    }

    /** Seals the fields of one write of a record, under a fresh data key. */
    public Sealer sealer(Purpose purpose, UUID recordId) {
        if (!enabled) {
            return new Sealer(null);
        }
        return new Sealer(ciphers.get(purpose).newDataKey(recordId));
    }

    /** Opens the fields of a stored record. */
    public Opener opener(Purpose purpose, UUID recordId, byte[] wrappedKey, Integer kekKeyId) {
        if (wrappedKey == null) {
            if (enabled) {
                throw new RecordIntegrityException(recordId, purpose.label() + " data key");
            }
            return new Opener(null);
        }
        return new Opener(ciphers.get(purpose).openDataKey(recordId, wrappedKey, kekKeyId == null ? 0 : kekKeyId));
    }

    /** Seals fields for one record; {@link #wrappedKey()} and {@link #kekKeyId()} go in the same row. */
    public static final class Sealer {
        private final EnvelopeCipher.DataKey key;

        private Sealer(EnvelopeCipher.DataKey key) {
            this.key = key;
        }

        public byte[] seal(String field, String plaintext) {
            return key == null ? plaintext.getBytes(StandardCharsets.UTF_8) : key.seal(field, plaintext);
        }

        public byte[] wrappedKey() {
            return key == null ? null : key.wrapped();
        }

        public Integer kekKeyId() {
            return key == null ? null : key.kekKeyId();
        }
    }

    /** Opens fields of one record. */
    public static final class Opener {
        private final EnvelopeCipher.DataKey key;

        private Opener(EnvelopeCipher.DataKey key) {
            this.key = key;
        }

        public String open(String field, byte[] stored) {
            return key == null ? new String(stored, StandardCharsets.UTF_8) : key.open(field, stored);
        }

        /** Seals a further field under the same record's key (its own log, e.g. why it was read). */
        public byte[] seal(String field, String plaintext) {
            return key == null ? plaintext.getBytes(StandardCharsets.UTF_8) : key.seal(field, plaintext);
        }
    }
}
