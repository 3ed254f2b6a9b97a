package org.parley.cases.search;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hibernate.Session;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseView;
import org.parley.cases.audit.CaseAudit;
import org.parley.cases.casefile.CaseDocuments;
import org.parley.cases.casefile.CaseViews;
import org.parley.cases.casefile.StoredCase;
import org.parley.gate.CaseGate;
import org.parley.policy.Section;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;

/** Lists and searches cases through {@link VisibleCases}; each returned restricted section is audited. */
@ApplicationScoped
public class CaseSearch {

    private static final TypeReference<Map<String, Map<String, Long>>> FACETS = new TypeReference<>() {};

    /** The member of the statement's facets that holds every coded facet, by codebook key. */
    private static final String CODED = "coded";

    private final EntityManager entityManager;
    private final CaseGate access;
    private final CaseAudit audit;
    private final CaseDocuments documents;
    private final RegisterAnswers registerAnswers;

    @Inject
    public CaseSearch(
            EntityManager entityManager,
            CaseGate access,
            CaseAudit audit,
            CaseDocuments documents,
            RegisterAnswers registerAnswers) {
        this.entityManager = entityManager;
        this.access = access;
        this.audit = audit;
        this.documents = documents;
        this.registerAnswers = registerAnswers;
    }

    /**
     * A page of the cases the viewer may know exist. While the policy projection is stale, nobody gets a listing
     * (503): no stale membership or grant is trusted, and an incomplete answer could not be told from a full one.
     */
    @Transactional
    public CaseList list(Viewer viewer, ListQuery query) {
        return list(viewer, query, false);
    }

    /** As {@link #list(Viewer, ListQuery)}; with {@code mine}, only cases whose team the viewer is on. */
    @Transactional
    public CaseList list(Viewer viewer, ListQuery query, boolean mine) {
        if (access.isStale()) {
            throw access.stale();
        }
        if (mine) {
            // Only the viewer's team cases: the register takes no part.
            Page page = run(VisibleCases.listPage(viewer, query, true), CaseSearch::readPage);
            return answer(viewer, query, page, page.mine());
        }
        List<RegisterAnswers.Kept<Correction>> corrections = new ArrayList<>(2);
        if (VisibleCases.hasOrganisationPart(viewer)) {
            corrections.add(new RegisterAnswers.Kept<>(
                    organisationKey(viewer, query),
                    true,
                    () -> correction(VisibleCases.organisationSummary(viewer, query))));
        }
        if (VisibleCases.hasTeamPart(viewer)) {
            corrections.add(new RegisterAnswers.Kept<>(
                    teamKey(viewer, query), false, () -> correction(VisibleCases.teamSummary(viewer, query))));
        }
        CaseList kept = registerReadersAnswer(viewer, query, corrections);
        if (kept != null) {
            return kept;
        }
        Page[] read = new Page[1];
        boolean[] registerAlone = new boolean[1];
        Summary summary = registerAnswers.answer(
                summaryKey(query),
                () -> read[0] = run(
                        VisibleCases.listPage(viewer, query, false, textMatch(viewer, query)), CaseSearch::readPage),
                () -> registerSummary(query),
                corrections,
                (part, register, held) -> {
                    registerAlone[0] = held.stream().allMatch(Correction::seesTheRegisterAlone);
                    Summary answer = register;
                    for (Correction correction : held) {
                        answer = answer.plus(correction.seen()).minus(correction.seenAsPublic());
                    }
                    return answer;
                });
        Page page = read[0];
        CaseList answer = answer(viewer, query, page, summary);
        if (registerAlone[0]) {
            registerAnswers.keepWholeAnswer(
                    wholeAnswerKey(query),
                    new RegisterAnswers.WholeAnswer<>(page.registerVersion(), answer, weight(page)));
        }
        return answer;
    }

    /** The page's rows as the API's list, each restricted section returned audited. */
    private CaseList answer(Viewer viewer, ListQuery query, Page page, Summary summary) {
        List<CaseView> items = new ArrayList<>();
        List<CaseAudit.Read> reads = new ArrayList<>();
        String nextCursor = null;
        for (int i = 0; i < page.rows.size(); i++) {
            Row row = page.rows.get(i);
            if (i == query.limit()) {
                Row last = page.rows.get(i - 1);
                nextCursor = new Cursor(last.stored.periodStart(), last.stored.id()).encode();
                break;
            }
            CaseView view = CaseViews.of(row.stored, row.tier, row.released, row.sections, documents);
            reads.add(new CaseAudit.Read(view.id(), row.tier, row.released, CaseViews.sections(view)));
            items.add(view);
        }
        audit.readAll(viewer, reads);
        return new CaseList(List.copyOf(items), summary.total(), ordered(summary.facets()), nextCursor);
    }

    /**
     * The whole answer kept for the query at the register version of this transaction, when the reader sees the
     * register alone for it (no corrections, or every one kept at the listing version, holding now, and counting no
     * case): the same for every such reader, and with nothing to audit, as it returns public sections only. Null
     * otherwise, and when none is kept. Only when an answer is kept at some version and every correction kept at some
     * version counts no case does it read the versions: a reader with cases above the register pays nothing for it. An
     * anonymous reader's answer so stays kept through any write the register does not show.
     */
    private CaseList registerReadersAnswer(
            Viewer viewer, ListQuery query, List<RegisterAnswers.Kept<Correction>> corrections) {
        List<Object> key = wholeAnswerKey(query);
        if (!registerAnswers.keepsWholeAnswer(key)) {
            return null;
        }
        for (RegisterAnswers.Kept<Correction> correction : corrections) {
            Correction any = registerAnswers.anyKept(correction.key(), Correction.class);
            if (any == null || !any.seesTheRegisterAlone()) {
                return null;
            }
        }
        ListingInstant at = listingInstant(viewer);
        for (RegisterAnswers.Kept<Correction> correction : corrections) {
            Correction held =
                    registerAnswers.heldAt(correction.key(), correction.versionIn(at), at.readAt(), Correction.class);
            if (held == null || !held.seesTheRegisterAlone()) {
                return null;
            }
        }
        return registerAnswers.wholeAnswerAt(key, at.registerVersion(), CaseList.class);
    }

    /**
     * The reader's and their organisation's listing versions, the register version and the instant of one statement of
     * the caller's transaction.
     */
    private record ListingInstant(long version, long organisationVersion, long registerVersion, Instant readAt)
            implements RegisterAnswers.Read {}

    private ListingInstant listingInstant(Viewer viewer) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement prepared =
                            VisibleCases.listingInstant(viewer).prepare(connection);
                    ResultSet rows = prepared.executeQuery()) {
                rows.next();
                return new ListingInstant(
                        rows.getLong(1),
                        rows.getLong(2),
                        rows.getLong(3),
                        rows.getObject(4, OffsetDateTime.class).toInstant());
            }
        });
    }

    /** The key of a whole answer among {@link RegisterAnswers}': the query, with its cursor and page length. */
    static List<Object> wholeAnswerKey(ListQuery query) {
        return List.of("whole", query);
    }

    /** About what a kept page holds: 4 bytes per character of its stored text (as CaseDocuments weighs), and a row. */
    private static long weight(Page page) {
        long characters = 0;
        for (Row row : page.rows) {
            StoredCase stored = row.stored;
            characters += 256
                    + length(stored.title())
                    + length(stored.region())
                    + length(stored.context())
                    + length(stored.process())
                    + length(stored.timeline())
                    + length(stored.results());
        }
        return 4 * characters;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /**
     * How the page finds a text query's matches ({@link VisibleCases.TextMatch#forPage}), judged from what is kept for
     * the query with and without its text: the register's totals (public, the same for every reader) and the
     * reader's own corrections (how many cases they see above the register). Neither depends on a case the reader may
     * not know, so the choice (and how long the page takes) tells nothing of one; an estimate from an older version
     * only costs time, since either way gives the same answer. (Package-private: a test asks which way a page would
     * take.)
     */
    VisibleCases.TextMatch textMatch(Viewer viewer, ListQuery query) {
        if (query.text() == null) {
            return VisibleCases.TextMatch.COLLECTED;
        }
        ListQuery searched = query.withoutText();
        Summary matches = registerAnswers.anyKept(summaryKey(query), Summary.class);
        Summary cases = registerAnswers.anyKept(summaryKey(searched), Summary.class);
        Long readers = 0L;
        if (VisibleCases.hasOrganisationPart(viewer)) {
            readers = plusSeen(readers, registerAnswers.anyKept(organisationKey(viewer, searched), Correction.class));
        }
        if (VisibleCases.hasTeamPart(viewer)) {
            readers = plusSeen(readers, registerAnswers.anyKept(teamKey(viewer, searched), Correction.class));
        }
        return VisibleCases.TextMatch.forPage(
                matches == null ? null : matches.total(), cases == null ? null : cases.total(), readers, query.limit());
    }

    /** A count of cases seen above the register plus those of kept corrections; null when either is unknown. */
    private static Long plusSeen(Long count, Correction kept) {
        return count == null || kept == null ? null : count + kept.seen().total();
    }

    /** The key of the register's total and facets for the query's filters among {@link RegisterAnswers}'. */
    public static List<Object> summaryKey(ListQuery query) {
        return List.of("list", query.filters());
    }

    /**
     * The key of an organisation's corrections for the query's filters among {@link RegisterAnswers}': what they
     * depend on ({@link VisibleCases#organisationSummary}), never the reader's subject.
     */
    public static List<Object> organisationKey(Viewer viewer, ListQuery query) {
        return List.of("organisation", viewer.organisation(), Set.copyOf(viewer.roles()), query.filters());
    }

    /**
     * The key of a reader's team's corrections among {@link RegisterAnswers}': they depend on who the reader is
     * ({@link VisibleCases#teamSummary}), so the key names everything a viewer is, and only that reader is served them.
     */
    public static List<Object> teamKey(Viewer viewer, ListQuery query) {
        return List.of("team", viewer.subject(), viewer.organisation(), Set.copyOf(viewer.roles()), query.filters());
    }

    /** Corrections to the register's answer (an organisation's or a team's), at the caller's transaction's version. */
    private Correction correction(VisibleCases.Statement statement) {
        return run(statement, rows -> {
            rows.next();
            long version = rows.getLong(1);
            OffsetDateTime until = rows.getObject(2, OffsetDateTime.class);
            return new Correction(
                    version,
                    until == null ? null : until.toInstant(),
                    new Summary(version, rows.getLong(3), facets(rows.getString(4))),
                    new Summary(version, rows.getLong(5), facets(rows.getString(6))));
        });
    }

    /**
     * Corrections to the register's answer over some cases above it: those cases as the reader sees them ({@code
     * seen}) and as the register does, holding until {@code validUntil} (null: while the version does).
     */
    private record Correction(long version, Instant validUntil, Summary seen, Summary seenAsPublic)
            implements RegisterAnswers.Versioned {

        /** Counts no case: the reader sees the register alone for the query. */
        boolean seesTheRegisterAlone() {
            return seen.total() == 0 && seenAsPublic.total() == 0;
        }
    }

    /**
     * The public register's total and facets for the query's filters, at the register version of the caller's
     * transaction's statement (the summary's version); the register's answer every reader's starts from.
     */
    public Summary registerSummary(ListQuery query) {
        return run(VisibleCases.registerSummary(query), rows -> {
            rows.next();
            return new Summary(rows.getLong(1), rows.getLong(2), facets(rows.getString(3)));
        });
    }

    @FunctionalInterface
    public interface ResultReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Runs a statement of {@link VisibleCases} in the caller's transaction, with its generic plan. */
    public <T> T run(VisibleCases.Statement statement, ResultReader<T> reader) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> runOn(connection, statement, reader));
    }

    /** Runs a statement of {@link VisibleCases} on {@code connection}, in its transaction, with its generic plan. */
    static <T> T runOn(Connection connection, VisibleCases.Statement statement, ResultReader<T> reader)
            throws SQLException {
        try (Statement settings = connection.createStatement()) {
            settings.execute(VisibleCases.PLAN_SETTINGS);
        }
        try (PreparedStatement prepared = statement.prepare(connection);
                ResultSet rows = prepared.executeQuery()) {
            return reader.read(rows);
        }
    }

    /**
     * A total and facets (facet or coded key → value → count). The register's answer plus the viewer's counts over
     * their cases above it minus the register's counts there is the viewer's answer; a count that comes to zero is
     * left out, as a value no case has.
     */
    public record Summary(long version, long total, Map<String, Map<String, Long>> facets)
            implements RegisterAnswers.Versioned {

        public Summary plus(Summary other) {
            return add(other, 1);
        }

        public Summary minus(Summary other) {
            return add(other, -1);
        }

        private Summary add(Summary other, int sign) {
            Map<String, Map<String, Long>> sum = new LinkedHashMap<>();
            facets.forEach((facet, counts) -> sum.put(facet, new LinkedHashMap<>(counts)));
            other.facets.forEach((facet, counts) ->
                    RegisterAnswers.add(sum.computeIfAbsent(facet, f -> new LinkedHashMap<>()), counts, sign));
            long n = total + sign * other.total;
            if (n < 0) {
                throw new IllegalStateException("a total came out negative");
            }
            return new Summary(version, n, sum);
        }
    }

    private record Row(StoredCase stored, Tier tier, boolean released, Set<Section> sections) {}

    /** The statement of {@link VisibleCases#listPage}: its page, and with only the team's cases their summary. */
    private record Page(
            long version, long organisationVersion, long registerVersion, Summary mine, Instant readAt, List<Row> rows)
            implements RegisterAnswers.Read {}

    private static Page readPage(ResultSet rows) throws SQLException {
        long version = 0;
        long organisationVersion = 0;
        long registerVersion = 0;
        Summary mine = null;
        Instant readAt = null;
        List<Row> page = new ArrayList<>();
        while (rows.next()) {
            if (mine == null) {
                // Every row repeats the summary's columns: read them once.
                version = rows.getLong(1);
                mine = new Summary(version, rows.getLong(2), facets(rows.getString(3)));
                readAt = rows.getObject(4, OffsetDateTime.class).toInstant();
                // The last two columns, after the case columns.
                int columns = rows.getMetaData().getColumnCount();
                organisationVersion = rows.getLong(columns - 1);
                registerVersion = rows.getLong(columns);
            }
            // The case columns follow the summary's four.
            int at = 4;
            UUID id = rows.getObject(at + 1, UUID.class);
            if (id == null) {
                continue;
            }
            Set<Section> sections = EnumSet.noneOf(Section.class);
            if (rows.getBoolean(at + 5)) {
                sections.add(Section.HEADER);
            }
            if (rows.getBoolean(at + 6)) {
                sections.add(Section.CONTEXT);
            }
            if (rows.getBoolean(at + 7)) {
                sections.add(Section.PROCESS);
            }
            if (rows.getBoolean(at + 8)) {
                sections.add(Section.RESULTS);
            }
            Date start = rows.getDate(at + 13);
            Date end = rows.getDate(at + 14);
            StoredCase stored = new StoredCase(
                    id,
                    rows.getLong(at + 2),
                    rows.getLong(at + 19),
                    rows.getLong(at + 20),
                    rows.getLong(at + 21),
                    rows.getLong(at + 22),
                    rows.getString(at + 9),
                    rows.getString(at + 10),
                    rows.getString(at + 11),
                    rows.getString(at + 12),
                    start == null ? null : start.toLocalDate(),
                    end == null ? null : end.toLocalDate(),
                    rows.getString(at + 15),
                    rows.getString(at + 16),
                    rows.getString(at + 17),
                    rows.getString(at + 18),
                    null);
            page.add(new Row(stored, Tier.valueOf(rows.getString(at + 3)), rows.getBoolean(at + 4), sections));
        }
        return new Page(version, organisationVersion, registerVersion, mine, readAt, page);
    }

    private static final ObjectMapper FACETS_JSON = new ObjectMapper();

    /** The statement's facets object, the coded member's keys beside the named facets. */
    private static Map<String, Map<String, Long>> facets(String text) {
        Map<String, Map<String, Long>> flat = new LinkedHashMap<>();
        try {
            JsonNode tree = FACETS_JSON.readTree(text);
            JsonNode codedTree = ((ObjectNode) tree).remove(CODED);
            flat.putAll(FACETS_JSON.convertValue(tree, FACETS));
            if (codedTree != null) {
                flat.putAll(FACETS_JSON.convertValue(codedTree, FACETS));
            }
        } catch (JsonProcessingException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("facets not readable", null);
        }
        return flat;
    }

    /** Every facet of the list, in the list's order, each most frequent value first. */
    private static Map<String, Map<String, Long>> ordered(Map<String, Map<String, Long>> facets) {
        Map<String, Map<String, Long>> ordered = new LinkedHashMap<>();
        CaseList.FACETS.forEach(facet -> ordered.put(facet, byCount(facets.getOrDefault(facet, Map.of()))));
        CaseList.COUNTED_FACETS.forEach(key -> ordered.put(key, byCount(facets.getOrDefault(key, Map.of()))));
        return ordered;
    }

    /** The most frequent value first; ties by value. */
    private static Map<String, Long> byCount(Map<String, Long> counts) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        return ordered;
    }
}
