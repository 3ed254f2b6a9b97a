package org.parley.cases.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.cases.support.CasesTestResource;
import org.parley.policy.Action;
import org.parley.policy.CaseColumns;
import org.parley.policy.CasePolicy;
import org.parley.policy.Decision;
import org.parley.policy.Grant;
import org.parley.policy.GrantScope;
import org.parley.policy.InterviewAccess;
import org.parley.policy.Relationship;
import org.parley.policy.Role;
import org.parley.policy.SecrecyRules;
import org.parley.policy.SecrecySql;
import org.parley.policy.Section;
import org.parley.policy.SectionFlags;
import org.parley.policy.SqlFragment;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;
import org.parley.projection.ProjectionFacts;
import org.parley.testing.Jdbc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL the policy library generates ({@link SecrecySql}, {@link SectionFlags}) answers as its Java does,
 * on PostgreSQL, for every viewer × case of a fixture in which every relationship arises, in every tier,
 * released or not: the relationship, the sections (through the real {@code visibility_rule}), the masks and
 * the list statement ({@link VisibleCases}); interview content against {@link InterviewAccess#decide} over
 * one and two linked cases; the auditor's ledger scope against {@link Action#READ_LEDGER}.
 *
 * <p>The fixture lives in temporary tables of this test's own session. Those named like the projection's
 * ({@code case_policy}, {@code case_team_member}, {@code case_grant}) and {@code case_file} hide the real
 * ones for this session only (PostgreSQL looks in the session's temporary schema first), so {@link
 * VisibleCases}' statement runs unchanged against them; the application's data is neither read nor touched.
 * The interviews' and the ledger's tables mirror the columns their services' statements use.
 */
@QuarkusTest
class PolicySqlAgreementTest {

    static final Class<?> STACK = CasesTestResource.class;

    private static final String OWNER = "org-owner";
    private static final String PARTNER = "org-partner";
    private static final String THIRD = "org-third";

    /** Java's instant; the SQL uses the database's now(). Expiries are a day away from both. */
    private static final Instant NOW = Instant.now();

    private static final Instant LATER = NOW.plus(Duration.ofDays(1));
    private static final Instant EARLIER = NOW.minus(Duration.ofDays(1));

    private static final Map<String, Viewer> VIEWERS = new LinkedHashMap<>();

    static {
        VIEWERS.put("anonymous", Viewer.anonymous());
        VIEWERS.put("lead", Viewer.signedIn("u-lead", OWNER, Set.of(Role.STAFF)));
        VIEWERS.put("member", Viewer.signedIn("u-member", OWNER, Set.of(Role.STAFF)));
        VIEWERS.put("owner's secrecy admin", Viewer.signedIn("u-admin", OWNER, Set.of(Role.SECRECY_ADMIN, Role.STAFF)));
        VIEWERS.put("another org's secrecy admin", Viewer.signedIn("u-third-admin", THIRD, Set.of(Role.SECRECY_ADMIN)));
        VIEWERS.put("partner", Viewer.signedIn("u-partner", PARTNER, Set.of(Role.PARTNER)));
        VIEWERS.put("owner's staff", Viewer.signedIn("u-staff", OWNER, Set.of(Role.STAFF)));
        VIEWERS.put("third party", Viewer.signedIn("u-third", THIRD, Set.of(Role.PARTNER)));
        VIEWERS.put("owner's auditor", Viewer.signedIn("u-auditor", OWNER, Set.of(Role.AUDITOR)));
        VIEWERS.put("partner's auditor", Viewer.signedIn("u-partner-auditor", PARTNER, Set.of(Role.AUDITOR)));
    }

    /** Who is on a case and which grants it has: each shape makes some relationship arise for some viewer. */
    private record Shape(String name, String owner, Map<String, TeamRole> team, List<Grant> grants) {}

    private static final List<Shape> SHAPES = shapes();

    private static List<Shape> shapes() {
        Map<String, TeamRole> leadOnly = Map.of("u-lead", TeamRole.LEAD);
        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Shape("team", OWNER, Map.of("u-lead", TeamRole.LEAD, "u-member", TeamRole.MEMBER), List.of()));
        for (GrantScope scope : GrantScope.values()) {
            // One grant without expiry, the others expiring later.
            Instant expiry = scope == GrantScope.SUMMARY ? null : LATER;
            shapes.add(new Shape("grant " + scope, OWNER, leadOnly, List.of(new Grant(PARTNER, scope, expiry))));
        }
        shapes.add(
                new Shape("expired grant", OWNER, leadOnly, List.of(new Grant(PARTNER, GrantScope.RESULTS, EARLIER))));
        shapes.add(new Shape(
                "grant to another org", OWNER, leadOnly, List.of(new Grant(THIRD, GrantScope.PROCESS, null))));
        shapes.add(new Shape(
                "widest of several grants",
                OWNER,
                leadOnly,
                List.of(
                        new Grant(PARTNER, GrantScope.SUMMARY, null),
                        new Grant(PARTNER, GrantScope.PROCESS, LATER),
                        new Grant(PARTNER, GrantScope.EXCERPTS, EARLIER))));
        // The owner's own organisation holds a grant: its admin stays SECRECY_ADMIN, its staff become GRANTEE.
        shapes.add(
                new Shape("grant to the owner", OWNER, leadOnly, List.of(new Grant(OWNER, GrantScope.RESULTS, null))));
        shapes.add(new Shape(
                "secrecy admin on the team",
                OWNER,
                Map.of("u-lead", TeamRole.LEAD, "u-admin", TeamRole.MEMBER),
                List.of()));
        shapes.add(new Shape(
                "grantee on the team",
                OWNER,
                Map.of("u-lead", TeamRole.LEAD, "u-partner", TeamRole.MEMBER),
                List.of(new Grant(PARTNER, GrantScope.SUMMARY, null))));
        shapes.add(new Shape(
                "owned by the partner",
                PARTNER,
                Map.of("u-partner", TeamRole.LEAD),
                List.of(new Grant(OWNER, GrantScope.SUMMARY, LATER))));
        return List.copyOf(shapes);
    }

    /** One case of the fixture: a shape in one tier and release. */
    private record Case(Shape shape, CasePolicy policy) {
        String describe() {
            return shape.name() + " " + policy.tier() + (policy.resultsReleased() ? " released" : "");
        }
    }

    private static final List<Case> CASES = cases();

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Shape shape : SHAPES) {
            for (Tier tier : Tier.values()) {
                for (boolean released : new boolean[] {false, true}) {
                    cases.add(new Case(
                            shape,
                            new CasePolicy(
                                    UUID.randomUUID().toString(),
                                    shape.owner(),
                                    tier,
                                    released,
                                    shape.team(),
                                    shape.grants(),
                                    1)));
                }
            }
        }
        return List.copyOf(cases);
    }

    /** A case deleted from the projection: the lists skip it, and it lets nobody into a linked interview. */
    private static final CasePolicy DELETED = new CasePolicy(
            UUID.randomUUID().toString(),
            OWNER,
            Tier.PUBLICLY_KNOWN,
            true,
            Map.of("u-lead", TeamRole.LEAD, "u-member", TeamRole.MEMBER),
            List.of(),
            1);

    private static final SectionFlags RULE = new SectionFlags("v.");

    @Test
    void theFixtureHasEveryRelationshipTheRulesKnow() {
        Map<String, Relationship> expected = new LinkedHashMap<>();
        expected.put("anonymous|team", Relationship.ANONYMOUS);
        expected.put("member|team", Relationship.MEMBER);
        expected.put("lead|team", Relationship.MEMBER);
        expected.put("owner's secrecy admin|team", Relationship.SECRECY_ADMIN);
        expected.put("another org's secrecy admin|team", Relationship.OTHER);
        expected.put("partner|expired grant", Relationship.OTHER);
        expected.put("partner|grant to another org", Relationship.OTHER);
        expected.put("owner's staff|team", Relationship.ORG_STAFF);
        expected.put("third party|team", Relationship.OTHER);
        expected.put("owner's secrecy admin|secrecy admin on the team", Relationship.MEMBER);
        expected.put("owner's secrecy admin|grant to the owner", Relationship.SECRECY_ADMIN);
        expected.put("owner's staff|grant to the owner", Relationship.GRANTEE);
        expected.put("partner|grantee on the team", Relationship.MEMBER);
        for (GrantScope scope : GrantScope.values()) {
            expected.put("partner|grant " + scope, Relationship.GRANTEE);
        }
        Set<GrantScope> grantedScopes = EnumSet.noneOf(GrantScope.class);
        for (Case c : CASES) {
            for (Map.Entry<String, Viewer> viewer : VIEWERS.entrySet()) {
                Relationship relationship = SecrecyRules.relationshipOf(viewer.getValue(), c.policy(), NOW);
                Relationship wanted =
                        expected.get(viewer.getKey() + "|" + c.shape().name());
                if (wanted != null) {
                    assertThat(relationship)
                            .as(viewer.getKey() + " on " + c.describe())
                            .isEqualTo(wanted);
                }
                if (relationship == Relationship.GRANTEE) {
                    grantedScopes.add(
                            c.policy().activeScopeFor(viewer.getValue().organisation(), NOW));
                }
            }
        }
        assertThat(grantedScopes).containsExactlyInAnyOrder(GrantScope.values());
    }

    @Test
    void theGeneratedRelationshipSectionsAndMasksAgreeWithTheJavaOnEveryRow() throws SQLException {
        int rows = 0;
        Set<Relationship> seen = EnumSet.noneOf(Relationship.class);
        try (Connection db = fixture()) {
            for (Map.Entry<String, Viewer> entry : VIEWERS.entrySet()) {
                Viewer viewer = entry.getValue();
                Map<String, Row> sql = relationshipsInSql(db, viewer);
                assertThat(sql.keySet()).as(entry.getKey()).hasSize(CASES.size());
                for (Case c : CASES) {
                    String why = entry.getKey() + " on " + c.describe();
                    Decision decision = SecrecyRules.decide(viewer, c.policy(), NOW);
                    Row row = sql.get(c.policy().caseId());
                    assertThat(row.relationship())
                            .as(why)
                            .isEqualTo(decision.relationship().name());
                    assertThat(row.sections()).as(why).isEqualTo(decision.sections());
                    assertThat(row.knowsExists()).as(why).isEqualTo(decision.knowsExists());
                    assertThat(row.masked()).as(why + ": masks").isEqualTo(decision.sections());
                    assertThat(row.relationshipIs())
                            .as(why + ": relationshipIs")
                            .containsExactly(decision.relationship());
                    seen.add(decision.relationship());
                    rows++;
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(Relationship.values());
        assertThat(rows).isEqualTo(VIEWERS.size() * CASES.size());
    }

    @Test
    void theListStatementShowsEachViewerExactlyWhatTheJavaDecides() throws SQLException {
        ListQuery everything = wholePage(null);
        assertThat(CASES.size()).isLessThan(ListQuery.MAX_LIMIT);
        Set<Section> listed = EnumSet.of(Section.HEADER, Section.CONTEXT, Section.PROCESS, Section.RESULTS);
        try (Connection db = fixture()) {
            for (Map.Entry<String, Viewer> entry : VIEWERS.entrySet()) {
                Viewer viewer = entry.getValue();
                for (boolean mine : new boolean[] {false, true}) {
                    Map<String, Set<Section>> expected = new HashMap<>();
                    for (Case c : CASES) {
                        Decision decision = SecrecyRules.decide(viewer, c.policy(), NOW);
                        if (decision.knowsExists() && (!mine || decision.relationship() == Relationship.MEMBER)) {
                            Set<Section> sections = EnumSet.noneOf(Section.class);
                            sections.addAll(decision.sections());
                            sections.retainAll(listed);
                            expected.put(c.policy().caseId(), sections);
                        }
                    }
                    // The register's answer plus the organisation's corrections plus those over the viewer's team
                    // cases (issue 18).
                    long register = mine ? 0 : registerAndCorrections(db, viewer, everything);
                    assertThat(listed(db, VisibleCases.listPage(viewer, everything, mine), 2, register))
                            .as(entry.getKey() + (mine ? ", team=mine" : "") + ", register and corrections")
                            .isEqualTo(expected);
                }
            }
        }
    }

    /** The listed sections, in the order of the bits of {@link #wordSections}. */
    private static final List<Section> SEARCHED =
            List.of(Section.HEADER, Section.CONTEXT, Section.PROCESS, Section.RESULTS);

    /** The sections of the {@code index}th case that hold the searched word: the bits of the index, of the 16 subsets. */
    private static Set<Section> wordSections(int index) {
        Set<Section> sections = EnumSet.noneOf(Section.class);
        for (int bit = 0; bit < SEARCHED.size(); bit++) {
            if ((index >> bit & 1) == 1) {
                sections.add(SEARCHED.get(bit));
            }
        }
        return sections;
    }

    @Test
    void aTextQueryFindsEachViewerTheCasesWhoseSeenSectionsHoldItWhicheverWayThePageMatches() throws SQLException {
        ListQuery harbour = wholePage("harbour");
        Set<Section> listed = EnumSet.copyOf(SEARCHED);
        try (Connection db = fixture()) {
            // Each case holds the word in a different subset of its sections; elsewhere, other words.
            try (PreparedStatement text = db.prepareStatement("UPDATE case_file SET title = ?, context = ?::jsonb,"
                    + " process = ?::jsonb, results = ?::jsonb WHERE id = ?::uuid")) {
                for (int i = 0; i < CASES.size(); i++) {
                    Set<Section> holding = wordSections(i);
                    text.setString(1, holding.contains(Section.HEADER) ? "Harbour talks" : "Mountain talks");
                    for (int s = 1; s < SEARCHED.size(); s++) {
                        String word = holding.contains(SEARCHED.get(s)) ? "harbour" : "mountain";
                        text.setString(s + 1, "{\"note\": \"a " + word + " accord\"}");
                    }
                    text.setString(5, CASES.get(i).policy().caseId());
                    text.addBatch();
                }
                text.executeBatch();
            }
            Set<Section> everyWay = EnumSet.noneOf(Section.class);
            int hiddenMatches = 0;
            for (Map.Entry<String, Viewer> entry : VIEWERS.entrySet()) {
                Viewer viewer = entry.getValue();
                Map<String, Set<Section>> expected = new HashMap<>();
                for (int i = 0; i < CASES.size(); i++) {
                    Decision decision = SecrecyRules.decide(viewer, CASES.get(i).policy(), NOW);
                    Set<Section> sections = EnumSet.noneOf(Section.class);
                    sections.addAll(decision.sections());
                    sections.retainAll(listed);
                    Set<Section> found = EnumSet.copyOf(sections);
                    found.retainAll(wordSections(i));
                    if (decision.knowsExists() && !found.isEmpty()) {
                        expected.put(CASES.get(i).policy().caseId(), sections);
                        everyWay.addAll(found);
                    } else if (decision.knowsExists() && !wordSections(i).isEmpty()) {
                        hiddenMatches++;
                    }
                }
                long register = registerAndCorrections(db, viewer, harbour);
                for (VisibleCases.TextMatch match : VisibleCases.TextMatch.values()) {
                    assertThat(listed(db, VisibleCases.listPage(viewer, harbour, false, match), 2, register))
                            .as(entry.getKey() + ", matched " + match)
                            .isEqualTo(expected);
                }
            }
            // The word was found through every section by someone, and some known cases hold it only where their
            // reader may not look.
            assertThat(everyWay).isEqualTo(listed);
            assertThat(hiddenMatches).isPositive();
        }
    }

    @Test
    void aPageMatchesPerCaseOnlyWhileTheReadersWalkStaysWithinItsBudget() {
        VisibleCases.TextMatch collected = VisibleCases.TextMatch.COLLECTED;
        VisibleCases.TextMatch perCase = VisibleCases.TextMatch.PER_CASE;
        // The reader's cases above the register unknown, or the register's totals with some: the hits are
        // collected, as before anything is kept.
        assertThat(VisibleCases.TextMatch.forPage(200L, 4_500L, null, 20)).isEqualTo(collected);
        assertThat(VisibleCases.TextMatch.forPage(null, 4_500L, 5L, 20)).isEqualTo(collected);
        assertThat(VisibleCases.TextMatch.forPage(200L, null, 5L, 20)).isEqualTo(collected);
        // Nothing above the register to walk: per case even before the register's totals are kept.
        assertThat(VisibleCases.TextMatch.forPage(null, 4_500L, 0L, 20)).isEqualTo(perCase);
        assertThat(VisibleCases.TextMatch.forPage(200L, null, 0L, 20)).isEqualTo(perCase);
        // No case above the register: the register's matches alone, from its indexes, however rare the text.
        assertThat(VisibleCases.TextMatch.forPage(1L, 4_500L, 0L, 20)).isEqualTo(perCase);
        assertThat(VisibleCases.TextMatch.forPage(0L, 4_500L, 0L, 20)).isEqualTo(perCase);
        // 1,850 cases above it: a text in 4.4 % of the register fills a page after ~480 of them…
        assertThat(VisibleCases.TextMatch.forPage(196L, 4_521L, 1_853L, 20)).isEqualTo(perCase);
        // …one in 0.4 % only after all 1,850: collected.
        assertThat(VisibleCases.TextMatch.forPage(20L, 4_521L, 1_853L, 20)).isEqualTo(collected);
        // 100 cases above it: walked whole within the budget, whatever the text.
        assertThat(VisibleCases.TextMatch.forPage(1L, 4_521L, 100L, 20)).isEqualTo(perCase);
        assertThat(VisibleCases.TextMatch.forPage(0L, 4_521L, 1_001L, 20)).isEqualTo(collected);
    }

    @Test
    void theInterviewContentPredicateAgreesWithInterviewAccessOnOneAndTwoLinkedCases() throws SQLException {
        // Every case alone and every pair, plus links to a deleted case, to a case never heard of, and none.
        Map<UUID, List<String>> interviews = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        CASES.forEach(c -> ids.add(c.policy().caseId()));
        for (int i = 0; i < ids.size(); i++) {
            interviews.put(UUID.randomUUID(), List.of(ids.get(i)));
            for (int j = i + 1; j < ids.size(); j++) {
                interviews.put(UUID.randomUUID(), List.of(ids.get(i), ids.get(j)));
            }
        }
        String unknown = UUID.randomUUID().toString();
        for (String id : List.of(DELETED.caseId(), unknown)) {
            interviews.put(UUID.randomUUID(), List.of(id));
            for (Case c : CASES.subList(0, 6)) {
                interviews.put(UUID.randomUUID(), List.of(c.policy().caseId(), id));
            }
        }
        interviews.put(UUID.randomUUID(), List.of());
        Map<String, CasePolicy> known = new HashMap<>();
        CASES.forEach(c -> known.put(c.policy().caseId(), c.policy()));

        int rows = 0;
        int content = 0;
        try (Connection db = fixture()) {
            insertInterviews(db, interviews);
            for (Map.Entry<String, Viewer> entry : VIEWERS.entrySet()) {
                Viewer viewer = entry.getValue();
                Map<UUID, Boolean> sql = interviewContentInSql(db, viewer);
                for (Map.Entry<UUID, List<String>> interview : interviews.entrySet()) {
                    // As the interviews service loads them: any linked case it does not know makes the list empty.
                    List<CasePolicy> linked = new ArrayList<>();
                    for (String caseId : interview.getValue()) {
                        linked.add(known.get(caseId));
                    }
                    boolean expected = !linked.contains(null)
                            && InterviewAccess.decide(viewer, linked, NOW) == InterviewAccess.CONTENT;
                    assertThat(sql.get(interview.getKey()))
                            .as(entry.getKey() + " on an interview linked to " + describe(interview.getValue()))
                            .isEqualTo(expected);
                    rows++;
                    content += expected ? 1 : 0;
                }
            }
        }
        assertThat(rows).isEqualTo(VIEWERS.size() * interviews.size());
        assertThat(content)
                .as("some interviews are readable, or the test proves little")
                .isPositive();
    }

    @Test
    void theLedgerScopeAgreesWithReadLedger() throws SQLException {
        record Entry(long sequence, String caseId, String stored, String learnt, String actor) {}
        List<Entry> entries = new ArrayList<>();
        long sequence = 0;
        for (String org : List.of(OWNER, PARTNER)) {
            entries.add(new Entry(++sequence, UUID.randomUUID().toString(), org, null, THIRD));
            entries.add(new Entry(++sequence, UUID.randomUUID().toString(), null, org, THIRD));
            // The stored owner wins over one learnt later.
            entries.add(new Entry(
                    ++sequence, UUID.randomUUID().toString(), org, org.equals(OWNER) ? PARTNER : OWNER, null));
        }
        // Known from the projection only: the fixture's cases.
        entries.add(new Entry(++sequence, CASES.get(0).policy().caseId(), null, null, PARTNER));
        entries.add(new Entry(++sequence, CASES.get(CASES.size() - 1).policy().caseId(), null, null, OWNER));
        entries.add(new Entry(++sequence, UUID.randomUUID().toString(), null, null, OWNER)); // owner unknown
        for (String actor : new String[] {OWNER, PARTNER, THIRD, null}) {
            entries.add(new Entry(++sequence, null, null, null, actor));
        }
        Map<String, String> projectedOwner = new HashMap<>();
        CASES.forEach(c -> projectedOwner.put(c.policy().caseId(), c.policy().owningOrganisation()));

        int rows = 0;
        int readable = 0;
        try (Connection db = fixture()) {
            try (Statement ddl = db.createStatement()) {
                // The columns of the events service's ledger_entry and case_owner that LedgerQuery reads.
                ddl.execute("CREATE TEMP TABLE ledger_entry (sequence BIGINT PRIMARY KEY, case_id UUID,"
                        + " actor_organisation TEXT, owning_organisation TEXT)");
                ddl.execute(
                        "CREATE TEMP TABLE case_owner (case_id UUID PRIMARY KEY, owning_organisation TEXT NOT NULL)");
            }
            try (PreparedStatement entry = db.prepareStatement("INSERT INTO ledger_entry VALUES (?, ?::uuid, ?, ?)");
                    PreparedStatement owner = db.prepareStatement("INSERT INTO case_owner VALUES (?::uuid, ?)")) {
                for (Entry e : entries) {
                    entry.setLong(1, e.sequence());
                    entry.setString(2, e.caseId());
                    entry.setString(3, e.actor());
                    entry.setString(4, e.stored());
                    entry.addBatch();
                    if (e.learnt() != null) {
                        owner.setString(1, e.caseId());
                        owner.setString(2, e.learnt());
                        owner.addBatch();
                    }
                }
                entry.executeBatch();
                owner.executeBatch();
            }
            for (Map.Entry<String, Viewer> named : VIEWERS.entrySet()) {
                Viewer viewer = named.getValue();
                // As LedgerQuery names the columns.
                SqlFragment scope = SecrecySql.ledgerEntryVisible(
                        viewer,
                        "l.case_id",
                        "COALESCE(l.owning_organisation, o.owning_organisation, p.owning_organisation)",
                        "l.actor_organisation");
                Map<Long, Boolean> sql = new HashMap<>();
                try (PreparedStatement query = prepare(
                                db,
                                SqlFragment.of(
                                        "SELECT l.sequence, COALESCE(" + scope.sql() + ", FALSE) FROM ledger_entry l"
                                                + " LEFT JOIN case_owner o ON o.case_id = l.case_id"
                                                + " LEFT JOIN case_policy p ON p.case_id = l.case_id",
                                        scope.parameters().toArray()));
                        ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        sql.put(result.getLong(1), result.getBoolean(2));
                    }
                }
                for (Entry e : entries) {
                    boolean expected;
                    if (e.caseId() == null) {
                        expected = SecrecyRules.mayReadLedgerEntryAboutNoCase(viewer, e.actor());
                    } else {
                        String owner = e.stored() != null
                                ? e.stored()
                                : e.learnt() != null ? e.learnt() : projectedOwner.get(e.caseId());
                        expected = owner != null
                                && SecrecyRules.mayPerform(
                                        viewer,
                                        new CasePolicy(e.caseId(), owner, Tier.SECRET, false, Map.of(), List.of(), 1),
                                        Action.READ_LEDGER,
                                        NOW);
                    }
                    assertThat(sql.get(e.sequence()))
                            .as(named.getKey() + " on " + e)
                            .isEqualTo(expected);
                    rows++;
                    readable += expected ? 1 : 0;
                }
            }
        }
        assertThat(rows).isEqualTo(VIEWERS.size() * entries.size());
        assertThat(readable).isPositive();
    }

    // ---- the SQL side

    /** What the generated SQL says of one case for one viewer. */
    private record Row(
            String relationship,
            Set<Section> sections,
            boolean knowsExists,
            Set<Section> masked,
            Set<Relationship> relationshipIs) {}

    /**
     * The relationship, its visibility_rule row, the masks and every relationshipIs predicate, per case. The
     * viewer's team and widest active grant are joined as VisibleCases joins them.
     */
    private static Map<String, Row> relationshipsInSql(Connection db, Viewer viewer) throws SQLException {
        CaseColumns row = new CaseColumns(
                "p.owning_organisation",
                SqlFragment.of("m.case_id IS NOT NULL"),
                SqlFragment.of("g.scope IS NOT NULL"));
        StringBuilder sql = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        SqlFragment scopes = VisibleCases.viewerScopes(viewer);
        // the list statement's own WITH entries and joins, so a change there is tested here ("unused" ends the
        // entries, which each end with a comma)
        sql.append("WITH ")
                .append(scopes.sql())
                .append("unused AS (SELECT 1) SELECT CAST(p.case_id AS text), r.relationship");
        parameters.addAll(scopes.parameters());
        for (Section section : Section.values()) {
            sql.append(", COALESCE(").append(RULE.of(section)).append(", FALSE)");
        }
        sql.append(", COALESCE(").append(RULE.anyVisible()).append(", FALSE)");
        for (Section section : Section.values()) {
            sql.append(", ").append(RULE.masked(section, "'shown'"));
        }
        for (Relationship relationship : Relationship.values()) {
            SqlFragment is = SecrecySql.relationshipIs(relationship, viewer, row);
            sql.append(", COALESCE(").append(is.sql()).append(", FALSE)");
            parameters.addAll(is.parameters());
        }
        SqlFragment rule = VisibleCases.ruleOf(viewer, "p.case_id");
        sql.append(" FROM case_policy p ").append(rule.sql()).append(" WHERE NOT p.deleted");
        parameters.addAll(rule.parameters());
        Map<String, Row> rows = new HashMap<>();
        try (PreparedStatement query = prepare(db, new SqlFragment(sql.toString(), parameters));
                ResultSet result = query.executeQuery()) {
            while (result.next()) {
                int column = 3;
                Set<Section> sections = EnumSet.noneOf(Section.class);
                for (Section section : Section.values()) {
                    if (result.getBoolean(column++)) {
                        sections.add(section);
                    }
                }
                boolean knowsExists = result.getBoolean(column++);
                Set<Section> masked = EnumSet.noneOf(Section.class);
                for (Section section : Section.values()) {
                    if (result.getString(column++) != null) {
                        masked.add(section);
                    }
                }
                Set<Relationship> is = EnumSet.noneOf(Relationship.class);
                for (Relationship candidate : Relationship.values()) {
                    if (result.getBoolean(column++)) {
                        is.add(candidate);
                    }
                }
                rows.put(result.getString(1), new Row(result.getString(2), sections, knowsExists, masked, is));
            }
        }
        return rows;
    }

    /** Every case on one page, with no filter but the text (null: none). */
    private static ListQuery wholePage(String text) {
        return ListQuery.firstPage(text, ListQuery.MAX_LIMIT);
    }

    /**
     * The register's total plus the organisation's and the team's corrections (issue 18): what a list's total is
     * made of besides its page.
     */
    private static long registerAndCorrections(Connection db, Viewer viewer, ListQuery query) throws SQLException {
        return registerTotal(db, query)
                + (VisibleCases.hasOrganisationPart(viewer)
                        ? correction(db, VisibleCases.organisationSummary(viewer, query))
                        : 0)
                + (VisibleCases.hasTeamPart(viewer) ? correction(db, VisibleCases.teamSummary(viewer, query)) : 0);
    }

    private static long registerTotal(Connection db, ListQuery query) throws SQLException {
        try (PreparedStatement statement = VisibleCases.registerSummary(query).prepare(db);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(2);
        }
    }

    /**
     * Corrections to the register's total ({@link VisibleCases#organisationSummary}, {@link VisibleCases#teamSummary}):
     * the cases as the viewer sees them minus as the register does.
     */
    private static long correction(Connection db, VisibleCases.Statement corrections) throws SQLException {
        try (PreparedStatement statement = corrections.prepare(db);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(3) - rows.getLong(5);
        }
    }

    /**
     * The list statement's answer ({@link VisibleCases#listPage}, its columns from {@code offset} + 1 on): each listed
     * case's visible sections, read from its flags and masks; its total is {@code register} plus its corrections.
     */
    private static Map<String, Set<Section>> listed(
            Connection db, VisibleCases.Statement statement, int offset, long register) throws SQLException {
        Map<String, Set<Section>> listed = new HashMap<>();
        long total = -1;
        try (PreparedStatement query = statement.prepare(db);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                total = register + rows.getLong(2);
                String id = rows.getString(offset + 3);
                if (id == null) {
                    continue;
                }
                Set<Section> flags = EnumSet.noneOf(Section.class);
                Section[] flagged = {Section.HEADER, Section.CONTEXT, Section.PROCESS, Section.RESULTS};
                for (int i = 0; i < flagged.length; i++) {
                    if (rows.getBoolean(offset + 7 + i)) {
                        flags.add(flagged[i]);
                    }
                }
                // Columns 11-16 are the header's, 17 the context, 18-19 the process, 20 the results.
                Map<Section, Boolean> shown = new EnumMap<>(Section.class);
                for (int column = 11; column <= 20; column++) {
                    boolean present = rows.getString(offset + column) != null;
                    Section section = column <= 16
                            ? Section.HEADER
                            : column == 17 ? Section.CONTEXT : column <= 19 ? Section.PROCESS : Section.RESULTS;
                    assertThat(shown.getOrDefault(section, present))
                            .as(id + " column " + column)
                            .isEqualTo(present);
                    shown.put(section, present);
                }
                for (Section section : flagged) {
                    assertThat(shown.get(section))
                            .as(id + " " + section + " mask")
                            .isEqualTo(flags.contains(section));
                }
                listed.put(id, flags);
            }
        }
        assertThat(total).isEqualTo(listed.size());
        return listed;
    }

    private static Map<UUID, Boolean> interviewContentInSql(Connection db, Viewer viewer) throws SQLException {
        // As InterviewSearch does: its link table, the projection's facts.
        SqlFragment visible = SecrecySql.interviewContentVisible(
                viewer,
                "FROM interview_case_link l WHERE l.interview_id = i.id",
                "FROM case_policy p WHERE p.case_id = l.case_id AND NOT p.deleted",
                ProjectionFacts.ofPolicyRow(viewer, "p"));
        Map<UUID, Boolean> answers = new HashMap<>();
        try (PreparedStatement query = prepare(
                        db,
                        new SqlFragment(
                                "SELECT i.id, COALESCE(" + visible.sql() + ", FALSE) FROM interview i",
                                visible.parameters()));
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                answers.put(rows.getObject(1, UUID.class), rows.getBoolean(2));
            }
        }
        return answers;
    }

    private static PreparedStatement prepare(Connection db, SqlFragment fragment) throws SQLException {
        PreparedStatement statement = db.prepareStatement(fragment.sql());
        for (int i = 0; i < fragment.parameters().size(); i++) {
            statement.setObject(i + 1, fragment.parameters().get(i));
        }
        return statement;
    }

    // ---- the fixture

    /** A session of the test database in which the projection and case_file are this fixture's only. */
    private static Connection fixture() throws SQLException {
        Connection db = Jdbc.connectToTestDatabase("cases");
        try (Statement ddl = db.createStatement()) {
            for (String table : List.of("case_policy", "case_team_member", "case_grant", "case_file")) {
                ddl.execute("CREATE TEMP TABLE " + table + " (LIKE public." + table
                        + " INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING INDEXES)");
            }
        }
        List<CasePolicy> policies = new ArrayList<>();
        CASES.forEach(c -> policies.add(c.policy()));
        policies.add(DELETED);
        try (PreparedStatement policy = db.prepareStatement("INSERT INTO case_policy (case_id, owning_organisation,"
                        + " tier, results_released, deleted, policy_version) VALUES (?::uuid, ?, ?, ?, ?, 1)");
                PreparedStatement member = db.prepareStatement("INSERT INTO case_team_member VALUES (?::uuid, ?, ?)");
                PreparedStatement grant = db.prepareStatement("INSERT INTO case_grant (case_id, grant_id,"
                        + " organisation, scope, expires_at) VALUES (?::uuid, ?, ?, ?, ?)");
                PreparedStatement file = db.prepareStatement("INSERT INTO case_file (id, version, title, country,"
                        + " region, status, period_start, period_end, context, process, results, created_by,"
                        + " created_at, updated_at) VALUES (?::uuid, 1, 'Title', 'MX', 'Region', 'ONGOING',"
                        + " DATE '2010-01-01', DATE '2011-01-01', '{}', '{}', '{}', 'u-lead', now(), now())")) {
            for (CasePolicy p : policies) {
                policy.setString(1, p.caseId());
                policy.setString(2, p.owningOrganisation());
                policy.setString(3, p.tier().name());
                policy.setBoolean(4, p.resultsReleased());
                policy.setBoolean(5, p == DELETED);
                policy.addBatch();
                for (Map.Entry<String, TeamRole> m : p.team().entrySet()) {
                    member.setString(1, p.caseId());
                    member.setString(2, m.getKey());
                    member.setString(3, m.getValue().name());
                    member.addBatch();
                }
                int n = 0;
                for (Grant g : p.grants()) {
                    grant.setString(1, p.caseId());
                    grant.setString(2, "g" + n++);
                    grant.setString(3, g.organisation());
                    grant.setString(4, g.scope().name());
                    grant.setTimestamp(5, g.expiresAt() == null ? null : Timestamp.from(g.expiresAt()));
                    grant.addBatch();
                }
                file.setString(1, p.caseId());
                file.addBatch();
            }
            policy.executeBatch();
            member.executeBatch();
            grant.executeBatch();
            file.executeBatch();
        }
        try (Statement register = db.createStatement()) {
            // A temporary table has no trigger: the values set by the migrations' own functions (V112, V116), which
            // read these temporary tables first.
            register.execute("UPDATE case_file SET in_register = case_in_register(id),"
                    + " register_sections = case_register_sections(id)");
            // And the period of the rows that name each case, as V114's triggers keep it.
            for (String named : List.of("case_policy", "case_team_member", "case_grant")) {
                register.execute("UPDATE " + named + " SET period_start = case_period(case_id)");
            }
        }
        return db;
    }

    private static void insertInterviews(Connection db, Map<UUID, List<String>> interviews) throws SQLException {
        try (Statement ddl = db.createStatement()) {
            // The columns of the interviews service's tables that InterviewSearch's visibility reads.
            ddl.execute("CREATE TEMP TABLE interview (id UUID PRIMARY KEY)");
            ddl.execute("CREATE TEMP TABLE interview_case_link (interview_id UUID NOT NULL, case_id UUID NOT NULL,"
                    + " position INT NOT NULL, PRIMARY KEY (interview_id, case_id))");
        }
        try (PreparedStatement interview = db.prepareStatement("INSERT INTO interview VALUES (?)");
                PreparedStatement link =
                        db.prepareStatement("INSERT INTO interview_case_link VALUES (?, ?::uuid, ?)")) {
            for (Map.Entry<UUID, List<String>> entry : interviews.entrySet()) {
                interview.setObject(1, entry.getKey());
                interview.addBatch();
                for (int position = 0; position < entry.getValue().size(); position++) {
                    link.setObject(1, entry.getKey());
                    link.setString(2, entry.getValue().get(position));
                    link.setInt(3, position);
                    link.addBatch();
                }
            }
            interview.executeBatch();
            link.executeBatch();
        }
        try (Statement analyze = db.createStatement()) {
            analyze.execute("ANALYZE interview; ANALYZE interview_case_link; ANALYZE case_policy;"
                    + " ANALYZE case_team_member; ANALYZE case_grant");
        }
    }

    private static String describe(List<String> caseIds) {
        List<String> names = new ArrayList<>();
        Map<String, String> byId = new HashMap<>();
        CASES.forEach(c -> byId.put(c.policy().caseId(), c.describe()));
        byId.put(DELETED.caseId(), "a deleted case");
        for (String id : caseIds) {
            names.add(byId.getOrDefault(id, "a case never heard of"));
        }
        return names.isEmpty() ? "nothing" : String.join(" and ", names);
    }
}
