package org.parley.cases.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.parley.cases.support.CasesTestResource;
import org.parley.policy.Role;
import org.parley.policy.Viewer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: every connection of the pool's floor has planned, before the service was ready, the statements real
 * readers' first pages run; so a burst that reaches a connection for the first time does not plan inside a request.
 * PostgreSQL's own view of each session's prepared statements ({@code pg_prepared_statements}) is the witness.
 */
@QuarkusTest
class WarmConnectionsTest {

    static final Class<?> STACK = CasesTestResource.class;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.min-size")
    int floor;

    @Test
    void everyConnectionOfTheFloorHasPlannedWhatRealReadersRun() throws SQLException {
        ListQuery list = ListQuery.firstPage(null, ListQuery.DEFAULT_LIMIT);
        ListQuery search = ListQuery.firstPage("acuerdo de paz", ListQuery.DEFAULT_LIMIT);
        // Real readers: who they are and what they search for differ from the made-up ones; their statements must not.
        Viewer member = Viewer.signedIn("3f0c7c1e-member", "ifit", Set.of(Role.STAFF));
        Viewer partner = Viewer.signedIn("9a1d-partner", "oas", Set.of(Role.PARTNER));
        List<VisibleCases.Statement> realReaders = List.of(
                VisibleCases.listPage(member, list, false, VisibleCases.TextMatch.COLLECTED),
                VisibleCases.listPage(member, search, false, VisibleCases.TextMatch.PER_CASE),
                VisibleCases.listPage(member, search, false, VisibleCases.TextMatch.COLLECTED),
                VisibleCases.teamSummary(member, search),
                VisibleCases.organisationSummary(partner, list),
                VisibleCases.listPage(partner, search, false, VisibleCases.TextMatch.COLLECTED),
                VisibleCases.listPage(Viewer.anonymous(), list, false, VisibleCases.TextMatch.COLLECTED),
                VisibleCases.registerSummary(search));

        assertThat(floor).as("the pool keeps a floor of connections").isGreaterThan(1);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < floor; i++) {
                held.add(dataSource.getConnection());
            }
            Set<Integer> sessions = new HashSet<>();
            for (Connection connection : held) {
                sessions.add(backend(connection));
                Set<String> planned = plannedGenerically(connection);
                for (VisibleCases.Statement statement : realReaders) {
                    assertThat(planned)
                            .as("a connection has planned a real reader's statement before its first use")
                            .contains(asServerText(statement.sql()));
                }
            }
            assertThat(sessions)
                    .as("each held connection is a session of its own")
                    .hasSize(floor);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void theMadeUpReadersNameNobodyAndCoverEveryStatementShapeOnce() {
        List<VisibleCases.Statement> statements = WarmConnections.statements();
        assertThat(statements.stream().map(VisibleCases.Statement::sql).distinct())
                .hasSize(statements.size());
        assertThat(WarmConnections.readers())
                .allMatch(reader -> reader.isAnonymous() || WarmConnections.NOBODY.equals(reader.subject()));
    }

    private static int backend(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT pg_backend_pid()");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The session's prepared statements that have run with a generic plan, as the server holds their text. */
    private static Set<String> plannedGenerically(Connection connection) throws SQLException {
        Set<String> texts = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT statement FROM pg_prepared_statements WHERE generic_plans > 0");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        }
        return texts;
    }

    /** pgjdbc sends {@code ?} as {@code $1, $2, …} (the visibility statements hold no other question mark). */
    private static String asServerText(String sql) {
        StringBuilder text = new StringBuilder();
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                text.append('$').append(++parameter);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
