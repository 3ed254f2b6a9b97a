package org.parley.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test at the shared stack. Use with
 * {@code @QuarkusTestResource(value = ParleyStackResource.class, initArgs = @ResourceArg(name = "database",
 * value = "cases"))}: each start gives the service an empty database {@code cases_test}.
 */
public class ParleyStackResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private String database;

    /** The test database of a service: {@code cases} → {@code cases_test}. */
    public static String testDatabase(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        return database + "_test";
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE_ARG);
        if (database != null) {
            testDatabase(database); // fail at init on a bad name
        }
    }

    @Override
    public Map<String, String> start() {
        StackInfo stack = SharedStack.get();
        Map<String, String> config = new HashMap<>();
        if (database != null) {
            String testDatabase = testDatabase(database);
            recreate(stack, testDatabase);
            config.put("quarkus.datasource.jdbc.url", stack.jdbcUrl(testDatabase));
            config.put("quarkus.datasource.username", StackInfo.POSTGRES_USER);
            config.put("quarkus.datasource.password", stack.postgresPassword());
        }
        config.put("kafka.bootstrap.servers", stack.kafkaBootstrap());
        config.put("quarkus.oidc.auth-server-url", stack.realmUrl());
        // Lets a test run tell its own Kafka records and consumer groups from those of earlier runs.
        config.put("parley.test-run-id", UUID.randomUUID().toString());
        return config;
    }

    @Override
    public void stop() {
        // The stack is shared by every test class and module of the run; it stops with the Maven process.
    }

    /** Drops and creates the database, ending the connections a previous test application left open. */
    static void recreate(StackInfo stack, String testDatabase) {
        try (Connection admin = Jdbc.connect(stack, "postgres")) {
            try (PreparedStatement terminate =
                    admin.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
                terminate.setString(1, testDatabase);
                terminate.execute();
            }
            try (Statement ddl = admin.createStatement()) {
                // The name is checked against DATABASE_NAME, so it is safe to put into the statement.
                ddl.execute("DROP DATABASE IF EXISTS " + testDatabase + " WITH (FORCE)");
                ddl.execute("CREATE DATABASE " + testDatabase);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not recreate database " + testDatabase + ": " + e.getMessage(), e);
        }
    }
}
