package org.parley.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When Keycloak's database is kept from one start to the next, and when it is made afresh. */
class KeycloakDatabaseTest {

    @TempDir
    Path state;

    private Path realm() throws IOException {
        Path realm = state.resolve("realm.json");
        if (!Files.exists(realm)) {
            Files.writeString(realm, "{\"realm\":\"parley\"}");
        }
        return realm;
    }

    private Path folder() {
        return state.resolve("keycloak").resolve("database");
    }

    /** What Keycloak would have written into the folder while it ran. */
    private Path keycloakWrote() throws IOException {
        return Files.writeString(folder().resolve("keycloakdb.mv.db"), "realm rows");
    }

    @Test
    void aDurableStackKeepsTheDatabaseOfTheRealmItImported() throws IOException {
        KeycloakDatabase database = new KeycloakDatabase(folder(), realm(), true);
        assertThat(database.prepareForStart()).as("first start imports").isTrue();
        assertThat(Files.getPosixFilePermissions(folder())).isEqualTo(KeycloakDatabase.OWNER_ONLY);
        Path data = keycloakWrote();
        database.realmImported();

        Files.setPosixFilePermissions(folder(), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(database.prepareForStart()).as("second start imports").isFalse();
        assertThat(data).hasContent("realm rows");
        assertThat(Files.getPosixFilePermissions(folder()))
                .as("a folder someone widened is the owner's alone again")
                .isEqualTo(KeycloakDatabase.OWNER_ONLY);
        assertThat(new KeycloakDatabase(folder(), realm(), true).prepareForStart())
                .as("a new stack process on the same state")
                .isFalse();
        assertThat(data).exists();
    }

    @Test
    void aChangedRealmFileMakesTheDatabaseAfresh() throws IOException {
        KeycloakDatabase database = new KeycloakDatabase(folder(), realm(), true);
        database.prepareForStart();
        Path data = keycloakWrote();
        database.realmImported();

        Files.writeString(realm(), "{\"realm\":\"parley\",\"displayName\":\"changed\"}");
        assertThat(database.prepareForStart()).isTrue();
        assertThat(data).doesNotExist();
        assertThat(folder()).isEmptyDirectory();
    }

    @Test
    void aRealmFileEditedWhileKeycloakStartedIsImportedAtTheNextStart() throws IOException {
        KeycloakDatabase database = new KeycloakDatabase(folder(), realm(), true);
        database.prepareForStart();
        keycloakWrote();
        Files.writeString(realm(), "{\"realm\":\"parley\",\"displayName\":\"edited during the start\"}");
        database.realmImported(); // of the file as it was when the start was prepared

        assertThat(database.prepareForStart()).isTrue();
    }

    @Test
    void anImportThatNeverFinishedIsNotKept() throws IOException {
        KeycloakDatabase database = new KeycloakDatabase(folder(), realm(), true);
        database.prepareForStart();
        Path data = keycloakWrote();
        // no realmImported(): Keycloak died, or never answered, before the realm was there

        assertThat(database.prepareForStart()).isTrue();
        assertThat(data).doesNotExist();
    }

    @Test
    void aDisposableStackStartsAfreshEveryTime() throws IOException {
        KeycloakDatabase database = new KeycloakDatabase(folder(), realm(), false);
        assertThat(database.prepareForStart()).isTrue();
        Path data = keycloakWrote();
        database.realmImported();

        assertThat(database.prepareForStart()).isTrue();
        assertThat(data).doesNotExist();
    }

    @Test
    void theUrlPointsIntoTheFolderAndAFolderH2WouldMisreadIsRefused() throws IOException {
        assertThat(new KeycloakDatabase(folder(), realm(), true).jdbcUrl())
                .startsWith("jdbc:h2:file:" + folder().resolve("keycloakdb") + ";");
        assertThatThrownBy(() -> new KeycloakDatabase(state.resolve("a;b"), realm(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
