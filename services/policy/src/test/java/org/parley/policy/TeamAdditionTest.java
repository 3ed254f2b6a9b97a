package org.parley.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.policy.Fixtures.NOW;
import static org.parley.policy.Fixtures.OWNER;
import static org.parley.policy.Fixtures.PARTNER;
import static org.parley.policy.Fixtures.viewer;

/**
 * Section 5 on teams: adding a member is a loosening for that person. Walks every row of
 * docs/team-additions.csv through SecrecyRules.teamAddition for every tier and release state, and checks
 * who may approve a requested addition.
 */
class TeamAdditionTest {

    private static final String CSV = "team-additions.csv";

    /** Staff of the owning organisation on no team: the colleague someone puts on it. */
    private static final String NEWCOMER = "newcomer";

    /** On the team of the matrix's case as a plain member. */
    private static final String ON_TEAM = "member";

    static Stream<Arguments> rows() {
        return Fixtures.readCsv(CSV).stream().map(row -> Arguments.of(row.get("actor"), row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyRowHoldsInEveryTier(String kindName, Map<String, String> row) {
        ActionsMatrixTest.Kind kind = ActionsMatrixTest.KINDS.get(kindName);
        assertThat(kind)
                .as("actor kind %s is built by ActionsMatrixTest", kindName)
                .isNotNull();
        Viewer actor = kind.viewer();
        for (Tier tier : Tier.values()) {
            for (boolean released : new boolean[] {false, true}) {
                CasePolicy policy = ActionsMatrixTest.policy(tier, released);
                assertThat(policy.isOnTeam(NEWCOMER)).isFalse();
                String at = kindName + " " + tier + " released=" + released;
                assertThat(SecrecyRules.teamAddition(actor, policy, actor.subject(), NOW))
                        .as("%s adding herself", at)
                        .isEqualTo(TeamAddition.valueOf(row.get("SELF")));
                assertThat(SecrecyRules.teamAddition(actor, policy, NEWCOMER, NOW))
                        .as("%s adding a newcomer", at)
                        .isEqualTo(TeamAddition.valueOf(row.get("NEWCOMER")));
                assertThat(SecrecyRules.teamAddition(actor, policy, ON_TEAM, NOW))
                        .as("%s changing a member's role", at)
                        .isEqualTo(TeamAddition.valueOf(row.get("ON_TEAM")));
            }
        }
    }

    @Test
    void theCsvCoversEveryKindOfActorAndEveryAnswer() {
        List<Map<String, String>> rows = Fixtures.readCsv(CSV);
        assertThat(rows.get(0).keySet()).containsExactly("actor", "SELF", "NEWCOMER", "ON_TEAM");
        assertThat(rows.stream().map(row -> row.get("actor")).toList())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ActionsMatrixTest.KINDS.keySet());
        List<String> answers = rows.stream()
                .flatMap(row -> Stream.of(row.get("SELF"), row.get("NEWCOMER"), row.get("ON_TEAM")))
                .distinct()
                .toList();
        assertThat(answers)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(TeamAddition.values()).map(Enum::name).toList());
    }

    @Test
    void aSecrecyAdminAddingHerselfNeedsASecondAdminWhoIsNeitherHerNorTheNewMember() {
        CasePolicy policy = Fixtures.policy(Tier.SECRET, false, Map.of("lead", TeamRole.LEAD), List.of());
        Viewer ana = viewer("ana", OWNER, Role.SECRECY_ADMIN, Role.STAFF);
        Viewer bruno = viewer("bruno", OWNER, Role.SECRECY_ADMIN, Role.STAFF);

        assertThat(SecrecyRules.teamAddition(ana, policy, "ana", NOW)).isEqualTo(TeamAddition.NEEDS_SECOND_ADMIN);
        // Before approval she is the admin she was: no PROCESS, no interviews.
        Decision before = SecrecyRules.decide(ana, policy, NOW);
        assertThat(before.sees(Section.PROCESS)).isFalse();
        assertThat(before.excerpts()).isFalse();

        assertThat(SecrecyRules.mayApproveTeamAddition(ana, policy, "ana", "ana", NOW))
                .isFalse();
        assertThat(SecrecyRules.mayApproveTeamAddition(bruno, policy, "ana", "ana", NOW))
                .isTrue();
        // Asked by ana for bruno, bruno may not approve his own access; a third admin may.
        assertThat(SecrecyRules.mayApproveTeamAddition(bruno, policy, "ana", "bruno", NOW))
                .isFalse();
        assertThat(SecrecyRules.mayApproveTeamAddition(
                        viewer("carla", OWNER, Role.SECRECY_ADMIN), policy, "ana", "bruno", NOW))
                .isTrue();
        // Neither the lead (no admin), staff, a partner, an auditor, a custodian nor another organisation's admin.
        for (Viewer nobody : List.of(
                viewer("lead", OWNER, Role.STAFF),
                viewer("staff", OWNER, Role.STAFF),
                viewer("auditor", OWNER, Role.AUDITOR, Role.STAFF),
                viewer("custodian", OWNER, Role.IDENTITY_CUSTODIAN),
                viewer("partner", PARTNER, Role.PARTNER),
                viewer("p-admin", PARTNER, Role.SECRECY_ADMIN),
                Viewer.anonymous())) {
            assertThat(SecrecyRules.mayApproveTeamAddition(nobody, policy, "ana", "ana", NOW))
                    .as(String.valueOf(nobody.subject()))
                    .isFalse();
        }
    }

    @Test
    void theLeadAddsAnyoneAtOnceAndTheNewcomerGainsTheMembersView() {
        CasePolicy policy = Fixtures.policy(Tier.SECRET, false, Map.of("lead", TeamRole.LEAD), List.of());
        Viewer lead = viewer("lead", OWNER, Role.STAFF);
        Viewer admin = viewer("ana", OWNER, Role.SECRECY_ADMIN, Role.STAFF);
        assertThat(SecrecyRules.teamAddition(lead, policy, "ana", NOW)).isEqualTo(TeamAddition.AT_ONCE);
        assertThat(SecrecyRules.teamAddition(lead, policy, NEWCOMER, NOW)).isEqualTo(TeamAddition.AT_ONCE);

        Decision after = SecrecyRules.decide(admin, Fixtures.plusMember(policy, "ana", TeamRole.MEMBER), NOW);
        assertThat(after.relationship()).isEqualTo(Relationship.MEMBER);
        assertThat(after.sections()).containsExactlyInAnyOrder(Section.values());
        assertThat(after.excerpts()).isTrue();
    }
}
