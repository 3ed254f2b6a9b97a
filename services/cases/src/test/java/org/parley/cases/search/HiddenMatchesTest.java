package org.parley.cases.search;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.content.NewCase;
import org.parley.cases.content.Process;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.Sample;
import org.parley.policy.GrantScope;
import org.parley.policy.Role;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search reads no hidden text (secrecy model §6): the rows of case_file its statements read are the same for a word
 * that only the register's cases hold as for a word that many secret cases, and the hidden PROCESS of many public
 * cases, hold too. So for the register's (cases migration V116) and for a signed-in reader's, whose collected hits are
 * the register's and their own cases' ({@code VisibleCases.readersHits}). Were a hidden match read, the time of a
 * search would grow with it, and timing two searches would tell whether hidden material holds a word.
 */
@QuarkusTest
class HiddenMatchesTest {

    static final Class<?> STACK = CasesTestResource.class;
    static final Viewer LEAD = Viewer.signedIn("hm-lead", "ifit", Set.of(Role.STAFF));
    static final Viewer PARTNER = Viewer.signedIn("hm-partner", "hm-partners", Set.of(Role.PARTNER));
    static final Viewer MEMBER = Viewer.signedIn("hm-member", "hm-others", Set.of(Role.STAFF));
    static final Viewer ADMIN = Viewer.signedIn("hm-admin", "hm-owners", Set.of(Role.STAFF, Role.SECRECY_ADMIN));
    static final int HIDDEN_CASES = 40;
    static final int HIDDEN_SECTIONS = 20;

    @Inject
    CaseService cases;

    @Inject
    CaseSearch search;

    @Inject
    EntityManager entityManager;

    /** A case of the family whose text holds {@code word}; with {@code processOnly}, only in its PROCESS. */
    private void open(String word, String suffix, Tier tier, boolean processOnly) {
        String tag = processOnly ? "hmp" + UUID.randomUUID().toString().substring(0, 6) : word;
        NewCase sample = Sample.withMarkers(tag, tag + suffix, "MX", EntityType.CHURCH, GroupType.MAFIA);
        Process process = sample.process();
        NewCase written = processOnly
                ? new NewCase(
                        sample.header(),
                        sample.context(),
                        new Process(
                                process.objectives(),
                                process.redlines(),
                                List.of("Back channel through " + word),
                                process.mediators(),
                                process.risks()),
                        sample.results())
                : sample;
        String id = cases.create(LEAD, written).id();
        AccessStub.setPolicy(id, "ifit", tier, false, Map.of("hm-lead", TeamRole.LEAD), List.of());
    }

    /** A secret case that holds neither word, led by the lead, with {@code team} besides and {@code grants}. */
    private void ownCase(String owner, Map<String, TeamRole> team, List<AccessStub.GrantSpec> grants) {
        String word = "hmo" + UUID.randomUUID().toString().substring(0, 6);
        String id = cases.create(LEAD, Sample.withMarkers(word, word, "MX", EntityType.CHURCH, GroupType.MAFIA))
                .id();
        Map<String, TeamRole> members = new java.util.HashMap<>(team);
        members.put("hm-lead", TeamRole.LEAD);
        AccessStub.setPolicy(id, owner, Tier.SECRET, false, members, grants);
    }

    private static ListQuery searching(String word) {
        return ListQuery.parse(new CaseListFilters(word, null, null, null, null, null, null, null, null, null));
    }

    /** The rows of case_file that {@code read} reads, from PostgreSQL's counters of its own transaction. */
    private long caseFileRowsRead(Consumer<ListQuery> read, ListQuery query) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // The test database holds a few dozen cases, which PostgreSQL reads whole whatever the text; with the
            // platform's thousands it finds a text's cases from the full-text indexes, which this makes it do here.
            entityManager.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
            long before = rowsReadSoFar();
            read.accept(query);
            return rowsReadSoFar() - before;
        });
    }

    /** {@code read} reads as many rows of case_file for {@code shadowed} as for {@code plain}. */
    private void assertSameRowsRead(String what, Consumer<ListQuery> read, String plain, String shadowed) {
        // A word no case holds first: each statement's first run on a connection may be planned otherwise.
        caseFileRowsRead(read, searching("hmw" + UUID.randomUUID().toString().substring(0, 6)));
        long plainRows = caseFileRowsRead(read, searching(plain));
        long shadowedRows = caseFileRowsRead(read, searching(shadowed));
        assertThat(shadowedRows)
                .as("%s: rows read for a word hidden text also holds, against one it does not", what)
                .isEqualTo(plainRows);
    }

    private long rowsReadSoFar() {
        return ((Number) entityManager
                        .createNativeQuery("SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)"
                                + " FROM pg_stat_xact_user_tables WHERE relname = 'case_file'")
                        .getSingleResult())
                .longValue();
    }

    private Object drained(VisibleCases.Statement statement) {
        return search.run(statement, rows -> {
            int count = 0;
            while (rows.next()) {
                count++;
            }
            return count;
        });
    }

    @Test
    void aSearchReadsTheSameRowsWhateverHiddenTextHoldsItsWords() {
        AccessStub.ensureFresh();
        String plain = "hmw" + UUID.randomUUID().toString().substring(0, 6);
        String shadowed = "hmw" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            open(plain, "k" + i, Tier.PUBLICLY_KNOWN, false);
            open(shadowed, "k" + i, Tier.PUBLICLY_KNOWN, false);
        }
        for (int i = 0; i < HIDDEN_CASES; i++) {
            open(shadowed, "s" + i, Tier.SECRET, false);
        }
        for (int i = 0; i < HIDDEN_SECTIONS; i++) {
            open(shadowed, "p" + i, Tier.PUBLICLY_KNOWN, true);
        }
        // The signed-in readers' own cases, holding neither word: granted, on a team, owned.
        for (int i = 0; i < 2; i++) {
            ownCase(
                    "ifit",
                    Map.of(),
                    List.of(new AccessStub.GrantSpec(PARTNER.organisation(), GrantScope.PROCESS, null)));
            ownCase("ifit", Map.of(MEMBER.subject(), TeamRole.MEMBER), List.of());
            ownCase(ADMIN.organisation(), Map.of(), List.of());
        }
        // Statistics, as the platform's database has them, so the plans are the ones it runs.
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager.createNativeQuery("ANALYZE case_file").executeUpdate());

        Map<String, Consumer<ListQuery>> reads = Map.of(
                "the service's anonymous list (the register's summary and a page)",
                query -> search.list(Viewer.anonymous(), query),
                "the register's summary",
                query -> drained(VisibleCases.registerSummary(query)),
                "an anonymous page of collected hits",
                query -> drained(
                        VisibleCases.listPage(Viewer.anonymous(), query, false, VisibleCases.TextMatch.COLLECTED)),
                "an anonymous page matched per case",
                query -> drained(
                        VisibleCases.listPage(Viewer.anonymous(), query, false, VisibleCases.TextMatch.PER_CASE)),
                "an anonymous comparison matrix",
                query -> drained(VisibleCases.matrix(Viewer.anonymous(), query, false)),
                "the register's cross-tab counts",
                query -> drained(
                        VisibleCases.crosstabRegister(query, "context.groups.internalControl", "results.dealReached")));
        reads.forEach((name, read) -> assertSameRowsRead(name, read, plain, shadowed));

        // Signed-in readers: a partner holding grants, a member of another organisation on two teams, a secrecy admin
        // of an organisation owning two cases, and staff with nothing above the register. Their own cases hold neither
        // word, and each statement that collects hits reads them, and the register's, whatever the word.
        Map<String, Viewer> signedIn = Map.of(
                "a partner with grants", PARTNER,
                "a member of another organisation", MEMBER,
                "a secrecy admin of another organisation", ADMIN,
                "staff with nothing above the register",
                        Viewer.signedIn("hm-staff", "hm-elsewhere", Set.of(Role.STAFF)));
        signedIn.forEach((who, reader) -> {
            Map<String, Consumer<ListQuery>> readerReads = new java.util.LinkedHashMap<>();
            readerReads.put("the service's list", query -> search.list(reader, query));
            readerReads.put(
                    "a page of collected hits",
                    query -> drained(VisibleCases.listPage(reader, query, false, VisibleCases.TextMatch.COLLECTED)));
            readerReads.put("a comparison matrix", query -> drained(VisibleCases.matrix(reader, query, false)));
            if (VisibleCases.hasOrganisationPart(reader)) {
                readerReads.put(
                        "the organisation's corrections",
                        query -> drained(VisibleCases.organisationSummary(reader, query)));
            }
            if (VisibleCases.hasTeamPart(reader)) {
                readerReads.put("the team's corrections", query -> drained(VisibleCases.teamSummary(reader, query)));
                readerReads.put("the team's own page", query -> drained(VisibleCases.listPage(reader, query, true)));
            }
            readerReads.forEach((name, read) -> assertSameRowsRead(who + ", " + name, read, plain, shadowed));
            assertThat(search.list(reader, searching(shadowed)).total()).as(who).isEqualTo(3);
        });

        assertThat(search.list(Viewer.anonymous(), searching(shadowed)).total()).isEqualTo(3);
        assertThat(search.list(Viewer.anonymous(), searching(plain)).total()).isEqualTo(3);
        // The hidden text is there, for a reader who may see it: the lead finds every case.
        assertThat(search.list(LEAD, searching(shadowed)).total()).isEqualTo(3 + HIDDEN_CASES + HIDDEN_SECTIONS);
    }
}
