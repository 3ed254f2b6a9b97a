package org.parley.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.parley.cases.api.CaseListFilters;
import org.parley.cases.search.CaseSearch;
import org.parley.cases.search.ListQuery;
import org.parley.cases.search.VisibleCases;
import org.parley.policy.Viewer;

/**
 * The one place the bench runs the cases service's own list SQL over JDBC (the baseline of items 1 and 7, the
 * cross-check against HTTP, the naive baseline's opponent and the EXPLAIN). When the service's list changes, rewire
 * {@link #statements} (what the service runs for a list, in order) and, if their rows change shape, {@link #list}.
 */
final class ServiceSql {

    private ServiceSql() {}

    /** The register's summaries kept as the service keeps them: per filters, with their register version. */
    private static final Map<ListQuery, Summary> REGISTER = new ConcurrentHashMap<>();

    /**
     * Corrections kept as the service keeps them: an organisation's per organisation, roles and filters, a reader's
     * team's per reader and filters, each with its listing version and the instant it stops holding.
     */
    private static final Map<List<Object>, Correction> CORRECTIONS = new ConcurrentHashMap<>();

    /** A total and facets (named and coded keys alike) at its version (the register's or the listing one). */
    private record Summary(long version, long total, Map<String, Map<String, Long>> facets) {}

    /** Corrections ({@link VisibleCases#organisationSummary}, {@link VisibleCases#teamSummary}). */
    private record Correction(long version, Instant validUntil, Summary seen, Summary seenAsPublic) {

        boolean holdsAt(long at, Instant now) {
            return version == at && (validUntil == null || now.isBefore(validUntil));
        }
    }

    /**
     * The list as the service runs it ({@code CaseSearch.list}): in a transaction, after the service's plan setting,
     * the page ({@link VisibleCases#listPage}), every column of every row read, and the register's summary ({@link
     * VisibleCases#registerSummary}), the viewer's organisation's corrections ({@link VisibleCases#organisationSummary})
     * and their team's ({@link VisibleCases#teamSummary}) only when none is kept that holds at the page's listing
     * version (the organisation's, the reader's) and instant, as {@code RegisterAnswers} does; the answer is the register's plus the corrections.
     */
    static ListAnswer list(Connection db, Viewer viewer, String query) throws SQLException {
        ListQuery parsed = serviceQuery(query);
        db.setAutoCommit(false);
        try {
            if (ListBench.PLAN_SETTING != null) {
                try (java.sql.Statement setting = db.createStatement()) {
                    setting.execute(ListBench.PLAN_SETTING);
                }
            }
            Long version = null;
            long organisationVersion = 0;
            long registerVersion = 0;
            Instant readAt = null;
            List<UUID> page = new ArrayList<>();
            try (PreparedStatement prepared = VisibleCases.listPage(viewer, parsed, false, textMatch(viewer, parsed))
                            .prepare(db);
                    ResultSet rows = prepared.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int c = 1; c <= columns; c++) {
                        rows.getObject(c);
                    }
                    if (version == null) {
                        // Every row repeats the version and instant (and a summary that is empty here): read once.
                        version = rows.getLong(1);
                        ListAnswer.facetsOfStatement(rows.getString(3));
                        readAt = rows.getObject(4, OffsetDateTime.class).toInstant();
                        // The last two columns: the organisation's listing version, the register version.
                        organisationVersion = rows.getLong(columns - 1);
                        registerVersion = rows.getLong(columns);
                    }
                    UUID id = rows.getObject(5, UUID.class);
                    if (id != null && page.size() < BenchQuery.LIMIT) {
                        page.add(id);
                    }
                }
            }
            Summary register = REGISTER.get(parsed.filters());
            // The register's summary goes by the register version, the organisation's corrections by its organisation's
            // listing version and the team's by the reader's (cases migration V117).
            if (register == null || register.version() != registerVersion) {
                try (PreparedStatement prepared =
                                VisibleCases.registerSummary(parsed).prepare(db);
                        ResultSet rows = prepared.executeQuery()) {
                    rows.next();
                    register = new Summary(
                            rows.getLong(1), rows.getLong(2), ListAnswer.facetsOfStatement(rows.getString(3)));
                }
                REGISTER.put(parsed.filters(), register);
            }
            List<Correction> corrections = new ArrayList<>();
            if (VisibleCases.hasOrganisationPart(viewer)) {
                corrections.add(kept(
                        db,
                        CaseSearch.organisationKey(viewer, parsed),
                        VisibleCases.organisationSummary(viewer, parsed),
                        organisationVersion,
                        readAt));
            }
            if (VisibleCases.hasTeamPart(viewer)) {
                corrections.add(kept(
                        db,
                        CaseSearch.teamKey(viewer, parsed),
                        VisibleCases.teamSummary(viewer, parsed),
                        version,
                        readAt));
            }
            db.commit();
            Map<String, Map<String, Long>> facets = new TreeMap<>();
            add(facets, register.facets(), 1);
            long total = register.total();
            for (Correction correction : corrections) {
                add(facets, correction.seen().facets(), 1);
                add(facets, correction.seenAsPublic().facets(), -1);
                total += correction.seen().total() - correction.seenAsPublic().total();
            }
            return new ListAnswer(total, facets, page);
        } catch (SQLException | IOException | RuntimeException e) {
            db.rollback();
            throw e instanceof SQLException sql ? sql : new SQLException("the list statements failed", e);
        } finally {
            db.setAutoCommit(true);
        }
    }

    /**
     * How the page finds a text query's matches, chosen as the service chooses ({@code CaseSearch.textMatch}): from the
     * register's kept totals for the query with and without its text and the reader's kept corrections without it, at
     * whatever version they were kept.
     */
    private static VisibleCases.TextMatch textMatch(Viewer viewer, ListQuery parsed) {
        if (parsed.text() == null) {
            return VisibleCases.TextMatch.COLLECTED;
        }
        ListQuery searched = parsed.withoutText();
        Summary matches = REGISTER.get(parsed.filters());
        Summary cases = REGISTER.get(searched.filters());
        Long readers = 0L;
        if (VisibleCases.hasOrganisationPart(viewer)) {
            readers = plusSeen(readers, CORRECTIONS.get(CaseSearch.organisationKey(viewer, searched)));
        }
        if (VisibleCases.hasTeamPart(viewer)) {
            readers = plusSeen(readers, CORRECTIONS.get(CaseSearch.teamKey(viewer, searched)));
        }
        return VisibleCases.TextMatch.forPage(
                matches == null ? null : matches.total(),
                cases == null ? null : cases.total(),
                readers,
                parsed.limit());
    }

    private static Long plusSeen(Long count, Correction kept) {
        return count == null || kept == null ? null : count + kept.seen().total();
    }

    /** The corrections kept under {@code key} if they hold at the page's version and instant, else computed and kept. */
    private static Correction kept(
            Connection db, List<Object> key, VisibleCases.Statement statement, long version, Instant readAt)
            throws SQLException, IOException {
        Correction kept = CORRECTIONS.get(key);
        if (kept == null || !kept.holdsAt(version, readAt)) {
            kept = correction(db, statement);
            CORRECTIONS.put(key, kept);
        }
        return kept;
    }

    private static Correction correction(Connection db, VisibleCases.Statement statement)
            throws SQLException, IOException {
        try (PreparedStatement prepared = statement.prepare(db);
                ResultSet rows = prepared.executeQuery()) {
            rows.next();
            long version = rows.getLong(1);
            OffsetDateTime until = rows.getObject(2, OffsetDateTime.class);
            return new Correction(
                    version,
                    until == null ? null : until.toInstant(),
                    new Summary(version, rows.getLong(3), ListAnswer.facetsOfStatement(rows.getString(4))),
                    new Summary(version, rows.getLong(5), ListAnswer.facetsOfStatement(rows.getString(6))));
        }
    }

    private static void add(Map<String, Map<String, Long>> sum, Map<String, Map<String, Long>> counts, int sign) {
        counts.forEach((facet, values) -> values.forEach((value, count) -> {
            Map<String, Long> into = sum.computeIfAbsent(facet, f -> new TreeMap<>());
            into.merge(value, sign * count, Long::sum);
            if (into.get(value) == 0) {
                into.remove(value);
            }
            if (into.isEmpty()) {
                sum.remove(facet);
            }
        }));
    }

    /**
     * The statements of {@link #list}: the page, the register's summary, the organisation's and the team's corrections
     * (each when its version moved).
     */
    static List<VisibleCases.Statement> statements(Viewer viewer, String query) {
        ListQuery parsed = serviceQuery(query);
        List<VisibleCases.Statement> statements = new ArrayList<>(List.of(
                VisibleCases.listPage(viewer, parsed, false, textMatch(viewer, parsed)),
                VisibleCases.registerSummary(parsed)));
        if (VisibleCases.hasOrganisationPart(viewer)) {
            statements.add(VisibleCases.organisationSummary(viewer, parsed));
        }
        if (VisibleCases.hasTeamPart(viewer)) {
            statements.add(VisibleCases.teamSummary(viewer, parsed));
        }
        return statements;
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of the generic plan of each statement {@link #list} runs, one after the other. */
    static String explain(Connection db, Viewer viewer, String query) throws SQLException {
        StringBuilder plans = new StringBuilder();
        for (VisibleCases.Statement statement : statements(viewer, query)) {
            plans.append(GenericPlan.explain(db, statement.sql(), statement.parameters()));
        }
        return plans.toString();
    }

    /** The service's own parsing of a bench query string ({@link BenchQuery}). */
    static ListQuery serviceQuery(String query) {
        BenchQuery parsed = BenchQuery.parse(query);
        return ListQuery.parse(new CaseListFilters(
                parsed.text(),
                parsed.country() == null ? null : List.of(parsed.country()),
                parsed.status() == null ? null : List.of(parsed.status()),
                parsed.tier() == null ? null : List.of(parsed.tier()),
                null,
                null,
                null,
                null,
                null,
                Integer.toString(BenchQuery.LIMIT)));
    }
}
