package org.parley.cases.search;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseView;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.compare.Comparisons;
import org.parley.cases.content.Header;
import org.parley.cases.content.NewCase;
import org.parley.cases.content.Period;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.AccessStub.GrantSpec;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.ConcurrentCommits;
import org.parley.cases.support.Sample;
import org.parley.policy.GrantScope;
import org.parley.policy.Role;
import org.parley.policy.SecrecySql;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18: the public register's answer is kept per filter and shared by every reader, so it must never outlive a
 * change to what the register shows. Each test warms the kept answer, changes a case the way the platform does (the
 * policy projection applying an event) or behind the service's back (plain SQL), and asks again at once: the very
 * next answer must show the change, with no wait (the kept answer is keyed by the listing version, which the
 * writing transaction moves).
 */
@QuarkusTest
class RegisterAnswersTest {

    static final Class<?> STACK = CasesTestResource.class;
    static final Viewer LEAD = Viewer.signedIn("ra-lead", "ifit", Set.of(Role.STAFF));

    @Inject
    CaseService cases;

    @Inject
    EntityManager entityManager;

    @Inject
    CaseSearch search;

    @Inject
    RegisterAnswers registerAnswers;

    @Inject
    Comparisons comparisons;

    @Inject
    DataSource dataSource;

    private String open(String family, String suffix, Tier tier, List<GrantSpec> grants) {
        return open(family, suffix, tier, grants, Map.of("ra-lead", TeamRole.LEAD));
    }

    private String open(String family, String suffix, Tier tier, List<GrantSpec> grants, Map<String, TeamRole> team) {
        String id = cases.create(
                        LEAD, Sample.withMarkers(family, family + suffix, "MX", EntityType.CHURCH, GroupType.MAFIA))
                .id();
        AccessStub.setPolicy(id, "ifit", tier, false, team, grants);
        return id;
    }

    /** The reader's list of the family's cases, as the service answers it. */
    private CaseList list(Viewer reader, String family) {
        return search.list(reader, ListQuery.parse(searching(family)));
    }

    /** The filters of a text query for the family's word, and nothing else. */
    private static CaseListFilters searching(String family) {
        return new CaseListFilters(family, null, null, null, null, null, null, null, null, null);
    }

    /** A word no other test's cases hold, starting with {@code prefix}: the cases of one test are found by it. */
    private static String family(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    private static void assertListed(CaseList answer, String... ids) {
        assertThat(answer.items()).extracting(CaseView::id).containsExactlyInAnyOrder(ids);
        assertThat(answer.total()).isEqualTo(ids.length);
        assertThat(answer.facets().get("country")).isEqualTo(Map.of("MX", (long) ids.length));
    }

    private static Response register(String family) {
        return given().queryParam("q", family).get("/public/cases");
    }

    private static long total(Response answer) {
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.jsonPath().getLong("total");
    }

    /**
     * The listing version {@code reader}'s kept corrections go by: the one version plus their organisation's rows as a
     * grantee and (for roles that see their own organisation's cases above the register) as an owner, and their own
     * (V117).
     */
    private long listingVersion(Viewer reader) {
        long owner = SecrecySql.abovePublic(reader).ownOrganisation() ? readerRow("owner:" + reader.organisation()) : 0;
        return version("case_listing_version")
                + readerRow("grantee:" + reader.organisation())
                + owner
                + readerRow("subject:" + reader.subject());
    }

    /** One reader's row of {@code case_reader_version}: 0 until a write moves it. */
    private long readerRow(String reader) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("SELECT coalesce((SELECT version FROM case_reader_version"
                                        + " WHERE reader = ?1), 0)")
                                .setParameter(1, reader)
                                .getSingleResult())
                        .longValue());
    }

    private long registerVersion() {
        return version("case_register_version");
    }

    private long version(String table) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("SELECT version FROM " + table)
                                .getSingleResult())
                        .longValue());
    }

    private void sql(String statement, String caseId) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(statement)
                        .setParameter(1, UUID.fromString(caseId))
                        .executeUpdate());
    }

    @Test
    void aPolicyChangeShowsInTheVeryNextAnswer() {
        AccessStub.ensureFresh();
        String family = family("ra");
        String id = open(family, "a", Tier.PUBLICLY_KNOWN, List.of());
        open(family, "b", Tier.PUBLICLY_KNOWN, List.of());
        assertThat(total(register(family))).isEqualTo(2);
        // Kept now: asked again, the same.
        assertThat(register(family).asString()).isEqualTo(register(family).asString());

        AccessStub.setPolicy(id, "ifit", Tier.SECRET, false, Map.of("ra-lead", TeamRole.LEAD), List.of());
        Response after = register(family);
        assertThat(total(after)).isEqualTo(1);
        assertThat(after.jsonPath().getList("items.id", String.class)).doesNotContain(id);
        assertThat(after.jsonPath().getMap("facets.country")).containsEntry("MX", 1);

        AccessStub.setPolicy(id, "ifit", Tier.PUBLICLY_KNOWN, false, Map.of("ra-lead", TeamRole.LEAD), List.of());
        assertThat(total(register(family))).isEqualTo(2);
    }

    /** A case of the family on {@code day}, under {@code tier}, led by the lead. */
    private String openOn(String family, String suffix, LocalDate day, Tier tier) {
        NewCase sample = Sample.withMarkers(family, family + suffix, "MX", EntityType.CHURCH, GroupType.MAFIA);
        Header header = sample.header();
        NewCase dated = new NewCase(
                new Header(header.title(), header.country(), header.region(), new Period(day, day), header.status()),
                sample.context(),
                sample.process(),
                sample.results());
        String id = cases.create(LEAD, dated).id();
        AccessStub.setPolicy(id, "ifit", tier, false, Map.of("ra-lead", TeamRole.LEAD), List.of());
        return id;
    }

    /** Every page of the query's answer for the reader, in order, its page length as the query says. */
    private List<String> everyPage(Viewer reader, ListQuery query) {
        List<String> ids = new ArrayList<>();
        ListQuery page = query;
        for (int pages = 0; pages < 20; pages++) {
            CaseList answer = search.list(reader, page);
            answer.items().forEach(item -> ids.add(item.id()));
            if (answer.nextCursor() == null) {
                return ids;
            }
            page = new ListQuery(
                    query.text(),
                    query.countries(),
                    query.statuses(),
                    query.tiers(),
                    query.entityTypes(),
                    query.groupTypes(),
                    query.coded(),
                    query.from(),
                    query.to(),
                    Cursor.decode(answer.nextCursor()),
                    query.limit());
        }
        throw new AssertionError("more pages than cases");
    }

    @Test
    void aFrequentTextIsMatchedPerCaseOnceTheRegistersTotalsAreKeptAndAnswersPageByPageAlike() {
        AccessStub.ensureFresh();
        String family = family("rt");
        // A year no other test's cases fall in, so the register of the period is these cases alone.
        LocalDate day = LocalDate.of(1903, 1, 1);
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            newestFirst.add(0, openOn(family, "p" + i, day.plusDays(i), Tier.PUBLICLY_KNOWN));
        }
        // In the period's register without the word; and a secret case with it, newest of all, on the lead's team.
        openOn(family("rx"), "q", day.plusDays(5), Tier.PUBLICLY_KNOWN);
        String secret = openOn(family, "s", day.plusDays(10), Tier.SECRET);
        ListQuery period =
                ListQuery.parse(new CaseListFilters(null, null, null, null, null, null, null, "1903-12-31", null, "1"));
        ListQuery text = ListQuery.parse(
                new CaseListFilters(family, null, null, null, null, null, null, "1903-12-31", null, "1"));

        // Nothing kept yet: the lead's page collects the hits; the anonymous have nothing above the register to walk,
        // so theirs takes the register's matches alone from the start.
        assertThat(search.textMatch(Viewer.anonymous(), text)).isEqualTo(VisibleCases.TextMatch.PER_CASE);
        assertThat(search.textMatch(LEAD, text)).isEqualTo(VisibleCases.TextMatch.COLLECTED);
        List<String> collected = everyPage(Viewer.anonymous(), text);
        assertThat(collected).containsExactlyElementsOf(newestFirst);
        List<String> lead = new ArrayList<>(List.of(secret));
        lead.addAll(newestFirst);
        assertThat(everyPage(LEAD, text)).containsExactlyElementsOf(lead);
        assertThat(everyPage(Viewer.anonymous(), period)).hasSize(5);
        // The register's totals are kept now, but not yet the lead's corrections without the text.
        assertThat(search.textMatch(LEAD, text)).isEqualTo(VisibleCases.TextMatch.COLLECTED);
        assertThat(everyPage(LEAD, period)).hasSize(6);

        // Every total is known: the matches are read per case, with the same answer page by page.
        assertThat(search.textMatch(Viewer.anonymous(), text)).isEqualTo(VisibleCases.TextMatch.PER_CASE);
        assertThat(search.textMatch(LEAD, text)).isEqualTo(VisibleCases.TextMatch.PER_CASE);
        assertThat(everyPage(Viewer.anonymous(), text)).containsExactlyElementsOf(newestFirst);
        assertThat(everyPage(LEAD, text)).containsExactlyElementsOf(lead);
        assertThat(search.list(LEAD, text).total()).isEqualTo(5);
        assertThat(search.list(Viewer.anonymous(), text).total()).isEqualTo(4);
    }

    @Test
    void readersWhoSeeTheRegisterAloneShareOneWholeAnswerUntilTheVersionMoves() {
        AccessStub.ensureFresh();
        String family = family("rw");
        Viewer otherStaff = Viewer.signedIn("rw-staff", "rw-none", Set.of(Role.STAFF));
        String known = open(family, "a", Tier.PUBLICLY_KNOWN, List.of());
        String hidden = open(family, "b", Tier.SECRET, List.of());

        CaseList first = list(Viewer.anonymous(), family);
        assertListed(first, known);
        // Kept: the anonymous reader and a staff member who sees nothing above the register get the very same answer.
        assertThat(list(Viewer.anonymous(), family)).isSameAs(first);
        assertListed(list(otherStaff, family), known);
        assertThat(list(otherStaff, family)).isSameAs(first);

        // A policy change moves the version: the next answer is read anew and shows it, for both.
        AccessStub.setPolicy(hidden, "ifit", Tier.PUBLICLY_KNOWN, false, Map.of("ra-lead", TeamRole.LEAD), List.of());
        CaseList shown = list(otherStaff, family);
        assertThat(shown).isNotSameAs(first);
        assertListed(shown, known, hidden);
        assertListed(list(Viewer.anonymous(), family), known, hidden);
        // So does a change behind the service's back.
        sql("UPDATE case_policy SET tier = 'SECRET' WHERE case_id = ?1", hidden);
        assertListed(list(Viewer.anonymous(), family), known);
        assertListed(list(otherStaff, family), known);
    }

    /**
     * The register's answers are kept by the register version, which only writes the register can show move: a write
     * to a case above it (its content, its policy, its team, a grant, a new secret case) leaves the anonymous reader's
     * kept answer and the register's kept summary in place, so the time their next request takes cannot tell them that
     * someone wrote (secrecy model §6); the listing version, which the corrections go by, moves at each.
     */
    @Test
    void writesToCasesAboveTheRegisterLeaveItsKeptAnswersWhereTheyWere() {
        AccessStub.ensureFresh();
        String family = family("rk");
        String known = open(family, "a", Tier.PUBLICLY_KNOWN, List.of());
        String hidden = open(family, "b", Tier.SECRET, List.of());
        CaseListFilters filters = searching(family);
        ListQuery query = ListQuery.parse(filters);
        CaseList first = list(Viewer.anonymous(), family);
        assertListed(first, known);
        assertThat(list(Viewer.anonymous(), family)).isSameAs(first);
        CaseSearch.Summary summary = registerAnswers.anyKept(CaseSearch.summaryKey(query), CaseSearch.Summary.class);
        assertThat(summary).isNotNull();
        long register = registerVersion();
        assertThat(summary.version()).isEqualTo(register);
        // The register's counts of a cross-tab are kept the same way.
        String rows = "context.groups.internalControl";
        String cols = "results.dealReached";
        comparisons.crosstab(Viewer.anonymous(), rows, cols, filters, false);
        List<Object> crosstabKey = List.of("crosstab", query.filters(), rows, cols);
        RegisterAnswers.Versioned counts = registerAnswers.anyKept(crosstabKey, RegisterAnswers.Versioned.class);
        assertThat(counts.version()).isEqualTo(register);

        long listing = listingVersion(LEAD);
        List<Runnable> secretWrites = List.of(
                () -> sql("UPDATE case_file SET region = region || ' moved' WHERE id = ?1", hidden),
                () -> AccessStub.setPolicy(
                        hidden,
                        "ifit",
                        Tier.SECRET,
                        false,
                        Map.of("ra-lead", TeamRole.LEAD, "rk-member", TeamRole.MEMBER),
                        List.of(new GrantSpec("rk-org", GrantScope.PROCESS, null))),
                () -> sql("UPDATE case_policy SET owning_organisation = 'rk-other' WHERE case_id = ?1", hidden),
                () -> open(family, "c", Tier.SECRET, List.of()));
        for (Runnable write : secretWrites) {
            write.run();
            assertThat(listingVersion(LEAD)).isGreaterThan(listing);
            listing = listingVersion(LEAD);
            assertThat(registerVersion()).isEqualTo(register);
            assertThat(list(Viewer.anonymous(), family)).isSameAs(first);
            assertThat(registerAnswers.anyKept(CaseSearch.summaryKey(query), CaseSearch.Summary.class))
                    .isSameAs(summary);
            comparisons.crosstab(Viewer.anonymous(), rows, cols, filters, false);
            assertThat(registerAnswers.anyKept(crosstabKey, RegisterAnswers.Versioned.class))
                    .isSameAs(counts);
        }

        // A write the register shows moves it, and the next answer shows the write: the case's text, its release, and
        // a secret case made public.
        sql("UPDATE case_file SET region = region || ' moved' WHERE id = ?1", known);
        assertThat(registerVersion()).isGreaterThan(register);
        CaseList moved = list(Viewer.anonymous(), family);
        assertThat(moved).isNotSameAs(first);
        assertThat(moved.items())
                .singleElement()
                .satisfies(item -> assertThat(item.header().region()).endsWith(" moved"));
        assertThat(moved.items().get(0).results()).isNull();
        // A release keeps the case in the register (no write to its row) and shows its results there.
        register = registerVersion();
        sql("UPDATE case_policy SET results_released = true WHERE case_id = ?1", known);
        assertThat(registerVersion()).isGreaterThan(register);
        assertThat(list(Viewer.anonymous(), family).items())
                .singleElement()
                .satisfies(item -> assertThat(item.results()).isNotNull());
        register = registerVersion();
        AccessStub.setPolicy(hidden, "ifit", Tier.PUBLICLY_KNOWN, false, Map.of("ra-lead", TeamRole.LEAD), List.of());
        assertThat(registerVersion()).isGreaterThan(register);
        assertListed(list(Viewer.anonymous(), family), known, hidden);
        comparisons.crosstab(Viewer.anonymous(), rows, cols, filters, false);
        assertThat(registerAnswers.anyKept(crosstabKey, RegisterAnswers.Versioned.class))
                .isNotSameAs(counts)
                .extracting(RegisterAnswers.Versioned::version)
                .isEqualTo(registerVersion());
        // The rules (rewritten at every start of the service) move it too, though here they say the same.
        register = registerVersion();
        sql(
                "UPDATE visibility_rule SET header = header WHERE relationship = 'ANONYMOUS' AND scope = ''"
                        + " AND tier = (SELECT tier FROM case_policy WHERE case_id = ?1) AND released",
                known);
        assertThat(registerVersion()).isGreaterThan(register);
        assertListed(list(Viewer.anonymous(), family), known, hidden);
    }

    @Test
    void aReaderWithCasesAboveTheRegisterIsNeverGivenItsWholeAnswer() {
        AccessStub.ensureFresh();
        String family = family("rx");
        Viewer grantee = Viewer.signedIn("rx-partner", "rx-org", Set.of(Role.PARTNER));
        Viewer member = Viewer.signedIn("rx-member", "rx-staff-org", Set.of(Role.STAFF));
        String known = open(family, "a", Tier.PUBLICLY_KNOWN, List.of());
        String granted = open(family, "b", Tier.SECRET, List.of());
        String teamCase = open(
                family, "c", Tier.SECRET, List.of(), Map.of("ra-lead", TeamRole.LEAD, "rx-member", TeamRole.MEMBER));
        // The register's whole answer is kept, and the grantee's organisation's corrections count no case yet.
        CaseList register = list(Viewer.anonymous(), family);
        assertThat(list(Viewer.anonymous(), family)).isSameAs(register);
        assertListed(list(grantee, family), known);

        // Granted (the version moves): the grantee's next answer has the case, and never the register's again.
        AccessStub.setPolicy(
                granted,
                "ifit",
                Tier.SECRET,
                false,
                Map.of("ra-lead", TeamRole.LEAD),
                List.of(new GrantSpec("rx-org", GrantScope.PROCESS, null)));
        CaseList register2 = list(Viewer.anonymous(), family);
        assertListed(register2, known);
        for (int asked = 0; asked < 2; asked++) {
            CaseList answer = list(grantee, family);
            assertThat(answer).isNotSameAs(register2);
            assertListed(answer, known, granted);
            CaseList members = list(member, family);
            assertThat(members).isNotSameAs(register2);
            assertListed(members, known, teamCase);
        }
    }

    @Test
    void aWriteBehindTheServicesBackIsSeenToo() {
        AccessStub.ensureFresh();
        String family = family("rb");
        String id = open(family, "a", Tier.PUBLICLY_KNOWN, List.of());
        assertThat(total(register(family))).isEqualTo(1);

        long before = listingVersion(LEAD);
        long registerBefore = registerVersion();
        sql("UPDATE case_policy SET tier = 'SECRET' WHERE case_id = ?1", id);
        assertThat(listingVersion(LEAD)).isGreaterThan(before);
        assertThat(registerVersion()).isGreaterThan(registerBefore);
        assertThat(total(register(family))).isZero();

        sql("UPDATE case_policy SET tier = 'PUBLICLY_KNOWN' WHERE case_id = ?1", id);
        assertThat(total(register(family))).isEqualTo(1);
        sql("UPDATE case_file SET deleted_at = now() WHERE id = ?1", id);
        assertThat(total(register(family))).isZero();
    }

    @Test
    void aTransactionMovesTheVersionOnceHoweverManyRowsItWrites() {
        AccessStub.ensureFresh();
        String family = family("rc");
        String first = open(family, "a", Tier.SECRET, List.of());
        String second = open(family, "b", Tier.SECRET, List.of());
        long organisation = readerRow("owner:ifit");
        long lead = readerRow("subject:ra-lead");
        long everyone = version("case_listing_version");
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("UPDATE case_file SET region = region WHERE id IN (?1, ?2)")
                        .setParameter(1, UUID.fromString(first))
                        .setParameter(2, UUID.fromString(second))
                        .executeUpdate());
        assertThat(readerRow("owner:ifit")).isEqualTo(organisation + 1);
        assertThat(readerRow("subject:ra-lead")).isEqualTo(lead + 1);
        // A write to cases names no reader beyond theirs.
        assertThat(version("case_listing_version")).isEqualTo(everyone);
    }

    @Test
    void writersCommittingAtOnceTakeTheVersionsInOneOrder() throws Exception {
        AccessStub.ensureFresh();
        String known = open(family("rl"), "a", Tier.PUBLICLY_KNOWN, List.of());
        try (Connection first = ConcurrentCommits.openTransaction(dataSource);
                Connection second = ConcurrentCommits.openTransaction(dataSource)) {
            // The first writer is committing and has taken the listing version's row, as every committing writer does
            // first.
            ConcurrentCommits.execute(first, "SELECT 1 FROM case_listing_version FOR UPDATE");
            // The second deletes a case of the register: its commit moves the register's version and its readers'.
            ConcurrentCommits.execute(second, "DELETE FROM case_file WHERE id = ?", known);
            CompletableFuture<Void> secondCommits = ConcurrentCommits.commitWaitingForALock(dataSource, second);
            // The second waits for the listing version's row holding nothing the first needs next: the first moves
            // the register's version and commits (before V117 the second took the register's row first: a deadlock,
            // and one of the two failed).
            ConcurrentCommits.execute(first, "UPDATE case_register_version SET version = version + 1");
            first.commit();
            ConcurrentCommits.committed(secondCommits);
        }
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(entityManager
                                .createNativeQuery("SELECT count(*) FROM case_file WHERE id = ?1")
                                .setParameter(1, UUID.fromString(known))
                                .getSingleResult())
                        .isEqualTo(0L));
    }

    @Test
    @TestSecurity(user = "ra-partner", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "ra-partner"), @Claim(key = "org", value = "ra-org")})
    void aRevokedGrantLeavesTheGranteeWithTheRegisterAtOnce() {
        AccessStub.ensureFresh();
        String family = family("rd");
        String shared = open(family, "a", Tier.SECRET, List.of(new GrantSpec("ra-org", GrantScope.PROCESS, null)));
        String known = open(family, "b", Tier.PUBLICLY_KNOWN, List.of());
        // The register's answer for this filter is kept by the first request; the grantee's adds the shared case.
        assertThat(total(register(family))).isEqualTo(1);
        Response granted = given().queryParam("q", family).get("/cases");
        assertThat(granted.jsonPath().getList("items.id", String.class)).containsExactlyInAnyOrder(shared, known);
        assertThat(total(granted)).isEqualTo(2);

        AccessStub.setPolicy(shared, "ifit", Tier.SECRET, false, Map.of("ra-lead", TeamRole.LEAD), List.of());
        Response revoked = given().queryParam("q", family).get("/cases");
        assertThat(revoked.jsonPath().getList("items.id", String.class)).containsExactly(known);
        assertThat(total(revoked)).isEqualTo(1);
        assertThat(revoked.jsonPath().getMap("facets.country")).containsEntry("MX", 1);
    }

    @Test
    void readersOfOneOrganisationShareItsCorrectionsButNotTheirTeams() {
        AccessStub.ensureFresh();
        String family = family("re");
        Viewer onTeam = Viewer.signedIn("re-on-team", "re-org", Set.of(Role.PARTNER));
        Viewer offTeam = Viewer.signedIn("re-off-team", "re-org", Set.of(Role.PARTNER));
        Viewer otherOrganisation = Viewer.signedIn("re-other", "re-other-org", Set.of(Role.PARTNER));
        String teamCase = open(
                family, "a", Tier.SECRET, List.of(), Map.of("ra-lead", TeamRole.LEAD, "re-on-team", TeamRole.MEMBER));
        String granted = open(family, "b", Tier.SECRET, List.of(new GrantSpec("re-org", GrantScope.PROCESS, null)));
        String known = open(family, "c", Tier.PUBLICLY_KNOWN, List.of());

        // Each order: the organisation's corrections are kept by the first of its readers and used by the next,
        // whose own team cases are counted afresh; a reader of another organisation never gets them.
        assertListed(list(offTeam, family), granted, known);
        assertListed(list(onTeam, family), teamCase, granted, known);
        assertListed(list(offTeam, family), granted, known);
        assertListed(list(otherOrganisation, family), known);
        assertListed(list(onTeam, family), teamCase, granted, known);
    }

    @Test
    void readersOfOneOrganisationAndRolesOnDifferentTeamsEachKeepTheirOwnTeam() {
        AccessStub.ensureFresh();
        String family = family("rt");
        Viewer first = Viewer.signedIn("rt-first", "rt-org", Set.of(Role.STAFF));
        Viewer second = Viewer.signedIn("rt-second", "rt-org", Set.of(Role.STAFF));
        String firstCase = open(
                family, "a", Tier.SECRET, List.of(), Map.of("ra-lead", TeamRole.LEAD, "rt-first", TeamRole.MEMBER));
        Map<String, TeamRole> secondTeam = Map.of("ra-lead", TeamRole.LEAD, "rt-second", TeamRole.MEMBER);
        String secondCase = open(family, "b", Tier.SECRET, List.of(), secondTeam);
        String secondOther = open(family, "c", Tier.SECRET, List.of(), secondTeam);
        // Asked in turn, twice, so that each is answered from what is kept: each gets their own team's cases alone
        // (one and two, so that one's counts in the other's answer would show).
        for (int round = 0; round < 2; round++) {
            assertListed(list(first, family), firstCase);
            assertListed(list(second, family), secondCase, secondOther);
        }
    }

    @Test
    void aTeamChangedBehindTheServicesBackMovesTheVersion() {
        AccessStub.ensureFresh();
        String family = family("rs");
        Viewer member = Viewer.signedIn("rs-member", "rs-org", Set.of(Role.STAFF));
        String teamCase = open(
                family, "a", Tier.SECRET, List.of(), Map.of("ra-lead", TeamRole.LEAD, "rs-member", TeamRole.MEMBER));
        String known = open(family, "b", Tier.PUBLICLY_KNOWN, List.of());
        assertListed(list(member, family), teamCase, known);
        assertListed(list(member, family), teamCase, known);

        long before = listingVersion(member);
        sql("DELETE FROM case_team_member WHERE case_id = ?1 AND subject = 'rs-member'", teamCase);
        assertThat(listingVersion(member)).isGreaterThan(before);
        assertListed(list(member, family), known);

        sql("INSERT INTO case_team_member (case_id, subject, role) VALUES (?1, 'rs-member', 'MEMBER')", teamCase);
        assertListed(list(member, family), teamCase, known);
    }

    @Test
    void aGrantWrittenBehindTheServicesBackMovesTheVersion() {
        AccessStub.ensureFresh();
        String family = family("rf");
        Viewer grantee = Viewer.signedIn("rf-partner", "rf-org", Set.of(Role.PARTNER));
        String granted = open(family, "a", Tier.SECRET, List.of(new GrantSpec("rf-org", GrantScope.PROCESS, null)));
        String known = open(family, "b", Tier.PUBLICLY_KNOWN, List.of());
        assertListed(list(grantee, family), granted, known);

        long before = listingVersion(grantee);
        sql("DELETE FROM case_grant WHERE case_id = ?1", granted);
        assertThat(listingVersion(grantee)).isGreaterThan(before);
        assertListed(list(grantee, family), known);
    }

    @Test
    void aWriteToCasesAReaderSeesNoMoreOfThanTheRegisterLeavesTheirKeptAnswerAndEveryOtherShowsAtOnce() {
        AccessStub.ensureFresh();
        String family = family("rw");
        // Staff of an organisation with nothing above the register, and staff of the secret case's own organisation who
        // are not on its team: their organisation's and team's corrections count no case, so they are given the
        // register's whole answer, kept. A secrecy admin of that organisation sees the secret case.
        Viewer staff = Viewer.signedIn("rw-staff", "rw-org", Set.of(Role.STAFF));
        Viewer ownStaff = Viewer.signedIn("rw-own-staff", "ifit", Set.of(Role.STAFF));
        Viewer admin = Viewer.signedIn("rw-admin", "ifit", Set.of(Role.STAFF, Role.SECRECY_ADMIN));
        String known = open(family, "a", Tier.PUBLICLY_KNOWN, List.of());
        String secret = open(family, "b", Tier.SECRET, List.of());
        ListQuery query = ListQuery.parse(searching(family));
        List<Viewer> readers = List.of(staff, ownStaff);
        Map<Viewer, CaseList> firsts = new java.util.HashMap<>();
        Map<List<Object>, RegisterAnswers.Versioned> corrections = new java.util.HashMap<>();
        Map<Viewer, Long> versions = new java.util.HashMap<>();
        for (Viewer reader : readers) {
            // The first request keeps the reader's corrections; from the second on, the whole answer kept is served.
            assertListed(list(reader, family), known);
            CaseList whole = list(reader, family);
            assertListed(whole, known);
            assertThat(list(reader, family)).isSameAs(whole);
            firsts.put(reader, whole);
            for (List<Object> key :
                    List.of(CaseSearch.organisationKey(reader, query), CaseSearch.teamKey(reader, query))) {
                RegisterAnswers.Versioned kept = registerAnswers.anyKept(key, RegisterAnswers.Versioned.class);
                assertThat(kept).isNotNull();
                corrections.put(key, kept);
            }
            versions.put(reader, listingVersion(reader));
        }
        assertListed(list(admin, family), known, secret);

        // Writes to the secret case (its text, team, grants), and a new secret case, none granted to their organisation
        // nor with them on its team: their kept answers and corrections stay where they were, so the time of their next
        // request tells nothing of them. The secrecy admin's answer shows each at once.
        List<Runnable> othersWrites = List.of(
                () -> sql("UPDATE case_file SET region = region || ' moved' WHERE id = ?1", secret),
                () -> AccessStub.setPolicy(
                        secret,
                        "ifit",
                        Tier.SECRET,
                        false,
                        Map.of("ra-lead", TeamRole.LEAD, "rw-other", TeamRole.MEMBER),
                        List.of(new GrantSpec("rw-other-org", GrantScope.PROCESS, null))),
                () -> sql("DELETE FROM case_grant WHERE case_id = ?1", secret),
                () -> sql("UPDATE case_file SET country = 'CO' WHERE id = ?1", secret));
        for (Runnable write : othersWrites) {
            write.run();
            for (Viewer reader : readers) {
                assertThat(listingVersion(reader)).isEqualTo(versions.get(reader));
                assertThat(list(reader, family)).isSameAs(firsts.get(reader));
            }
            corrections.forEach((key, kept) -> assertThat(registerAnswers.anyKept(key, RegisterAnswers.Versioned.class))
                    .isSameAs(kept));
        }
        assertThat(list(admin, family).facets().get("country")).isEqualTo(Map.of("MX", 1L, "CO", 1L));
        String newSecret = open(family, "c", Tier.SECRET, List.of());
        for (Viewer reader : readers) {
            assertThat(list(reader, family)).isSameAs(firsts.get(reader));
        }
        assertThat(list(admin, family).total()).isEqualTo(3);
        assertThat(list(admin, family).items()).extracting(CaseView::id).contains(newSecret);
        sql("UPDATE case_file SET country = 'MX' WHERE id = ?1", secret);

        // A grant to their organisation shows at once, and so does a later write to the granted case (its country,
        // behind the service's back: the organisation's kept corrections count it under the new value).
        AccessStub.setPolicy(
                secret,
                "ifit",
                Tier.SECRET,
                false,
                Map.of("ra-lead", TeamRole.LEAD),
                List.of(new GrantSpec("rw-org", GrantScope.PROCESS, null)));
        assertListed(list(staff, family), known, secret);
        sql("UPDATE case_file SET country = 'CO' WHERE id = ?1", secret);
        CaseList granted = list(staff, family);
        assertThat(granted.items()).extracting(CaseView::id).containsExactlyInAnyOrder(known, secret);
        assertThat(granted.facets().get("country")).isEqualTo(Map.of("MX", 1L, "CO", 1L));

        // Put on another organisation's team behind the service's back: the case shows at once, and so does a later
        // write to it (the team's kept corrections count it under its new country).
        String teamCase = open(family, "d", Tier.SECRET, List.of());
        assertThat(list(staff, family).items()).extracting(CaseView::id).containsExactlyInAnyOrder(known, secret);
        sql("INSERT INTO case_team_member (case_id, subject, role) VALUES (?1, 'rw-staff', 'MEMBER')", teamCase);
        assertThat(list(staff, family).items())
                .extracting(CaseView::id)
                .containsExactlyInAnyOrder(known, secret, teamCase);
        sql("UPDATE case_file SET country = 'CO' WHERE id = ?1", teamCase);
        CaseList onTeam = list(staff, family);
        assertThat(onTeam.total()).isEqualTo(3);
        assertThat(onTeam.facets().get("country")).isEqualTo(Map.of("MX", 1L, "CO", 2L));
    }

    @Test
    void aGrantStopsCountingTheInstantItExpiresThoughNothingIsWritten() {
        AccessStub.ensureFresh();
        String family = family("rg");
        Viewer grantee = Viewer.signedIn("rg-partner", "rg-org", Set.of(Role.PARTNER));
        Instant expiry = Instant.now().plusSeconds(4);
        open(family, "a", Tier.SECRET, List.of(new GrantSpec("rg-org", GrantScope.PROCESS, expiry)));
        String known = open(family, "b", Tier.PUBLICLY_KNOWN, List.of());
        CaseList before = list(grantee, family);
        long version = listingVersion(grantee);
        // Asked before the expiry (a slow machine may already be past it): the organisation's corrections are kept.
        if (Instant.now().isBefore(expiry)) {
            assertThat(before.total()).isEqualTo(2);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> Instant.now().isAfter(expiry.plusMillis(200)));
        assertListed(list(grantee, family), known);
        // No write moved the version: the kept corrections stopped holding at the grant's expiry.
        assertThat(listingVersion(grantee)).isEqualTo(version);
        assertThat(before.items()).extracting(CaseView::id).contains(known);
    }
}
