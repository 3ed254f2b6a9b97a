package org.parley.cases.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
import static org.awaitility.Awaitility.await;

/**
 * Issue 18: every connection of the pool's floor has planned, before the service was ready, the statements real
 * readers' first pages run; so a burst that reaches a connection for the first time does not plan inside a request.
 * PostgreSQL's own view of each session's prepared statements ({@code pg_prepared_statements}) is the witness.
 */
@QuarkusTest
class WarmConnectionsTest {

    static final Class<?> STACK = CasesTestResource.class;

    /** How many connections beyond the floor a check may hold while others are busy. */
    private static final int EXTRA = 5;

    @Inject
    DataSource dataSource;

    @Inject
    WarmConnections warmConnections;

    @ConfigProperty(name = "quarkus.datasource.jdbc.min-size")
    int floor;

    @Test
    void everyConnectionOfTheFloorHasPlannedWhatRealReadersRun() {
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

        Set<Integer> warmed = warmConnections.warmedSessions();
        assertThat(warmed)
                .as("the warm-up held the floor's connections, each a session of its own")
                .hasSize(floor);
        // Another part of the service (the outbox relay, the policy consumer) may hold one of them a moment: then the
        // pool lends another, and the check looks again until it has held every warmed session.
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            List<Connection> held = new ArrayList<>();
            try {
                Set<Integer> checked = new HashSet<>();
                while (checked.size() < warmed.size() && held.size() < floor + EXTRA) {
                    Connection connection = dataSource.getConnection();
                    held.add(connection);
                    int session = WarmConnections.backend(connection);
                    if (!warmed.contains(session)) {
                        continue;
                    }
                    Set<String> planned = plannedGenerically(connection);
                    for (VisibleCases.Statement statement : realReaders) {
                        assertThat(planned)
                                .as("a connection has planned a real reader's statement before its first use")
                                .contains(asServerText(statement.sql()));
                    }
                    checked.add(session);
                }
                assertThat(checked).as("every warmed session was checked").isEqualTo(warmed);
            } finally {
                for (Connection connection : held) {
                    connection.close();
                }
            }
        });
    }

    @Test
    void theMadeUpReadersNameNobodyAndCoverEveryStatementShapeOnce() {
        List<VisibleCases.Statement> statements = WarmConnections.statements();
        assertThat(statements.stream().map(VisibleCases.Statement::sql).distinct())
                .hasSize(statements.size());
        assertThat(WarmConnections.readers())
                .allMatch(reader -> reader.isAnonymous() || WarmConnections.NOBODY.equals(reader.subject()));
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
