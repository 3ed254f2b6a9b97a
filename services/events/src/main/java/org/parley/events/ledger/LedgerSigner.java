package org.parley.events.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

/**
 * The service's checkpoint keys, from {@code parley.ledger.signing-key} (production: the environment) or,
 * in dev and test, a DEV-ONLY key file generated at first start. Without either the service does not start.
 */
@Singleton
public class LedgerSigner {

    private static final Logger LOG = Logger.getLogger(LedgerSigner.class);

    private final CheckpointKeys keys;

    @Inject
    public LedgerSigner(LedgerConfig config) {
        List<String> earlier = config.previousVerifyKeys().orElse(List.of());
        if (config.signingKey().isPresent()) {
            keys = CheckpointKeys.signingWith(config.signingKey().get(), earlier);
        } else if (config.devKeyFile().isPresent()) {
            keys = CheckpointKeys.signingWith(readOrCreate(config.devKeyFile().get()), earlier);
            LOG.warnf(
                    "ledger checkpoints are signed with a DEV-ONLY key (%s)",
                    config.devKeyFile().get());
        } else {
            throw new IllegalStateException(
                    "no ledger signing key: set PARLEY_LEDGER_SIGNING_KEY (base64 PKCS#8 Ed25519 private key)");
        }
        LOG.infof(
                "ledger checkpoint key %s, public key (for the verify command) %s",
                keys.signingKeyId(), keys.publicKeyBase64());
    }

    public CheckpointKeys keys() {
        return keys;
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            String key = CheckpointKeys.generatePrivateKey();
            Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort outside POSIX file systems
            }
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the dev ledger key file " + file, e);
        }
    }
}
