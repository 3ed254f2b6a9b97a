package org.parley.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keycloak's own database: {@value #NAME} in the stack's PostgreSQL, owned by a role of its own ({@value #ROLE}, no
 * superuser; its password generated like the superuser's, in a file of the state folder). So it is as durable as the
 * services' databases: a durable stack's PostgreSQL syncs each commit, and what Keycloak acknowledged survives a crash
 * of Keycloak, of PostgreSQL and of the machine (an H2 file, before, did not sync). A durable stack keeps it from one
 * start to the next, so a warm start neither builds Keycloak's schema nor imports the realm again. When the realm file
 * changed, a durable stack keeps the database too and the new file is applied to it ({@link KeycloakRealmUpdate}), so
 * the users an administrator added are not lost. It is made afresh, with the realm imported into it, when the stack
 * is disposable (test data) or when no import of a realm into it ever finished. Which file the realm was last brought
 * to is the database's comment: it goes when the database goes. What that file named (users, clients, roles: no
 * password) is kept beside it, in the state folder with the file's digest, so the next file can delete what it drops.
 */
final class KeycloakDatabase {

    static final String NAME = "keycloak";
    static final String ROLE = "keycloak";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMPORTED_REALM = "parley realm imported, sha256 ";

    private final int postgresPort;
    private final Path superuserPasswordFile;
    private final Path passwordFile;
    private final Path formerH2Folder;
    private final Path realmFile;
    private final boolean kept;
    private final Path namesFile;
    /** The realm file's digest when the current start was prepared: the file it copied for the import. */
    private String preparedDigest = "";
    /** What that file names, recorded with its digest once the realm is in. */
    private KeycloakRealmUpdate.RealmNames preparedNames =
            new KeycloakRealmUpdate.RealmNames(Set.of(), Set.of(), Set.of());
    /** For an update: what the file the database holds named, or null when that is not known. */
    private KeycloakRealmUpdate.RealmNames formerNames;

    KeycloakDatabase(StackOptions options) {
        this.postgresPort = options.postgresPort();
        this.superuserPasswordFile = options.postgresPasswordFile();
        this.passwordFile = options.stateDir().resolve("keycloak").resolve("postgres-password");
        this.formerH2Folder = options.stateDir().resolve("keycloak").resolve("database");
        this.realmFile = options.realmFile();
        this.kept = options.durable();
        this.namesFile = options.stateDir().resolve("keycloak").resolve("realm-names.json");
    }

    /** What a start does with the realm. */
    enum RealmStart {
        /** The database is new: Keycloak imports the realm file. */
        IMPORT,
        /** The database holds the realm of this very file. */
        KEEP,
        /** The database holds the realm of an earlier file: the file is applied to it once Keycloak runs. */
        UPDATE
    }

    /** Readies the database for a start (Keycloak must not be running; PostgreSQL must be). */
    RealmStart prepareForStart() throws IOException, SQLException {
        byte[] realm = Files.readAllBytes(realmFile);
        preparedDigest = digest(realm);
        preparedNames = KeycloakRealmUpdate.RealmNames.of(JSON.readTree(realm));
        formerNames = null;
        // The H2 file of earlier stacks holds the users' password hashes and is read no more.
        deleteFolder(formerH2Folder);
        String password = PostgresPassword.readOrCreate(passwordFile);
        try (Connection superuser = superuser();
                Statement statement = superuser.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            // The password is base64url (PostgresPassword), so quoting it is safe; roles take no parameters.
            String role = roleExists(superuser) ? "ALTER ROLE " : "CREATE ROLE ";
            statement.execute(role + ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
            String imported = importedDigest(superuser);
            if (kept && preparedDigest.equals(imported)) {
                return RealmStart.KEEP;
            }
            if (kept && !imported.isEmpty()) {
                formerNames = namesOf(imported);
                return RealmStart.UPDATE;
            }
            statement.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + NAME + " OWNER " + ROLE);
            return RealmStart.IMPORT;
        }
    }

    /**
     * Records, once Keycloak answers for the realm it imported or was brought to, which realm file the database holds:
     * only then may a later start keep it (a start that failed half-way through an import is made afresh, one that
     * failed to apply a changed file applies it again). That is the file as it was when the start was prepared: one
     * edited while Keycloak started is applied at the next start.
     */
    void realmImported() throws IOException, SQLException {
        try (Connection superuser = superuser();
                Statement statement = superuser.createStatement()) {
            // The digest is hexadecimal: quoting it is safe.
            statement.execute("COMMENT ON DATABASE " + NAME + " IS '" + IMPORTED_REALM + preparedDigest + "'");
        }
        // Kept with the digest they belong to: names left from another file (a write that failed) are not used.
        ObjectNode names = JSON.createObjectNode();
        names.put("digest", preparedDigest);
        names.set("names", JSON.valueToTree(preparedNames));
        Files.createDirectories(namesFile.getParent());
        Path written = namesFile.resolveSibling(namesFile.getFileName() + ".new");
        JSON.writeValue(written.toFile(), names);
        Files.move(written, namesFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** For an update: what the file the database holds named, or null when that is not known. */
    KeycloakRealmUpdate.RealmNames formerNames() {
        return formerNames;
    }

    /** The names recorded with the realm file of this digest; null when none were, or for another file. */
    private KeycloakRealmUpdate.RealmNames namesOf(String digest) throws IOException {
        if (!Files.isRegularFile(namesFile)) {
            return null;
        }
        JsonNode recorded = JSON.readTree(namesFile.toFile());
        if (!digest.equals(recorded.path("digest").asText())) {
            return null;
        }
        return JSON.treeToValue(recorded.path("names"), KeycloakRealmUpdate.RealmNames.class);
    }

    String jdbcUrl() {
        return StackDescriptor.jdbcBase(postgresPort) + NAME;
    }

    String password() throws IOException {
        return PostgresPassword.readOrCreate(passwordFile);
    }

    private Connection superuser() throws IOException, SQLException {
        return DriverManager.getConnection(
                StackDescriptor.jdbcBase(postgresPort) + "postgres",
                StackDescriptor.POSTGRES_USER,
                PostgresPassword.readOrCreate(superuserPasswordFile));
    }

    private static boolean roleExists(Connection superuser) throws SQLException {
        try (PreparedStatement query = superuser.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, ROLE);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The digest of the realm file the database holds; empty when there is no database or no finished import. */
    private static String importedDigest(Connection superuser) throws SQLException {
        try (PreparedStatement query = superuser.prepareStatement(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            query.setString(1, NAME);
            try (ResultSet rows = query.executeQuery()) {
                String comment = rows.next() ? rows.getString(1) : null;
                return comment != null && comment.startsWith(IMPORTED_REALM)
                        ? comment.substring(IMPORTED_REALM.length())
                        : "";
            }
        }
    }

    private static String digest(byte[] realm) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(realm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void deleteFolder(Path directory) throws IOException {
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
