package org.parley.interviews.crypto;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Key rotation inside the running service (tests, and operators who run it in-process). The service's
 * KEKs must already hold the new version: {@link Kek#addVersion()} for the DEV-ONLY file keysets, or a
 * restart with the new keyset in the environment.
 */
@ApplicationScoped
public class KeyRotationJob {

    private static final int BATCH_SIZE = 500;

    // Its own connections, not the caller's transaction: the rotation commits batch by batch (see KeyRotation).
    private final AgroalDataSource dataSource;
    private final RecordCrypto crypto;

    @Inject
    public KeyRotationJob(AgroalDataSource dataSource, RecordCrypto crypto) {
        this.dataSource = dataSource;
        this.crypto = crypto;
    }

    public List<KeyRotation.Report> rotateAll(Consumer<String> progress) throws SQLException {
        return rotation().rotateAll(progress);
    }

    /**
     * Drops the KEKs' old versions once no record needs them. Refuses (and changes nothing) while any
     * record is still wrapped under an old version.
     */
    public void retireOldVersions() throws SQLException {
        KeyRotation rotation = rotation();
        for (Purpose purpose : Purpose.values()) {
            long remaining = rotation.remainingOnOldVersions(purpose);
            if (remaining > 0) {
                throw new IllegalStateException(
                        remaining + " " + purpose.label() + " records still need an old KEK version");
            }
        }
        for (Purpose purpose : Purpose.values()) {
            crypto.cipher(purpose).kek().retireOldVersions();
        }
    }

    private KeyRotation rotation() {
        return new KeyRotation(
                dataSource::getConnection, crypto.cipher(Purpose.CONTENT), crypto.cipher(Purpose.IDENTITY), BATCH_SIZE);
    }
}
