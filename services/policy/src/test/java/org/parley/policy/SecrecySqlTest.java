package org.parley.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.policy.Fixtures.NOW;
import static org.parley.policy.Fixtures.OWNER;
import static org.parley.policy.Fixtures.viewer;

/**
 * The SQL the policy generates, as text: its shape follows the declarations, and viewer values travel as
 * parameters only. That the SQL answers as the Java does is proven on PostgreSQL, in the cases service
 * (PolicySqlAgreementTest).
 */
class SecrecySqlTest {

    /** An organisation name that would break the statement if it were ever spliced into the text. */
    private static final String QUOTED = "org-o'brien";

    private static final CaseColumns ROW = new CaseColumns(
            "p.owning_organisation", SqlFragment.of("m.case_id IS NOT NULL"), SqlFragment.of("g.scope IS NOT NULL"));

    @Test
    void aSignedInViewersRelationshipIsACaseOverThePrecedence() {
        SqlFragment sql = SecrecySql.relationshipOf(viewer("u", QUOTED, Role.STAFF), ROW);

        assertThat(sql.sql())
                .isEqualTo("CASE WHEN m.case_id IS NOT NULL THEN 'MEMBER' WHEN g.scope IS NOT NULL THEN 'GRANTEE'"
                        + " WHEN p.owning_organisation = ? THEN 'ORG_STAFF' ELSE 'OTHER' END");
        assertThat(sql.parameters()).containsExactly(QUOTED);
    }

    @Test
    void aSecrecyAdminGetsTheirLineAndTheRoleItselfLeavesNoTrace() {
        SqlFragment sql = SecrecySql.relationshipOf(viewer("u", QUOTED, Role.SECRECY_ADMIN), ROW);

        assertThat(sql.sql())
                .isEqualTo("CASE WHEN m.case_id IS NOT NULL THEN 'MEMBER'"
                        + " WHEN p.owning_organisation = ? THEN 'SECRECY_ADMIN' WHEN g.scope IS NOT NULL THEN 'GRANTEE'"
                        + " WHEN p.owning_organisation = ? THEN 'ORG_STAFF' ELSE 'OTHER' END");
        assertThat(sql.parameters()).containsExactly(QUOTED, QUOTED);
    }

    @Test
    void theCaseNamesTheRelationshipsInThePrecedencesOrder() {
        SqlFragment sql = SecrecySql.relationshipOf(viewer("u", OWNER, Role.SECRECY_ADMIN), ROW);
        List<Relationship> named = new ArrayList<>();
        for (SecrecyRules.RelationshipRule line : SecrecyRules.RELATIONSHIP_PRECEDENCE) {
            if (sql.sql().contains("'" + line.relationship().name() + "'")) {
                named.add(line.relationship());
            }
        }
        named.sort((a, b) -> Integer.compare(
                sql.sql().indexOf("'" + a.name() + "'"), sql.sql().indexOf("'" + b.name() + "'")));

        assertThat(named)
                .containsExactly(
                        Relationship.MEMBER,
                        Relationship.SECRECY_ADMIN,
                        Relationship.GRANTEE,
                        Relationship.ORG_STAFF,
                        Relationship.OTHER);
    }

    @Test
    void anAnonymousViewersRelationshipIsALiteralThatReadsNoColumn() {
        SqlFragment sql = SecrecySql.relationshipOf(Viewer.anonymous(), CaseColumns.ownedBy("p.owning_organisation"));

        assertThat(sql.sql()).isEqualTo("'ANONYMOUS'");
        assertThat(sql.parameters()).isEmpty();
    }

    @Test
    void beingAMemberIsBeingOnTheTeamForSignedInViewersAndNeverForAnonymousOnes() {
        assertThat(SecrecySql.relationshipIs(Relationship.MEMBER, viewer("u", OWNER), ROW))
                .isEqualTo(SqlFragment.of("m.case_id IS NOT NULL"));
        assertThat(SecrecySql.relationshipIs(Relationship.MEMBER, Viewer.anonymous(), ROW))
                .isEqualTo(SqlFragment.FALSE);
    }

    @Test
    void aLaterRelationshipRulesOutEveryEarlierLineNullSafely() {
        SqlFragment orgStaff = SecrecySql.relationshipIs(Relationship.ORG_STAFF, viewer("u", QUOTED), ROW);

        assertThat(orgStaff.sql())
                .isEqualTo("((m.case_id IS NOT NULL) IS NOT TRUE AND (g.scope IS NOT NULL) IS NOT TRUE"
                        + " AND p.owning_organisation = ?)");
        assertThat(orgStaff.parameters()).containsExactly(QUOTED);
    }

    @Test
    void interviewContentNeedsALinkAndTheContentRelationshipOnEveryLinkedCase() {
        CaseColumns linked = new CaseColumns(
                "p.owning_organisation",
                SqlFragment.of("EXISTS (SELECT 1 FROM team t WHERE t.case_id = p.case_id AND t.subject = ?)", "u"),
                null);

        SqlFragment sql = SecrecySql.interviewContentVisible(
                viewer("u", OWNER),
                "FROM link l WHERE l.interview_id = i.id",
                "FROM case_policy p WHERE p.case_id = l.case_id",
                linked);

        assertThat(sql.sql())
                .isEqualTo("EXISTS (SELECT 1 FROM link l WHERE l.interview_id = i.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM link l WHERE l.interview_id = i.id"
                        + " AND NOT EXISTS (SELECT 1 FROM case_policy p WHERE p.case_id = l.case_id"
                        + " AND EXISTS (SELECT 1 FROM team t WHERE t.case_id = p.case_id AND t.subject = ?)))");
        assertThat(sql.parameters()).containsExactly("u");
        assertThat(SecrecySql.interviewContentVisible(Viewer.anonymous(), "FROM a", "FROM b", linked))
                .isEqualTo(SqlFragment.FALSE);
    }

    @Test
    void theLedgerScopeIsReadLedgerOnTheOwnerOrTheActorsOrganisation() {
        SqlFragment auditor = SecrecySql.ledgerEntryVisible(
                viewer("a", QUOTED, Role.AUDITOR), "l.case_id", "l.owner", "l.actor_organisation");

        assertThat(auditor.sql())
                .isEqualTo("((l.case_id IS NOT NULL AND l.owner = ?)"
                        + " OR (l.case_id IS NULL AND l.actor_organisation = ?))");
        assertThat(auditor.parameters()).containsExactly(QUOTED, QUOTED);
        assertThat(SecrecySql.ledgerEntryVisible(viewer("s", OWNER, Role.SECRECY_ADMIN), "c", "o", "a"))
                .isEqualTo(SqlFragment.FALSE);
        assertThat(SecrecySql.ledgerEntryVisible(Viewer.anonymous(), "c", "o", "a"))
                .isEqualTo(SqlFragment.FALSE);
    }

    @Test
    void aRuleNeedingAFactTheStatementCannotReadFailsToGenerate() {
        assertThatThrownBy(() ->
                        SecrecySql.relationshipOf(viewer("u", OWNER), CaseColumns.ownedBy("p.owning_organisation")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ON_TEAM");
    }

    @Test
    void aFragmentsPlaceholdersAndParametersMustMatch() {
        assertThatThrownBy(() -> SqlFragment.of("a = ? AND b = ?", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGrantIsActiveWithoutExpiryOrBeforeIt() {
        assertThat(SecrecySql.grantActive("g.expires_at", "now()"))
                .isEqualTo("(g.expires_at IS NULL OR g.expires_at > now())");
    }

    @Test
    void sectionFlagsAreNamedAfterTheSection() {
        SectionFlags flags = new SectionFlags("pg.s_");

        assertThat(flags.of(Section.CONTEXT)).isEqualTo("pg.s_context");
        assertThat(flags.masked(Section.HEADER, "c.title")).isEqualTo("CASE WHEN pg.s_header THEN c.title END");
        assertThat(new SectionFlags("v.").anyVisible())
                .isEqualTo("(v.header OR v.context OR v.process OR v.results OR v.interviews)");
    }

    @Test
    void theJavaPrecedenceIsTheDeclaredOne() {
        // Each line's facts made true on their own: the viewer gets the first line that applies.
        CasePolicy granted = Fixtures.policy(
                Tier.SECRET, false, Map.of("lead", TeamRole.LEAD), List.of(new Grant(OWNER, GrantScope.RESULTS, null)));

        assertThat(SecrecyRules.relationshipOf(viewer("lead", OWNER, Role.SECRECY_ADMIN), granted, NOW))
                .isEqualTo(Relationship.MEMBER);
        assertThat(SecrecyRules.relationshipOf(viewer("admin", OWNER, Role.SECRECY_ADMIN), granted, NOW))
                .isEqualTo(Relationship.SECRECY_ADMIN);
        assertThat(SecrecyRules.relationshipOf(viewer("staff", OWNER, Role.STAFF), granted, NOW))
                .isEqualTo(Relationship.GRANTEE);
        assertThat(SecrecyRules.RELATIONSHIP_PRECEDENCE
                        .get(SecrecyRules.RELATIONSHIP_PRECEDENCE.size() - 1)
                        .rule()
                        .facts())
                .as("the last line has no condition")
                .isEmpty();
    }
}
