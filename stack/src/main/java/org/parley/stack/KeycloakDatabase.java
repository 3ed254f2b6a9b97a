package org.parley.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keycloak's own database: an H2 file in the stack's state folder. A durable stack keeps it from one start to the
 * next, as it keeps PostgreSQL's data, so a warm start neither builds Keycloak's schema nor imports the realm again
 * (about half of Keycloak's start here), and what was changed in Keycloak while it ran survives a restart. The
 * database is made afresh, with the realm imported into it, when the stack is disposable (test data) or when the
 * realm file is not the one that was imported.
 */
final class KeycloakDatabase {

    private static final String IMPORTED_REALM = "imported-realm.sha256";

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path directory;
    private final Path realmFile;
    private final boolean kept;
    /** The realm file's digest when the current start was prepared: the file it copied for the import. */
    private String preparedDigest = "";

    KeycloakDatabase(Path directory, Path realmFile, boolean kept) {
        if (directory.toString().contains(";")) {
            // H2 would read what follows a ';' in its URL as a setting.
            throw new IllegalArgumentException("Keycloak's database folder may not contain ';': " + directory);
        }
        this.directory = directory;
        this.realmFile = realmFile;
        this.kept = kept;
    }

    /**
     * Readies the folder for a start (Keycloak must not be running) and says whether the realm must be imported:
     * true when the database was made afresh.
     */
    boolean prepareForStart() throws IOException {
        preparedDigest = realmDigest();
        boolean keep = kept && preparedDigest.equals(importedDigest());
        if (!keep) {
            deleteFolder();
            Files.createDirectories(directory);
        }
        // It holds the users' password hashes: the owner's alone, like PostgreSQL's data folder.
        Files.setPosixFilePermissions(directory, OWNER_ONLY);
        return !keep;
    }

    /**
     * Records, once Keycloak answers for the realm it imported, which realm file the database holds: only then may
     * a later start keep it (a start that failed half-way through the import is made afresh). That is the file as
     * it was when the start was prepared: one edited while Keycloak started is imported at the next start.
     */
    void realmImported() throws IOException {
        Path marker = directory.resolve(IMPORTED_REALM);
        Path temporary = directory.resolve(IMPORTED_REALM + ".tmp");
        Files.writeString(temporary, preparedDigest);
        Files.move(temporary, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Keycloak's dev-file URL properties, with the file in this folder rather than in the shared distribution, and
     * each commit written to the file before it returns ({@code WRITE_DELAY=0}): by default H2 writes its commits
     * up to half a second later, from a background thread, so a Keycloak killed just after it acknowledged a change
     * (a user made in its admin console) lost it. H2 does not sync the file, so a crash of the machine still may.
     */
    String jdbcUrl() {
        return "jdbc:h2:file:" + directory.resolve("keycloakdb")
                + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    private String importedDigest() throws IOException {
        Path marker = directory.resolve(IMPORTED_REALM);
        return Files.isRegularFile(marker) ? Files.readString(marker, StandardCharsets.UTF_8) : "";
    }

    private String realmDigest() throws IOException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(Files.readAllBytes(realmFile)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private void deleteFolder() throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
