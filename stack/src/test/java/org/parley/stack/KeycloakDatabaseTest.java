package org.parley.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.stack.KeycloakDatabase.RealmStart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When Keycloak's database in the stack's PostgreSQL (a real one, started once for the class) is kept from one start
 * to the next, when it is made afresh, and who may use it.
 */
class KeycloakDatabaseTest {

    @TempDir
    static Path state;

    private static int postgresPort;
    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgresPort = LocalPorts.free();
        StackOptions options = options(false);
        Files.createDirectories(options.logsDir());
        postgres = new PostgresServer(options);
        postgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.stop();
        }
    }

    @BeforeEach
    void noKeycloakDatabaseYet() throws Exception {
        Files.writeString(realm(), "{\"realm\":\"parley\"}");
        try (Connection superuser = superuser("postgres");
                Statement statement = superuser.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS keycloak WITH (FORCE)");
        }
    }

    private static StackOptions options(boolean durable) {
        return StackOptions.parse(new String[] {
            "start",
            "--state",
            state.toString(),
            "--pg-port",
            Integer.toString(postgresPort),
            "--realm",
            realm().toString(),
            "--durable",
            Boolean.toString(durable)
        });
    }

    private static Path realm() {
        return state.resolve("realm.json");
    }

    private static Connection superuser(String database) throws IOException, SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database,
                "postgres",
                Files.readString(state.resolve("postgres-password")).trim());
    }

    /** What Keycloak would have written while it ran, through its own role and password. */
    private static void keycloakWrote(KeycloakDatabase database) throws Exception {
        try (Connection keycloak =
                        DriverManager.getConnection(database.jdbcUrl(), KeycloakDatabase.ROLE, database.password());
                Statement statement = keycloak.createStatement()) {
            statement.execute("CREATE TABLE user_entity (username text)");
            statement.execute("INSERT INTO user_entity VALUES ('made-while-running')");
        }
    }

    /** Whether the database holds what {@link #keycloakWrote} wrote. */
    private static boolean holdsWhatKeycloakWrote() throws Exception {
        try (Connection superuser = superuser("postgres");
                Statement statement = superuser.createStatement();
                ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'keycloak'")) {
            if (!exists.next()) {
                return false;
            }
        }
        try (Connection superuser = superuser("keycloak");
                Statement statement = superuser.createStatement();
                ResultSet rows = statement.executeQuery("SELECT to_regclass('user_entity') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    @Test
    void aDurableStackKeepsTheDatabaseOfTheRealmItImported() throws Exception {
        KeycloakDatabase database = new KeycloakDatabase(options(true));
        assertThat(database.prepareForStart()).as("first start").isEqualTo(RealmStart.IMPORT);
        keycloakWrote(database);
        database.realmImported();

        assertThat(database.prepareForStart()).as("second start").isEqualTo(RealmStart.KEEP);
        assertThat(holdsWhatKeycloakWrote()).isTrue();
        assertThat(new KeycloakDatabase(options(true)).prepareForStart())
                .as("a new stack process on the same state")
                .isEqualTo(RealmStart.KEEP);
        assertThat(holdsWhatKeycloakWrote()).isTrue();
    }

    @Test
    void aChangedRealmFileIsAppliedToTheKeptDatabaseUntilThatIsRecorded() throws Exception {
        KeycloakDatabase database = new KeycloakDatabase(options(true));
        database.prepareForStart();
        keycloakWrote(database);
        database.realmImported();

        Files.writeString(realm(), "{\"realm\":\"parley\",\"displayName\":\"changed\"}");
        assertThat(database.prepareForStart()).isEqualTo(RealmStart.UPDATE);
        assertThat(holdsWhatKeycloakWrote()).as("what Keycloak wrote is kept").isTrue();
        // An update that failed records nothing: the next start applies the file again.
        assertThat(database.prepareForStart()).isEqualTo(RealmStart.UPDATE);
        database.realmImported();
        assertThat(database.prepareForStart()).isEqualTo(RealmStart.KEEP);
        assertThat(holdsWhatKeycloakWrote()).isTrue();
    }

    @Test
    void anUpdateKnowsWhatTheFormerFileNamedOnlyFromNamesRecordedWithThatFile() throws Exception {
        Files.writeString(
                realm(),
                "{\"realm\":\"parley\",\"users\":[{\"username\":\"pierre\",\"credentials\":[{\"value\":\"pw\"}]},"
                        + "{\"username\":\"sofia\"}],\"clients\":[{\"clientId\":\"parley-cli\"}],"
                        + "\"roles\":{\"realm\":[{\"name\":\"partner\"},{\"name\":\"staff\"}]}}");
        KeycloakDatabase database = new KeycloakDatabase(options(true));
        database.prepareForStart();
        keycloakWrote(database);
        database.realmImported();
        Path names = state.resolve("keycloak").resolve("realm-names.json");
        assertThat(Files.readString(names))
                .as("names only, no password")
                .contains("pierre")
                .doesNotContain("pw");

        String later =
                "{\"realm\":\"parley\",\"users\":[{\"username\":\"sofia\"}],\"roles\":{\"realm\":[{\"name\":\"staff\"}]}}";
        Files.writeString(realm(), later);
        assertThat(database.prepareForStart()).isEqualTo(RealmStart.UPDATE);
        KeycloakRealmUpdate.RealmNames dropped =
                database.formerNames().droppedBy(KeycloakRealmUpdate.RealmNames.of(new ObjectMapper().readTree(later)));
        assertThat(dropped)
                .isEqualTo(
                        new KeycloakRealmUpdate.RealmNames(Set.of("pierre"), Set.of("parley-cli"), Set.of("partner")));

        // Names recorded with another file than the one the database holds are not used: nothing is deleted.
        Files.writeString(names, Files.readString(names).replaceFirst("\"digest\":\"[0-9a-f]+\"", "\"digest\":\"00\""));
        KeycloakDatabase restarted = new KeycloakDatabase(options(true));
        assertThat(restarted.prepareForStart()).isEqualTo(RealmStart.UPDATE);
        assertThat(restarted.formerNames()).isNull();
        Files.delete(names);
        assertThat(restarted.prepareForStart()).isEqualTo(RealmStart.UPDATE);
        assertThat(restarted.formerNames()).isNull();
    }

    @Test
    void aRealmFileEditedWhileKeycloakStartedIsImportedAtTheNextStart() throws Exception {
        KeycloakDatabase database = new KeycloakDatabase(options(true));
        database.prepareForStart();
        keycloakWrote(database);
        Files.writeString(realm(), "{\"realm\":\"parley\",\"displayName\":\"edited during the start\"}");
        database.realmImported(); // of the file as it was when the start was prepared

        assertThat(database.prepareForStart()).isEqualTo(RealmStart.UPDATE);
    }

    @Test
    void anImportThatNeverFinishedIsNotKept() throws Exception {
        KeycloakDatabase database = new KeycloakDatabase(options(true));
        database.prepareForStart();
        keycloakWrote(database);
        // no realmImported(): Keycloak died, or never answered, before the realm was there

        assertThat(database.prepareForStart()).isEqualTo(RealmStart.IMPORT);
        assertThat(holdsWhatKeycloakWrote()).isFalse();
    }

    @Test
    void aDisposableStackStartsAfreshEveryTime() throws Exception {
        KeycloakDatabase database = new KeycloakDatabase(options(false));
        assertThat(database.prepareForStart()).isEqualTo(RealmStart.IMPORT);
        keycloakWrote(database);
        database.realmImported();

        assertThat(database.prepareForStart()).isEqualTo(RealmStart.IMPORT);
        assertThat(holdsWhatKeycloakWrote()).isFalse();
        keycloakWrote(database);
        database.realmImported();
        Files.writeString(realm(), "{\"realm\":\"parley\",\"displayName\":\"changed\"}");
        assertThat(database.prepareForStart())
                .as("a changed file, never applied")
                .isEqualTo(RealmStart.IMPORT);
        assertThat(holdsWhatKeycloakWrote()).isFalse();
    }

    @Test
    void keycloaksRoleOwnsItsDatabaseAloneAndProvesItsPassword() throws Exception {
        KeycloakDatabase database = new KeycloakDatabase(options(true));
        database.prepareForStart();
        Path passwordFile = state.resolve("keycloak").resolve("postgres-password");
        assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PostgresPassword.OWNER_ONLY);
        assertThat(database.password())
                .isEqualTo(Files.readString(passwordFile).trim())
                .isNotEqualTo(
                        Files.readString(state.resolve("postgres-password")).trim());
        try (Connection superuser = superuser("postgres");
                Statement statement = superuser.createStatement();
                ResultSet rows = statement.executeQuery("SELECT r.rolsuper, r.rolcreatedb, r.rolcreaterole,"
                        + " pg_get_userbyid(d.datdba) FROM pg_roles r, pg_database d"
                        + " WHERE r.rolname = 'keycloak' AND d.datname = 'keycloak'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean(1)).as("superuser").isFalse();
            assertThat(rows.getBoolean(2)).as("may create databases").isFalse();
            assertThat(rows.getBoolean(3)).as("may create roles").isFalse();
            assertThat(rows.getString(4)).as("the database's owner").isEqualTo("keycloak");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(
                                database.jdbcUrl(), KeycloakDatabase.ROLE, database.password() + "x")
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgresPort + "/keycloak");
    }

    @Test
    void theH2FileOfEarlierStacksIsDeleted() throws Exception {
        Path former = state.resolve("keycloak").resolve("database");
        Files.createDirectories(
                former, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path hashes = Files.writeString(former.resolve("keycloakdb.mv.db"), "users' password hashes");

        new KeycloakDatabase(options(true)).prepareForStart();

        assertThat(hashes).doesNotExist();
        assertThat(former).doesNotExist();
    }
}
