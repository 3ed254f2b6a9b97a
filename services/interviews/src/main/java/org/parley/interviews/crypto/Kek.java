package org.parley.interviews.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * A key-encryption key: a Tink AES-256-GCM keyset. Its primary key wraps new data keys; every key in it
 * unwraps (Tink picks the key by the ciphertext's key-id prefix), so a rotation adds a version, re-wraps
 * every data key under it, then retires the old versions. Never printed, logged or serialised to a caller.
 */
public final class Kek {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink AEAD is unavailable", e);
        }
    }

    private final String name;
    private final Path file;
    private volatile KeysetHandle keyset;
    private volatile Aead aead;

    private Kek(String name, KeysetHandle keyset, Path file) {
        this.name = name;
        this.file = file;
        install(keyset);
    }

    /** A KEK from a base64-encoded Tink JSON keyset, as production passes it in the environment. */
    public static Kek fromBase64(String name, String base64Json) {
        try {
            String json = new String(Base64.getDecoder().decode(base64Json.trim()), StandardCharsets.UTF_8);
            return new Kek(name, TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()), null);
        } catch (RuntimeException | GeneralSecurityException e) {
            // The message says which KEK, never anything of its value (nor the parser's, which may quote it).
            throw new IllegalStateException("the " + name + " KEK is not a base64 Tink JSON keyset");
        }
    }

    /** A DEV-ONLY KEK kept in a file, generated there (owner-readable only) the first time. */
    public static Kek loadOrGenerate(String name, Path file) {
        try {
            if (Files.exists(file)) {
                String json = Files.readString(file, StandardCharsets.UTF_8);
                return new Kek(name, TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()), file);
            }
            Kek generated = new Kek(name, KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), file);
            generated.persist();
            return generated;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // The parser's message may quote the file's content: give the kind of failure only.
            throw new IllegalStateException("cannot load or create the " + name + " KEK file " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** A fresh KEK held in memory only, for tests and the benchmark. */
    public static Kek generate(String name) {
        try {
            return new Kek(name, KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a KEK", e);
        }
    }

    public String name() {
        return name;
    }

    /** The version new data keys are wrapped under. */
    public int primaryKeyId() {
        return keyset.getPrimary().getId();
    }

    /** Every version this KEK can still unwrap. */
    public Set<Integer> keyIds() {
        KeysetHandle current = keyset;
        Set<Integer> ids = new LinkedHashSet<>();
        for (int i = 0; i < current.size(); i++) {
            ids.add(current.getAt(i).getId());
        }
        return ids;
    }

    Aead aead() {
        return aead;
    }

    /**
     * Adds a new AES-256-GCM version and makes it primary (new data keys are wrapped under it; the old
     * versions still unwrap). Saved to the KEK's file when it has one. Returns the new version's id.
     */
    public synchronized int addVersion() {
        try {
            KeysetHandle next = KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary())
                    .build();
            install(next);
            persist();
            return primaryKeyId();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot add a version to the " + name + " KEK", e);
        }
    }

    /**
     * Drops every version but the primary, once no record is wrapped under them (the caller checks, see
     * {@link KeyRotation#remainingOnOldVersions}). Saved to the KEK's file when it has one.
     */
    public synchronized int retireOldVersions() {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
            int retired = 0;
            for (int i = builder.size() - 1; i >= 0; i--) {
                if (!builder.getAt(i).isPrimary()) {
                    builder.deleteAt(i);
                    retired++;
                }
            }
            install(builder.build());
            persist();
            return retired;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot retire old versions of the " + name + " KEK", e);
        }
    }

    /** A copy holding only the versions given (in-memory): shows which versions a record still needs. */
    public Kek restrictedTo(Set<Integer> versions) {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
            for (int i = builder.size() - 1; i >= 0; i--) {
                KeysetHandle.Builder.Entry entry = builder.getAt(i);
                if (!versions.contains(keyset.getAt(i).getId())) {
                    if (entry.isPrimary()) {
                        throw new IllegalArgumentException("the primary version must be kept");
                    }
                    builder.deleteAt(i);
                }
            }
            return new Kek(name, builder.build(), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot restrict the " + name + " KEK", e);
        }
    }

    /** Whether two KEKs share key material (content and identity must not). */
    public boolean sharesKeyWith(Kek other) {
        KeysetHandle mine = keyset;
        KeysetHandle theirs = other.keyset;
        for (int i = 0; i < mine.size(); i++) {
            for (int j = 0; j < theirs.size(); j++) {
                if (mine.getAt(i).getKey().equalsKey(theirs.getAt(j).getKey())) {
                    return true;
                }
            }
        }
        return false;
    }

    private void install(KeysetHandle next) {
        try {
            for (int i = 0; i < next.size(); i++) {
                if (next.getAt(i).getStatus() != KeyStatus.ENABLED) {
                    throw new IllegalStateException("the " + name + " KEK has a disabled version");
                }
            }
            this.aead = next.getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.keyset = next;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the " + name + " KEK is not an AEAD keyset");
        }
    }

    private void persist() throws IOException, GeneralSecurityException {
        if (file == null) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temporary);
        }
        Files.writeString(
                temporary,
                TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()),
                StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String toString() {
        return "Kek[" + name + ", versions=" + keyIds().size() + "]";
    }
}
