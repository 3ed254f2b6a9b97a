package org.parley.policy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.policy.Fixtures.EARLIER;
import static org.parley.policy.Fixtures.LATER;
import static org.parley.policy.Fixtures.NOW;
import static org.parley.policy.Fixtures.OWNER;
import static org.parley.policy.Fixtures.PARTNER;
import static org.parley.policy.Fixtures.viewer;

/** Section 4: the strictest linked case governs interview access; identities belong to the custodian. */
class InterviewAccessTest {

    private static CasePolicy kase(
            String id, Tier tier, boolean released, Map<String, TeamRole> team, Grant... grants) {
        return new CasePolicy(id, OWNER, tier, released, team, List.of(grants), 1);
    }

    private final Viewer alice = viewer("alice", OWNER, Role.STAFF);
    private final Viewer partner = viewer("p", PARTNER, Role.PARTNER);

    @Test
    void membersOfEveryLinkedCaseGetContent() {
        CasePolicy a = kase("a", Tier.SECRET, false, Map.of("alice", TeamRole.LEAD));
        CasePolicy b = kase("b", Tier.RESULTS_PUBLIC, true, Map.of("alice", TeamRole.MEMBER));
        assertThat(InterviewAccess.decide(alice, List.of(a), NOW)).isEqualTo(InterviewAccess.CONTENT);
        assertThat(InterviewAccess.decide(alice, List.of(a, b), NOW)).isEqualTo(InterviewAccess.CONTENT);
    }

    @Test
    void theStrictestLinkedCaseGoverns() {
        CasePolicy mine = kase("a", Tier.SECRET, false, Map.of("alice", TeamRole.LEAD));
        CasePolicy notMine = kase("b", Tier.SECRET, false, Map.of("bob", TeamRole.LEAD));
        assertThat(InterviewAccess.decide(alice, List.of(mine, notMine), NOW)).isEqualTo(InterviewAccess.NONE);
        assertThat(InterviewAccess.decide(alice, List.of(notMine, mine), NOW)).isEqualTo(InterviewAccess.NONE);

        // Member on one case, EXCERPTS grantee on the other: the weaker of the two.
        Viewer partnerMember = viewer("pm", PARTNER, Role.PARTNER);
        CasePolicy asMember = kase("c", Tier.SECRET, false, Map.of("pm", TeamRole.MEMBER));
        CasePolicy asGrantee = kase(
                "d", Tier.SECRET, false, Map.of("bob", TeamRole.LEAD), new Grant(PARTNER, GrantScope.EXCERPTS, LATER));
        assertThat(InterviewAccess.decide(partnerMember, List.of(asMember, asGrantee), NOW))
                .isEqualTo(InterviewAccess.EXCERPTS);
    }

    @Test
    void excerptsOnlyWithAnExcerptsGrantOnEveryLinkedCase() {
        Map<String, TeamRole> team = Map.of("bob", TeamRole.LEAD);
        CasePolicy excerptsA = kase("a", Tier.SECRET, false, team, new Grant(PARTNER, GrantScope.EXCERPTS, LATER));
        CasePolicy excerptsB =
                kase("b", Tier.PUBLICLY_KNOWN, true, team, new Grant(PARTNER, GrantScope.EXCERPTS, null));
        CasePolicy processOnly = kase("c", Tier.SECRET, false, team, new Grant(PARTNER, GrantScope.PROCESS, null));
        CasePolicy expired = kase("d", Tier.SECRET, false, team, new Grant(PARTNER, GrantScope.EXCERPTS, EARLIER));
        CasePolicy expiringNow = kase("e", Tier.SECRET, false, team, new Grant(PARTNER, GrantScope.EXCERPTS, NOW));

        assertThat(InterviewAccess.decide(partner, List.of(excerptsA), NOW)).isEqualTo(InterviewAccess.EXCERPTS);
        assertThat(InterviewAccess.decide(partner, List.of(excerptsA, excerptsB), NOW))
                .isEqualTo(InterviewAccess.EXCERPTS);
        assertThat(InterviewAccess.decide(partner, List.of(excerptsA, processOnly), NOW))
                .isEqualTo(InterviewAccess.NONE);
        assertThat(InterviewAccess.decide(partner, List.of(excerptsA, expired), NOW))
                .isEqualTo(InterviewAccess.NONE);
        assertThat(InterviewAccess.decide(partner, List.of(excerptsA, expiringNow), NOW))
                .isEqualTo(InterviewAccess.NONE);
        assertThat(InterviewAccess.decide(partner, List.of(processOnly), NOW)).isEqualTo(InterviewAccess.NONE);
        // A grant to another organisation is no grant to this one.
        CasePolicy othersGrant = kase("f", Tier.SECRET, false, team, new Grant("org-x", GrantScope.EXCERPTS, null));
        assertThat(InterviewAccess.decide(partner, List.of(othersGrant), NOW)).isEqualTo(InterviewAccess.NONE);
    }

    @Test
    void anInterviewLinkedToASecretAndAPubliclyKnownCase() {
        CasePolicy secret = kase(
                "secret",
                Tier.SECRET,
                false,
                Map.of("alice", TeamRole.LEAD, "carol", TeamRole.MEMBER),
                new Grant(PARTNER, GrantScope.EXCERPTS, LATER));
        CasePolicy open = kase(
                "open",
                Tier.PUBLICLY_KNOWN,
                true,
                Map.of("alice", TeamRole.MEMBER, "dave", TeamRole.LEAD),
                new Grant(PARTNER, GrantScope.EXCERPTS, LATER));
        List<CasePolicy> both = List.of(secret, open);

        assertThat(InterviewAccess.decide(alice, both, NOW)).isEqualTo(InterviewAccess.CONTENT);
        assertThat(InterviewAccess.decide(viewer("carol", OWNER), both, NOW)).isEqualTo(InterviewAccess.NONE);
        // A member of the public case only: the secret case governs.
        assertThat(InterviewAccess.decide(viewer("dave", OWNER), both, NOW)).isEqualTo(InterviewAccess.NONE);
        assertThat(InterviewAccess.decide(partner, both, NOW)).isEqualTo(InterviewAccess.EXCERPTS);
        // The public tier of one case opens no interview to the public: process is never public.
        for (Viewer outsider :
                List.of(Viewer.anonymous(), viewer("x", "org-x"), viewer("s", OWNER, Role.STAFF, Role.AUDITOR))) {
            assertThat(InterviewAccess.decide(outsider, both, NOW)).isEqualTo(InterviewAccess.NONE);
            assertThat(InterviewAccess.decide(outsider, List.of(open), NOW)).isEqualTo(InterviewAccess.NONE);
        }
    }

    @Test
    void anonymousReadersGetNothing() {
        CasePolicy open = kase("o", Tier.PUBLICLY_KNOWN, true, Map.of("alice", TeamRole.LEAD));
        assertThat(InterviewAccess.decide(Viewer.anonymous(), List.of(open), NOW))
                .isEqualTo(InterviewAccess.NONE);
        assertThat(InterviewAccess.decide(Viewer.anonymous(), List.of(), NOW)).isEqualTo(InterviewAccess.NONE);
    }

    @Test
    void anInterviewLinkedToNoCaseIsNobodysToRead() {
        assertThat(InterviewAccess.decide(alice, List.of(), NOW)).isEqualTo(InterviewAccess.NONE);
    }

    @Test
    void secrecyAdminsSeeNoInterviewsEvenWhenTheirOwnOrganisationHoldsAGrant() {
        // Section 3: SECRECY_ADMIN comes before GRANTEE and sees "no PROCESS, no interviews".
        Viewer admin = viewer("admin", OWNER, Role.SECRECY_ADMIN);
        CasePolicy plain = kase("a", Tier.SECRET, false, Map.of("alice", TeamRole.LEAD));
        CasePolicy ownGrant = kase(
                "b", Tier.SECRET, false, Map.of("alice", TeamRole.LEAD), new Grant(OWNER, GrantScope.EXCERPTS, null));
        assertThat(InterviewAccess.decide(admin, List.of(plain), NOW)).isEqualTo(InterviewAccess.NONE);
        assertThat(SecrecyRules.decide(admin, ownGrant, NOW).excerpts()).isFalse();
        assertThat(InterviewAccess.decide(admin, List.of(ownGrant), NOW)).isEqualTo(InterviewAccess.NONE);
    }

    @Test
    void onlyTheIdentityCustodianMayRevealAnIdentity() {
        assertThat(InterviewAccess.mayRevealIdentity(viewer("c", OWNER, Role.IDENTITY_CUSTODIAN)))
                .isTrue();
        for (Role role : Role.values()) {
            if (role != Role.IDENTITY_CUSTODIAN) {
                assertThat(InterviewAccess.mayRevealIdentity(viewer("x", OWNER, role)))
                        .as(role.name())
                        .isFalse();
            }
        }
        assertThat(InterviewAccess.mayRevealIdentity(viewer("x", OWNER))).isFalse();
        assertThat(InterviewAccess.mayRevealIdentity(Viewer.anonymous())).isFalse();
        // Being the lead of every linked case does not make anyone a custodian.
        assertThat(InterviewAccess.mayRevealIdentity(alice)).isFalse();
        // And the custodian role reads no content by itself.
        CasePolicy a = kase("a", Tier.PUBLICLY_KNOWN, true, Map.of("alice", TeamRole.LEAD));
        assertThat(InterviewAccess.decide(viewer("c", OWNER, Role.IDENTITY_CUSTODIAN), List.of(a), NOW))
                .isEqualTo(InterviewAccess.NONE);
    }

    /** A cited excerpt is shown exactly as the excerpt itself would be: every combination, for every access. */
    @Test
    void anExcerptIsShownToContentReadersAndToPartnersOnlyApprovedAndShareable() {
        for (boolean approved : new boolean[] {false, true}) {
            for (boolean shareable : new boolean[] {false, true}) {
                String combination = "approved=" + approved + " shareable=" + shareable;
                assertThat(InterviewAccess.CONTENT.showsExcerpt(approved, shareable))
                        .as(combination)
                        .isTrue();
                assertThat(InterviewAccess.EXCERPTS.showsExcerpt(approved, shareable))
                        .as(combination)
                        .isEqualTo(approved && shareable);
                assertThat(InterviewAccess.NONE.showsExcerpt(approved, shareable))
                        .as(combination)
                        .isFalse();
            }
        }
    }
}
