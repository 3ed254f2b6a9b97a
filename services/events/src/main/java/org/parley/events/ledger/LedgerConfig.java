package org.parley.events.ledger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The ledger's settings ({@code parley.ledger.*}). */
@ConfigMapping(prefix = "parley.ledger")
public interface LedgerConfig {

    /**
     * The checkpoint signing key: a base64 PKCS#8 Ed25519 private key. Required in production, from the
     * environment ({@code PARLEY_LEDGER_SIGNING_KEY}); never committed.
     */
    Optional<String> signingKey();

    /**
     * Dev and test only: a file holding a DEV-ONLY signing key, generated at first start when missing.
     * Ignored when {@link #signingKey()} is set; unset in production.
     */
    Optional<Path> devKeyFile();

    /** Base64 X.509 public keys of earlier signing keys, so checkpoints from before a rotation verify. */
    Optional<List<String>> previousVerifyKeys();

    Checkpoint checkpoint();

    /** The largest page {@code GET /ledger} returns. */
    @WithDefault("500")
    int maxPageSize();

    interface Checkpoint {
        /** Sign a checkpoint every this many entries (in the appending transaction). */
        @WithDefault("100")
        int everyEntries();

        /** And at least this often while new entries arrive. */
        @WithDefault("30s")
        Duration interval();
    }
}
