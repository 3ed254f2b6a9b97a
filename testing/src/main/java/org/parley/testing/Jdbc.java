package org.parley.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Plain JDBC connections to the shared stack's PostgreSQL, for tests that look at raw rows. */
public final class Jdbc {

    private Jdbc() {}

    /** A connection to any database of the shared stack, e.g. {@code connect("cases_test")}. Close it. */
    public static Connection connect(String database) throws SQLException {
        return connect(SharedStack.get(), database);
    }

    /** A connection to a service's test database: {@code connectToTestDatabase("cases")} → cases_test. */
    public static Connection connectToTestDatabase(String database) throws SQLException {
        return connect(ParleyStackResource.testDatabase(database));
    }

    static Connection connect(StackInfo stack, String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), StackInfo.POSTGRES_USER, stack.postgresPassword());
    }
}
