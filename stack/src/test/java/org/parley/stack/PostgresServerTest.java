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
import java.time.Duration;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local PostgreSQL asks every connection for the generated password and, by default, syncs every commit. */
class PostgresServerTest {

    @TempDir
    Path state;

    @Test
    void aNewStackAsksForThePasswordAndKeepsCommitsThroughACrash() throws Exception {
        StackOptions options = options();
        PostgresServer server = new PostgresServer(options);
        try {
            server.start();
            String password = Files.readString(options.postgresPasswordFile()).trim();

            assertThat(Files.getPosixFilePermissions(options.postgresPasswordFile()))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertRefusedWithout(password, options.postgresPort());
            try (Connection connection = connect(options.postgresPort(), password)) {
                assertThat(setting(connection, "fsync")).isEqualTo("on");
                assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
                assertThat(setting(connection, "password_encryption")).isEqualTo("scram-sha-256");
            }
            assertThat(Files.readString(state.resolve("postgres/data/pg_hba.conf")))
                    .isEqualTo(PostgresServer.PG_HBA)
                    .doesNotContain("trust")
                    .doesNotContain("peer");
        } finally {
            server.stop();
        }

        // A second start keeps the same password and still asks for it.
        PostgresServer again = new PostgresServer(options);
        try {
            again.start();
            String password = Files.readString(options.postgresPasswordFile()).trim();
            assertRefusedWithout(password, options.postgresPort());
            try (Connection connection = connect(options.postgresPort(), password)) {
                assertThat(setting(connection, "fsync")).isEqualTo("on");
            }
        } finally {
            again.stop();
        }
    }

    @Test
    void aDataDirectoryFromBeforePasswordsIsMigratedAtStart() throws Exception {
        StackOptions options = options();
        // What earlier stacks made: zonky's initdb -A trust, no password at all.
        Path baseDir = state.resolve("postgres");
        Files.createDirectories(baseDir.resolve("scratch"));
        System.setProperty("ot.epg.working-dir", baseDir.resolve("scratch").toString());
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(baseDir.toFile())
                .setDataDirectory(baseDir.resolve("data"))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(options.postgresPort())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofSeconds(120))
                .start()) {
            try (Connection trusted = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + options.postgresPort() + "/postgres", "postgres", "anything")) {
                assertThat(trusted.isValid(5))
                        .as("the old directory trusted every local connection")
                        .isTrue();
            }
        }
        // A password file with wider permissions than it should have is narrowed, not replaced.
        Files.writeString(options.postgresPasswordFile(), "an-older-generated-password-0123456789");
        Files.setPosixFilePermissions(options.postgresPasswordFile(), PosixFilePermissions.fromString("rw-r--r--"));

        PostgresServer server = new PostgresServer(options);
        try {
            server.start();

            assertThat(Files.getPosixFilePermissions(options.postgresPasswordFile()))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String password = Files.readString(options.postgresPasswordFile()).trim();
            assertThat(password).isEqualTo("an-older-generated-password-0123456789");
            assertRefusedWithout(password, options.postgresPort());
            try (Connection connection = connect(options.postgresPort(), password)) {
                assertThat(connection.isValid(5)).isTrue();
                assertThat(setting(connection, "fsync")).isEqualTo("on");
            }
            assertThat(Files.readString(baseDir.resolve("data/pg_hba.conf"))).isEqualTo(PostgresServer.PG_HBA);
        } finally {
            server.stop();
        }
    }

    private StackOptions options() throws IOException {
        StackOptions options = StackOptions.parse(
                new String[] {"start", "--state", state.toString(), "--pg-port", Integer.toString(LocalPorts.free())});
        Files.createDirectories(options.logsDir());
        return options;
    }

    private static void assertRefusedWithout(String password, int port) {
        assertThatThrownBy(() -> connect(port, null).close()).as("no password").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(port, "postgres").close())
                .as("the password tests used to send")
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> connect(port, password + "x").close())
                .as("a wrong password")
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
