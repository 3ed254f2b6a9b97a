package org.parley.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.policy.CaseHistory.GrantPeriod;
import org.parley.policy.CaseHistory.Standing;
import org.parley.policy.CaseHistory.Window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.policy.Fixtures.NOW;
import static org.parley.policy.Fixtures.OWNER;
import static org.parley.policy.Fixtures.PARTNER;
import static org.parley.policy.Fixtures.THIRD;
import static org.parley.policy.Fixtures.viewer;

/**
 * Section 5, last bullet: a reader's timeline starts when the case became visible to them; section 4:
 * an entry about an interview only for readers who may know the interview (the strictest linked case).
 */
class CaseHistoryTest {

    private static final Instant OPENED = NOW.minus(Duration.ofDays(100));

    private static Instant day(int n) {
        return OPENED.plus(Duration.ofDays(n));
    }

    private static final List<Relationship> PUBLIC_READERS =
            List.of(Relationship.ORG_STAFF, Relationship.OTHER, Relationship.ANONYMOUS);

    private static String organisationOf(Relationship relationship) {
        return switch (relationship) {
            case ANONYMOUS -> null;
            case ORG_STAFF, SECRECY_ADMIN -> OWNER;
            default -> PARTNER;
        };
    }

    private static List<Standing> bornSecret(Standing... later) {
        List<Standing> standings = new ArrayList<>();
        standings.add(new Standing(OPENED, Tier.SECRET, false));
        standings.addAll(List.of(later));
        return standings;
    }

    @Test
    void membersAndTheOwnersSecrecyAdminsSeeTheWholeHistory() {
        List<Standing> standings = bornSecret(new Standing(day(10), Tier.PUBLICLY_KNOWN, false));
        for (Relationship relationship : List.of(Relationship.MEMBER, Relationship.SECRECY_ADMIN)) {
            Window window = CaseHistory.window(relationship, organisationOf(relationship), standings, List.of(), NOW);
            assertThat(window).as(relationship.name()).isEqualTo(Window.WHOLE);
            assertThat(window.includes(OPENED, false)).isTrue();
            assertThat(window.includes(day(10), true)).isTrue();
        }
    }

    @Test
    void everyWayOfBecomingPublicOpensThePublicWindowAfterTheChangeThatDidIt() {
        // Every (tier, released) pair on the public register, reached from the SECRET birth at day 10.
        int checked = 0;
        for (Tier tier : Tier.values()) {
            for (boolean released : new boolean[] {false, true}) {
                boolean isPublic = !SecrecyRules.publicSections(tier, released).isEmpty();
                List<Standing> standings = bornSecret(new Standing(day(10), tier, released));
                for (Relationship relationship : PUBLIC_READERS) {
                    Window window =
                            CaseHistory.window(relationship, organisationOf(relationship), standings, List.of(), NOW);
                    String label = relationship + " " + tier + " released=" + released;
                    if (!isPublic) {
                        // Not visible at all (the service answers 404); the window would show nothing anyway.
                        assertThat(window.opensAt()).as(label).isEqualTo(NOW);
                        continue;
                    }
                    checked++;
                    assertThat(window.opensAt()).as(label).isEqualTo(day(10));
                    assertThat(window.includes(OPENED, false))
                            .as(label + ": the opening")
                            .isFalse();
                    assertThat(window.includes(day(5), true))
                            .as(label + ": a secret tier change")
                            .isFalse();
                    assertThat(window.includes(day(10), true))
                            .as(label + ": the change to public")
                            .isFalse();
                    assertThat(window.includes(day(11), true))
                            .as(label + ": later changes")
                            .isTrue();
                    assertThat(window.includes(day(11), false)).as(label).isTrue();
                }
            }
        }
        assertThat(checked).as("three public standings x three reader classes").isEqualTo(9);
    }

    @Test
    void resultsPublicOpensAtTheReleaseNotAtTheTierChange() {
        List<Standing> standings = bornSecret(
                new Standing(day(10), Tier.RESULTS_PUBLIC, false), new Standing(day(20), Tier.RESULTS_PUBLIC, true));
        for (Relationship relationship : PUBLIC_READERS) {
            Window window = CaseHistory.window(relationship, organisationOf(relationship), standings, List.of(), NOW);
            assertThat(window.opensAt()).as(relationship.name()).isEqualTo(day(20));
            assertThat(window.includes(day(10), true)).isFalse();
            assertThat(window.includes(day(20), true)).isFalse();
        }
    }

    @Test
    void aSecretGapClosesEverythingBeforeIt() {
        List<Standing> standings = bornSecret(
                new Standing(day(10), Tier.PUBLICLY_KNOWN, false),
                new Standing(day(20), Tier.SECRET, false),
                new Standing(day(30), Tier.PUBLICLY_KNOWN, true));
        for (Relationship relationship : PUBLIC_READERS) {
            Window window = CaseHistory.window(relationship, organisationOf(relationship), standings, List.of(), NOW);
            assertThat(window.opensAt()).as(relationship.name()).isEqualTo(day(30));
            assertThat(window.includes(day(15), false))
                    .as("the earlier public period")
                    .isFalse();
            assertThat(window.includes(day(25), false)).as("the secret gap").isFalse();
        }
    }

    @Test
    void staysOpenAcrossChangesBetweenPublicStandings() {
        List<Standing> standings = bornSecret(
                new Standing(day(10), Tier.PUBLICLY_KNOWN, false),
                new Standing(day(20), Tier.PUBLICLY_KNOWN, true),
                new Standing(day(30), Tier.RESULTS_PUBLIC, true));
        for (Relationship relationship : PUBLIC_READERS) {
            Window window = CaseHistory.window(relationship, organisationOf(relationship), standings, List.of(), NOW);
            assertThat(window.opensAt()).isEqualTo(day(10));
            assertThat(window.includes(day(20), true))
                    .as("the release, while public")
                    .isTrue();
            assertThat(window.includes(day(30), true)).isTrue();
        }
    }

    @Test
    void aGranteeSeesFromItsGrantsIssueIncludingTheIssueItself() {
        List<Standing> standings = bornSecret();
        List<GrantPeriod> grants = List.of(
                new GrantPeriod(THIRD, day(5), null), // another organisation's grant: no part of the partner's window
                new GrantPeriod(PARTNER, day(10), null));
        Window window = CaseHistory.window(Relationship.GRANTEE, PARTNER, standings, grants, NOW);
        assertThat(window.opensAt()).isEqualTo(day(10));
        assertThat(window.includes(OPENED, false)).as("the opening as SECRET").isFalse();
        assertThat(window.includes(day(5), false)).isFalse();
        assertThat(window.includes(day(10), false))
                .as("its own grant being issued")
                .isTrue();
        assertThat(window.includes(day(11), true))
                .as("tier changes while granted")
                .isTrue();
    }

    @Test
    void aGranteeOfAPublicCaseSeesFromWhicheverCameFirstWithoutABreak() {
        // Public from day 10, grant from day 20: visible to the partner since day 10, as to everyone.
        List<Standing> publicFirst = bornSecret(new Standing(day(10), Tier.PUBLICLY_KNOWN, false));
        assertThat(CaseHistory.window(
                                Relationship.GRANTEE,
                                PARTNER,
                                publicFirst,
                                List.of(new GrantPeriod(PARTNER, day(20), null)),
                                NOW)
                        .opensAt())
                .isEqualTo(day(10));
        // Granted from day 5, public from day 10: since day 5.
        assertThat(CaseHistory.window(
                                Relationship.GRANTEE,
                                PARTNER,
                                publicFirst,
                                List.of(new GrantPeriod(PARTNER, day(5), null)),
                                NOW)
                        .opensAt())
                .isEqualTo(day(5));
        // Granted day 5 to day 8, public from day 10: the break (days 8 to 10) closes the earlier grant.
        assertThat(CaseHistory.window(
                                Relationship.OTHER,
                                PARTNER,
                                publicFirst,
                                List.of(new GrantPeriod(PARTNER, day(5), day(8))),
                                NOW)
                        .opensAt())
                .isEqualTo(day(10));
    }

    @Test
    void aBreakBetweenGrantsClosesTheEarlierOne() {
        List<GrantPeriod> grants = List.of(
                new GrantPeriod(PARTNER, day(5), day(8)), // revoked, or expired on its date
                new GrantPeriod(PARTNER, day(20), null));
        Window window = CaseHistory.window(Relationship.GRANTEE, PARTNER, bornSecret(), grants, NOW);
        assertThat(window.opensAt()).isEqualTo(day(20));
        assertThat(window.includes(day(6), false)).isFalse();
        // Overlapping grants are one unbroken period.
        List<GrantPeriod> overlapping =
                List.of(new GrantPeriod(PARTNER, day(5), day(21)), new GrantPeriod(PARTNER, day(20), null));
        assertThat(CaseHistory.window(Relationship.GRANTEE, PARTNER, bornSecret(), overlapping, NOW)
                        .opensAt())
                .isEqualTo(day(5));
    }

    @Test
    void anonymousReadersHoldNoGrant() {
        List<Standing> standings = bornSecret(new Standing(day(10), Tier.PUBLICLY_KNOWN, false));
        List<GrantPeriod> grants = List.of(new GrantPeriod(PARTNER, day(5), null));
        assertThat(CaseHistory.window(Relationship.ANONYMOUS, null, standings, grants, NOW)
                        .opensAt())
                .isEqualTo(day(10));
        assertThat(CaseHistory.window(Relationship.ANONYMOUS, PARTNER, standings, grants, NOW)
                        .opensAt())
                .as("an organisation passed for an anonymous reader is ignored")
                .isEqualTo(day(10));
    }

    @Test
    void aHistoryThatDoesNotShowTheCaseVisibleNowShowsNothingOfThePast() {
        // The projection already says public, the tier change has not reached the timeline yet.
        for (Relationship relationship :
                List.of(Relationship.GRANTEE, Relationship.ORG_STAFF, Relationship.OTHER, Relationship.ANONYMOUS)) {
            Window window =
                    CaseHistory.window(relationship, organisationOf(relationship), bornSecret(), List.of(), NOW);
            assertThat(window.opensAt()).as(relationship.name()).isEqualTo(NOW);
            assertThat(window.includes(NOW.minusSeconds(1), false)).isFalse();
            assertThat(window.includes(NOW, true)).isFalse();
        }
        // A grant that expired by its date, with no event about it yet, no longer counts.
        Window expired = CaseHistory.window(
                Relationship.GRANTEE, PARTNER, bornSecret(), List.of(new GrantPeriod(PARTNER, day(5), NOW)), NOW);
        assertThat(expired.opensAt()).isEqualTo(NOW);
        // Changes dated after "now" (another clock) do not open anything yet.
        Window future = CaseHistory.window(
                Relationship.OTHER,
                PARTNER,
                bornSecret(new Standing(NOW.plusSeconds(5), Tier.PUBLICLY_KNOWN, false)),
                List.of(),
                NOW);
        assertThat(future.opensAt()).isEqualTo(NOW);
    }

    @Test
    void ofTwoStandingsAtOneInstantTheLaterInTheListHolds() {
        List<Standing> standings = bornSecret(
                new Standing(day(10), Tier.PUBLICLY_KNOWN, false), new Standing(day(10), Tier.SECRET, false));
        assertThat(CaseHistory.window(Relationship.OTHER, PARTNER, standings, List.of(), NOW)
                        .opensAt())
                .isEqualTo(NOW);
    }

    // --- entries about interviews (section 4) ---

    private static CasePolicy kase(String id, Map<String, TeamRole> team, Grant... grants) {
        return new CasePolicy(id, OWNER, Tier.SECRET, false, team, List.of(grants), 1);
    }

    @Test
    void anInterviewEntryOnlyForWhoMayOpenTheInterviewOnEveryLinkedCase() {
        Viewer alice = viewer("alice", OWNER, Role.STAFF);
        CasePolicy a = kase("a", Map.of("alice", TeamRole.LEAD));
        CasePolicy b = kase("b", Map.of("bob", TeamRole.LEAD));
        CasePolicy bWithAlice = kase("b", Map.of("bob", TeamRole.LEAD, "alice", TeamRole.MEMBER));
        Decision onA = SecrecyRules.decide(alice, a, NOW);

        assertThat(CaseHistory.showsInterview(alice, onA, List.of("a"), Map.of("a", a), NOW))
                .isTrue();
        assertThat(CaseHistory.showsInterview(alice, onA, List.of("a", "b"), Map.of("a", a, "b", b), NOW))
                .as("also linked to a secret case alice may not see")
                .isFalse();
        assertThat(CaseHistory.showsInterview(alice, onA, List.of("b", "a"), Map.of("a", a, "b", b), NOW))
                .isFalse();
        assertThat(CaseHistory.showsInterview(alice, onA, List.of("a", "b"), Map.of("a", a, "b", bWithAlice), NOW))
                .as("member of both")
                .isTrue();
        assertThat(CaseHistory.showsInterview(alice, onA, List.of("a", "b"), Map.of("a", a), NOW))
                .as("a linked case unknown here (deleted, never heard of)")
                .isFalse();
        assertThat(CaseHistory.showsInterview(alice, onA, List.of(), Map.of("a", a), NOW))
                .as("links not known")
                .isFalse();
        assertThat(CaseHistory.showsInterview(alice, onA, null, Map.of("a", a), NOW))
                .isFalse();
    }

    @Test
    void anInterviewEntryNeedsTheInterviewsSectionOfThisCase() {
        Viewer partner = viewer("p", PARTNER, Role.PARTNER);
        // An EXCERPTS grantee may know the interview (its excerpts), but the case's INTERVIEWS section
        // (the links) is the team's.
        CasePolicy a = kase("a", Map.of("bob", TeamRole.LEAD), new Grant(PARTNER, GrantScope.EXCERPTS, null));
        Decision onA = SecrecyRules.decide(partner, a, NOW);
        assertThat(onA.sees(Section.INTERVIEWS)).isFalse();
        assertThat(CaseHistory.showsInterview(partner, onA, List.of("a"), Map.of("a", a), NOW))
                .isFalse();
        assertThat(CaseHistory.showsInterview(
                        Viewer.anonymous(),
                        SecrecyRules.decide(Viewer.anonymous(), a, NOW),
                        List.of("a"),
                        Map.of("a", a),
                        NOW))
                .isFalse();

        // A member of this case who is an EXCERPTS grantee on the other linked case may know the interview.
        Viewer pm = viewer("pm", PARTNER, Role.PARTNER);
        CasePolicy mine = kase("c", Map.of("pm", TeamRole.MEMBER));
        CasePolicy granted = kase("d", Map.of("bob", TeamRole.LEAD), new Grant(PARTNER, GrantScope.EXCERPTS, null));
        CasePolicy processOnly = kase("e", Map.of("bob", TeamRole.LEAD), new Grant(PARTNER, GrantScope.PROCESS, null));
        Decision onMine = SecrecyRules.decide(pm, mine, NOW);
        assertThat(CaseHistory.showsInterview(pm, onMine, List.of("c", "d"), Map.of("c", mine, "d", granted), NOW))
                .isTrue();
        assertThat(CaseHistory.showsInterview(pm, onMine, List.of("c", "e"), Map.of("c", mine, "e", processOnly), NOW))
                .isFalse();
    }
}
