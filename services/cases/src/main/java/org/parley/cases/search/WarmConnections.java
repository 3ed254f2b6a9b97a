package org.parley.cases.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.parley.policy.Role;
import org.parley.policy.SecrecySql;
import org.parley.policy.Viewer;

/**
 * Opens the pool's connections at start and plans, on each, the statements of a first page of a list and of a search
 * for every kind of reader, before the service reports ready.
 *
 * <p>Why: PostgreSQL parses and plans a statement once per connection; for the visibility statements that took 35–40
 * ms to parse and 80–125 ms to plan on the bench's saturated machine (1–3 ms to plan when it is idle). A connection a
 * burst reached for the first time paid that inside a request and stalled the requests queued behind it (bench run of
 * 2026-12-05 02:52: the member's 10 % search at 10,000 cases, p99 81 ms against 36 ms for the same SQL over JDBC, the
 * one figure in which the service opened a connection). A statement's text depends on which parts of the secrecy
 * rules can apply to the reader ({@link SecrecySql#abovePublic}, decided by roles alone), never on who they are or what
 * they search for, so a made-up reader of each set of roles plans exactly the statements real readers with those roles
 * run. The made-up readers are on no team and in no organisation: the statements find no case of theirs, and nothing
 * is written. PostgreSQL still plans a statement again after an ANALYZE of a table it reads, at its next use.
 */
@ApplicationScoped
public class WarmConnections {

    private static final Logger LOG = Logger.getLogger(WarmConnections.class);

    /** The made-up reader's subject and organisation: no token can carry them (Keycloak subjects are UUIDs). */
    static final String NOBODY = "parley:warm-up";

    private final DataSource dataSource;
    private final int connections;

    /** The server processes of the sessions warmed at start (PostgreSQL's {@code pg_backend_pid()}). */
    private volatile Set<Integer> warmed = Set.of();

    @Inject
    public WarmConnections(
            DataSource dataSource, @ConfigProperty(name = "quarkus.datasource.jdbc.min-size") int connections) {
        this.dataSource = dataSource;
        this.connections = connections;
    }

    void atStart(@Observes StartupEvent start) {
        long started = System.nanoTime();
        List<VisibleCases.Statement> statements = statements();
        try {
            warm(statements);
        } catch (SQLException e) {
            // Not a reason to refuse to start: a cold connection is slower, not wrong. The SQL state alone: the
            // message could quote a statement.
            LOG.warnf(
                    "Connections not warmed (SQL state %s); they plan their statements on first use", e.getSQLState());
            return;
        }
        LOG.infof(
                "Warmed %d database connections with %d statements each in %d ms",
                connections, statements.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The server processes of the sessions warmed at start: which connections a check of the warm-up must find. */
    public Set<Integer> warmedSessions() {
        return warmed;
    }

    /** Holds {@link #connections} connections at once, so each is a different one, and runs the statements on each. */
    private void warm(List<VisibleCases.Statement> statements) throws SQLException {
        List<Connection> held = new ArrayList<>(connections);
        Set<Integer> sessions = new HashSet<>();
        try {
            for (int i = 0; i < connections; i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection connection : held) {
                run(connection, statements);
                sessions.add(backend(connection));
            }
            warmed = Set.copyOf(sessions);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    /** The connection's server process ({@code pg_backend_pid()}). */
    public static int backend(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT pg_backend_pid()");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Runs the statements as every request does ({@link CaseSearch#runOn}), to the end, then rolls back. */
    private static void run(Connection connection, List<VisibleCases.Statement> statements) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (VisibleCases.Statement statement : statements) {
                // Read to the end: the plan is made at the first execution, which this completes.
                CaseSearch.runOn(connection, statement, rows -> {
                    while (rows.next()) {
                        // nothing kept
                    }
                    return null;
                });
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * The distinct statements {@link CaseSearch#list} runs for a first page, with and without a text, for a made-up
     * reader of every set of roles and for the anonymous reader ({@link #readers}): the page, the organisation's and
     * the team's corrections, the team's own page, and the register's total and facets.
     */
    static List<VisibleCases.Statement> statements() {
        ListQuery list = ListQuery.firstPage(null, ListQuery.DEFAULT_LIMIT);
        ListQuery search = ListQuery.firstPage("warm", ListQuery.DEFAULT_LIMIT);
        // By text: readers of different roles often run the same statement, which is planned once.
        Map<String, VisibleCases.Statement> distinct = new LinkedHashMap<>();
        List<VisibleCases.Statement> statements = new ArrayList<>();
        statements.add(VisibleCases.listingInstant(Viewer.anonymous()));
        for (ListQuery query : List.of(list, search)) {
            statements.add(VisibleCases.registerSummary(query));
            for (Viewer reader : readers()) {
                statements.add(VisibleCases.listPage(reader, query, false, VisibleCases.TextMatch.COLLECTED));
                if (query.text() != null) {
                    statements.add(VisibleCases.listPage(reader, query, false, VisibleCases.TextMatch.PER_CASE));
                }
                if (VisibleCases.hasOrganisationPart(reader)) {
                    statements.add(VisibleCases.organisationSummary(reader, query));
                }
                if (VisibleCases.hasTeamPart(reader)) {
                    statements.add(VisibleCases.teamSummary(reader, query));
                    statements.add(VisibleCases.listPage(reader, query, true));
                }
            }
        }
        statements.forEach(statement -> distinct.putIfAbsent(statement.sql(), statement));
        return List.copyOf(distinct.values());
    }

    /** The anonymous reader and a made-up signed-in reader of each set of roles, the empty set included. */
    static List<Viewer> readers() {
        List<Viewer> readers = new ArrayList<>();
        readers.add(Viewer.anonymous());
        Role[] roles = Role.values();
        for (int mask = 0; mask < 1 << roles.length; mask++) {
            Set<Role> subset = EnumSet.noneOf(Role.class);
            for (int i = 0; i < roles.length; i++) {
                if ((mask & 1 << i) != 0) {
                    subset.add(roles[i]);
                }
            }
            readers.add(Viewer.signedIn(NOBODY, NOBODY, subset));
        }
        return readers;
    }
}
