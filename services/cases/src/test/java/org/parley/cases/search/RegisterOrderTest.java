package org.parley.cases.search;

import java.sql.Connection;
import java.util.EnumSet;
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
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseView;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.ConcurrentCommits;
import org.parley.cases.support.Sample;
import org.parley.cases.visibility.VisibilityTable;
import org.parley.policy.GrantScope;
import org.parley.policy.Relationship;
import org.parley.policy.Role;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Section;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: a page of the public register walks only the register's cases, from an index of them
 * ({@code case_file.in_register}, cases migration V112). The column is a narrowing the register's rules read before
 * deciding: it must be true exactly where the policy library's register shows something, whichever way a case, its
 * policy or the rulebook was written, and a value forced from outside must not survive the write.
 */
@QuarkusTest
class RegisterOrderTest {

    static final Class<?> STACK = CasesTestResource.class;
    static final Viewer LEAD = Viewer.signedIn("ro-lead", "ifit", Set.of(Role.STAFF));

    @Inject
    CaseService cases;

    @Inject
    EntityManager entityManager;

    @Inject
    VisibilityTable visibilityTable;

    @Inject
    DataSource dataSource;

    @Inject
    CaseSearch search;

    private String open(String family, String suffix) {
        return cases.create(LEAD, Sample.withMarkers(family, family + suffix, "MX", EntityType.CHURCH, GroupType.MAFIA))
                .id();
    }

    private static void policy(String id, Tier tier, boolean released) {
        AccessStub.setPolicy(id, "ifit", tier, released, Map.of("ro-lead", TeamRole.LEAD), List.of());
    }

    /** What the policy library's register shows of a case with this tier and release: something, or nothing. */
    private static boolean registerShows(Tier tier, boolean released) {
        return !SecrecyRules.sections(Relationship.ANONYMOUS, tier, released, null)
                .isEmpty();
    }

    private boolean inRegister(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) entityManager
                .createNativeQuery("SELECT in_register FROM case_file WHERE id = ?1")
                .setParameter(1, UUID.fromString(id))
                .getSingleResult());
    }

    /** The sections the register shows of a case, as its row holds them (V116). */
    private Set<Section> registerSections(String id) {
        int bits = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("SELECT register_sections FROM case_file WHERE id = ?1")
                                .setParameter(1, UUID.fromString(id))
                                .getSingleResult())
                        .intValue());
        Set<Section> sections = EnumSet.noneOf(Section.class);
        // VisibleCases' search order: HEADER, CONTEXT, PROCESS, RESULTS.
        List<Section> searched = List.of(Section.HEADER, Section.CONTEXT, Section.PROCESS, Section.RESULTS);
        for (int i = 0; i < searched.size(); i++) {
            if ((bits & (1 << i)) != 0) {
                sections.add(searched.get(i));
            }
        }
        assertThat(bits >> searched.size())
                .as("bits beyond the searched sections")
                .isZero();
        return sections;
    }

    /** What the policy library's register shows of the searched sections of a case with this tier and release. */
    private static Set<Section> registerShowsSections(Tier tier, boolean released) {
        Set<Section> sections = EnumSet.noneOf(Section.class);
        sections.addAll(SecrecyRules.sections(Relationship.ANONYMOUS, tier, released, null));
        sections.retainAll(List.of(Section.HEADER, Section.CONTEXT, Section.PROCESS, Section.RESULTS));
        return sections;
    }

    private void sql(String statement, String caseId) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(statement)
                        .setParameter(1, UUID.fromString(caseId))
                        .executeUpdate());
    }

    private static List<String> registerPage(String family) {
        Response answer = given().queryParam("q", family).get("/public/cases");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getLong("total"))
                .isEqualTo(answer.jsonPath().getList("items").size());
        return answer.jsonPath().getList("items.id", String.class);
    }

    @Test
    void everyTierAndReleaseGivesTheRegistersAnswerWhetherPolicyIsNewOrChanged() {
        AccessStub.ensureFresh();
        String family = "ro" + UUID.randomUUID().toString().substring(0, 6);
        String moved = open(family, "moved");
        for (Tier tier : Tier.values()) {
            for (boolean released : new boolean[] {false, true}) {
                String fresh = open(family, tier.name() + released);
                policy(fresh, tier, released);
                assertThat(inRegister(fresh))
                        .as("%s released=%s, new", tier, released)
                        .isEqualTo(registerShows(tier, released));
                assertThat(registerSections(fresh))
                        .as("%s released=%s, new: the sections", tier, released)
                        .isEqualTo(registerShowsSections(tier, released));
                policy(moved, tier, released);
                assertThat(inRegister(moved))
                        .as("%s released=%s, changed", tier, released)
                        .isEqualTo(registerShows(tier, released));
                assertThat(registerSections(moved))
                        .as("%s released=%s, changed: the sections", tier, released)
                        .isEqualTo(registerShowsSections(tier, released));
            }
        }
        // The library's register shows a publicly known case and hides a secret one: the loop tried both answers.
        assertThat(registerShows(Tier.PUBLICLY_KNOWN, false)).isTrue();
        assertThat(registerShows(Tier.SECRET, true)).isFalse();
    }

    @Test
    void aCaseWrittenBeforeOrAfterItsPolicyTakesItsValue() {
        AccessStub.ensureFresh();
        String family = "rp" + UUID.randomUUID().toString().substring(0, 6);
        String template = open(family, "template");
        policy(template, Tier.PUBLICLY_KNOWN, false);
        // The policy first (access's event came before the case reached this service), then the case's row.
        String later = UUID.randomUUID().toString();
        policy(later, Tier.PUBLICLY_KNOWN, false);
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("INSERT INTO case_file (id, version, title, country, region, status,"
                                + " period_start, period_end, context, process, timeline, results, created_by,"
                                + " created_at, updated_at, in_register) SELECT ?1, version, title, country, region,"
                                + " status, period_start, period_end, context, process, timeline, results, created_by,"
                                + " created_at, updated_at, FALSE FROM case_file WHERE id = ?2")
                        .setParameter(1, UUID.fromString(later))
                        .setParameter(2, UUID.fromString(template))
                        .executeUpdate());
        assertThat(inRegister(later)).isTrue();
        assertThat(registerPage(family)).containsExactlyInAnyOrder(template, later);

        // The policy removed behind the service's back: the case leaves the register with it.
        sql("DELETE FROM case_policy WHERE case_id = ?1", later);
        assertThat(inRegister(later)).isFalse();
        assertThat(registerPage(family)).containsExactly(template);
    }

    @Test
    void aValueForcedFromOutsideDoesNotSurviveTheWrite() {
        AccessStub.ensureFresh();
        String family = "rq" + UUID.randomUUID().toString().substring(0, 6);
        String secret = open(family, "secret");
        policy(secret, Tier.SECRET, false);
        String known = open(family, "known");
        policy(known, Tier.PUBLICLY_KNOWN, false);

        sql("UPDATE case_file SET in_register = TRUE WHERE id = ?1", secret);
        sql("UPDATE case_file SET in_register = FALSE WHERE id = ?1", known);
        assertThat(inRegister(secret)).isFalse();
        assertThat(inRegister(known)).isTrue();
        assertThat(registerPage(family)).containsExactly(known);
        sql("UPDATE case_file SET register_sections = 15 WHERE id = ?1", secret);
        sql("UPDATE case_file SET register_sections = 0 WHERE id = ?1", known);
        assertThat(registerSections(secret)).isEmpty();
        assertThat(registerSections(known)).isEqualTo(registerShowsSections(Tier.PUBLICLY_KNOWN, false));

        sql("UPDATE case_policy SET deleted = TRUE WHERE case_id = ?1", known);
        assertThat(inRegister(known)).isFalse();
        assertThat(registerSections(known)).isEmpty();
        assertThat(registerPage(family)).isEmpty();
    }

    @Test
    void theRulebookRewrittenRecomputesEveryCaseAtItsCommit() {
        AccessStub.ensureFresh();
        String family = "rr" + UUID.randomUUID().toString().substring(0, 6);
        String known = open(family, "known");
        policy(known, Tier.PUBLICLY_KNOWN, false);
        assertThat(inRegister(known)).isTrue();
        try {
            // Behind the service's back: the register's rows for publicly known cases gone, in one transaction.
            QuarkusTransaction.requiringNew()
                    .run(() -> entityManager
                            .createNativeQuery("DELETE FROM visibility_rule WHERE relationship = 'ANONYMOUS'"
                                    + " AND tier = 'PUBLICLY_KNOWN'")
                            .executeUpdate());
            assertThat(inRegister(known)).isFalse();
            assertThat(registerSections(known)).isEmpty();
            assertThat(registerPage(family)).isEmpty();
        } finally {
            // As at every start: the rulebook written from the policy library again.
            QuarkusTransaction.requiringNew().run(visibilityTable::rewrite);
        }
        assertThat(inRegister(known)).isTrue();
        assertThat(registerSections(known)).isEqualTo(registerShowsSections(Tier.PUBLICLY_KNOWN, false));
        assertThat(registerPage(family)).containsExactly(known);
    }

    @Test
    void aRewriteOfTheRulesAndAWriterOfACaseItMovesBothCommit() throws Exception {
        AccessStub.ensureFresh();
        String family = "rq" + UUID.randomUUID().toString().substring(0, 6);
        String known = open(family, "known");
        policy(known, Tier.PUBLICLY_KNOWN, false);
        assertThat(inRegister(known)).isTrue();
        try (Connection writer = ConcurrentCommits.openTransaction(dataSource);
                Connection rules = ConcurrentCommits.openTransaction(dataSource)) {
            // A writer of the case holds its row ...
            ConcurrentCommits.execute(writer, "UPDATE case_file SET region = region WHERE id = ?", known);
            // ... while the register's rules for publicly known cases go: at its commit the rewrite recomputes that
            // row, and waits for the writer.
            ConcurrentCommits.execute(
                    rules, "DELETE FROM visibility_rule WHERE relationship = 'ANONYMOUS' AND tier = 'PUBLICLY_KNOWN'");
            CompletableFuture<Void> rewrite = ConcurrentCommits.commitWaitingForALock(dataSource, rules);
            // The writer's commit takes the version rows, which the waiting rewrite must not hold yet (before V118 it
            // had taken the listing version's row before recomputing the cases: a deadlock, one of the two failed).
            writer.commit();
            ConcurrentCommits.committed(rewrite);
            assertThat(inRegister(known)).isFalse();
        } finally {
            // As at every start: the rulebook written from the policy library again.
            QuarkusTransaction.requiringNew().run(visibilityTable::rewrite);
        }
        assertThat(inRegister(known)).isTrue();
        assertThat(registerPage(family)).containsExactly(known);
    }

    /** The periods on the rows that name the case (team, grants, policy), each distinct value once. */
    private List<Object> namingPeriods(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(
                                "SELECT DISTINCT coalesce(period_start::text, 'none') FROM (SELECT period_start FROM"
                                        + " case_team_member WHERE case_id = ?1 UNION ALL SELECT period_start FROM case_grant WHERE"
                                        + " case_id = ?1 UNION ALL SELECT period_start FROM case_policy WHERE case_id = ?1) x")
                        .setParameter(1, UUID.fromString(id))
                        .getResultList());
    }

    /** The lead's page of the family's cases (a page walks their team cases in period order, cases migration V114). */
    private List<String> leadsPage(String family) {
        return search
                .list(
                        LEAD,
                        ListQuery.parse(
                                new CaseListFilters(family, null, null, null, null, null, null, null, null, null)))
                .items()
                .stream()
                .map(CaseView::id)
                .toList();
    }

    @Test
    void theRowsNamingACaseCarryItsPeriodHoweverEitherIsWritten() {
        AccessStub.ensureFresh();
        String family = "rs" + UUID.randomUUID().toString().substring(0, 6);
        String template = open(family, "template");
        policy(template, Tier.SECRET, false);
        // The policy (team and a grant) first, then the case's row, a year before the template's period.
        String later = UUID.randomUUID().toString();
        AccessStub.setPolicy(
                later,
                "ifit",
                Tier.SECRET,
                false,
                Map.of("ro-lead", TeamRole.LEAD),
                List.of(new AccessStub.GrantSpec("oas", GrantScope.SUMMARY, null)));
        assertThat(namingPeriods(later)).containsExactly("none");
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("INSERT INTO case_file (id, version, title, country, region, status,"
                                + " period_start, period_end, context, process, timeline, results, created_by,"
                                + " created_at, updated_at) SELECT ?1, version, title, country, region, status,"
                                + " period_start - 365, period_end, context, process, timeline, results, created_by,"
                                + " created_at, updated_at FROM case_file WHERE id = ?2")
                        .setParameter(1, UUID.fromString(later))
                        .setParameter(2, UUID.fromString(template))
                        .executeUpdate());
        assertThat(namingPeriods(later)).containsExactly("2009-01-01");
        assertThat(leadsPage(family)).containsExactly(template, later);

        // The period moved behind the service's back: the rows follow, and the page's order with them.
        sql("UPDATE case_file SET period_start = DATE '2011-01-01' WHERE id = ?1", later);
        assertThat(namingPeriods(later)).containsExactly("2011-01-01");
        assertThat(leadsPage(family)).containsExactly(later, template);

        // A period forced on a row from outside does not survive the write.
        sql("UPDATE case_team_member SET period_start = DATE '1950-01-01' WHERE case_id = ?1", later);
        sql("UPDATE case_grant SET period_start = DATE '1950-01-01' WHERE case_id = ?1", later);
        assertThat(namingPeriods(later)).containsExactly("2011-01-01");
        assertThat(leadsPage(family)).containsExactly(later, template);
    }
}
