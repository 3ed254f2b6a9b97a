package org.parley.interviews.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Envelope encryption for one kind of record ("content" or "identity"): each record gets its own
 * AES-256-GCM data key, stored wrapped by the KEK. The associated data binds every ciphertext to its
 * record id and field name, and the wrapped data key to its record id, so a ciphertext or a key moved to
 * another row or field fails to decrypt instead of yielding someone else's text.
 */
public final class EnvelopeCipher {

    private static final String DOMAIN = "parley.interviews/";

    private final String purpose;
    private final Kek kek;

    public EnvelopeCipher(String purpose, Kek kek) {
        this.purpose = purpose;
        this.kek = kek;
    }

    public Kek kek() {
        return kek;
    }

    /** A fresh data key for a record, wrapped under the KEK's primary version. */
    public DataKey newDataKey(UUID recordId) {
        try {
            KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            int version = kek.primaryKeyId();
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, kek.aead(), keyAd(recordId));
            return new DataKey(
                    recordId, dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class), wrapped, version);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a data key", e);
        }
    }

    /** Unwraps a record's stored data key; fails if it was wrapped for another record or by an unknown KEK. */
    public DataKey openDataKey(UUID recordId, byte[] wrapped, int kekKeyId) {
        try {
            KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek.aead(), keyAd(recordId));
            return new DataKey(
                    recordId, dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class), wrapped, kekKeyId);
        } catch (GeneralSecurityException e) {
            throw new RecordIntegrityException(recordId, purpose + " data key");
        }
    }

    /** The same data key wrapped under the KEK's current primary version (the fields are untouched). */
    public Rewrapped rewrap(UUID recordId, byte[] wrapped) {
        try {
            byte[] ad = keyAd(recordId);
            KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek.aead(), ad);
            int version = kek.primaryKeyId();
            return new Rewrapped(TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, kek.aead(), ad), version);
        } catch (GeneralSecurityException e) {
            throw new RecordIntegrityException(recordId, purpose + " data key");
        }
    }

    private byte[] keyAd(UUID recordId) {
        return (DOMAIN + purpose + "/" + recordId + "/data-key").getBytes(StandardCharsets.UTF_8);
    }

    public record Rewrapped(byte[] wrapped, int kekKeyId) {}

    /** One record's unwrapped data key. Lives for one request; never stored unwrapped. */
    public final class DataKey {
        private final UUID recordId;
        private final Aead aead;
        private final byte[] wrapped;
        private final int kekKeyId;

        private DataKey(UUID recordId, Aead aead, byte[] wrapped, int kekKeyId) {
            this.recordId = recordId;
            this.aead = aead;
            this.wrapped = wrapped;
            this.kekKeyId = kekKeyId;
        }

        public byte[] wrapped() {
            return wrapped.clone();
        }

        public int kekKeyId() {
            return kekKeyId;
        }

        public byte[] seal(String field, String plaintext) {
            try {
                return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), fieldAd(field));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot encrypt " + field, e);
            }
        }

        public String open(String field, byte[] ciphertext) {
            try {
                return new String(aead.decrypt(ciphertext, fieldAd(field)), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException e) {
                throw new RecordIntegrityException(recordId, field);
            }
        }

        private byte[] fieldAd(String field) {
            return (DOMAIN + purpose + "/" + recordId + "/" + field).getBytes(StandardCharsets.UTF_8);
        }
    }
}
