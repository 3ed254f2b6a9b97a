package org.parley.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The local PostgreSQL superuser's password: generated at the first start of a state directory, kept in a file
 * only its owner may read (0600), and asked of every connection (pg_hba.conf: scram-sha-256).
 */
final class PostgresPassword {

    static final Set<PosixFilePermission> OWNER_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private PostgresPassword() {}

    /** The password in {@code file}, created with 32 random bytes (base64url) when there is none yet. */
    static String readOrCreate(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            // Created owner-only from the start: there is no moment at which others could read it.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(file, generate(), StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            // kept from an earlier start
        }
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY); // someone widened it; the password stays the same
        }
        String password = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (!password.matches("[A-Za-z0-9_-]{20,}")) {
            throw new IllegalStateException(file + " does not hold a password written by the stack; delete it"
                    + " together with the postgres directory beside it to start with a new, empty database");
        }
        return password;
    }

    /** Letters, digits, '-' and '_' only, so it can be quoted in SQL and written to initdb's --pwfile as is. */
    private static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
