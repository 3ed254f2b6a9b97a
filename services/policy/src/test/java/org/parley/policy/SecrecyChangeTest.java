package org.parley.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.policy.Fixtures.NOW;
import static org.parley.policy.Fixtures.OWNER;
import static org.parley.policy.Fixtures.PARTNER;
import static org.parley.policy.Fixtures.viewer;

/** Section 5: the two-person rule, what counts as loosening, and grant expiry at the exact instant. */
class SecrecyChangeTest {

    private final CasePolicy policy = Fixtures.policy(
            Tier.SECRET, false, Map.of("lead", TeamRole.LEAD, "adminMember", TeamRole.MEMBER), List.of());
    private final Viewer requester = viewer("admin-1", OWNER, Role.SECRECY_ADMIN);
    private final Viewer secondAdmin = viewer("admin-2", OWNER, Role.SECRECY_ADMIN, Role.STAFF);

    @Test
    void aSecondAdminOfTheOwningOrganisationMayApprove() {
        assertThat(SecrecyRules.mayApprove(secondAdmin, policy, requester.subject(), NOW))
                .isTrue();
    }

    @Test
    void nobodyApprovesTheirOwnRequest() {
        assertThat(SecrecyRules.mayApprove(requester, policy, requester.subject(), NOW))
                .isFalse();
        // Not even an admin who is also on the team.
        Viewer adminMember = viewer("adminMember", OWNER, Role.SECRECY_ADMIN);
        assertThat(SecrecyRules.mayApprove(adminMember, policy, "adminMember", NOW))
                .isFalse();
    }

    @Test
    void aNonAdminMayNotApproveNotEvenTheLead() {
        assertThat(SecrecyRules.mayApprove(viewer("lead", OWNER, Role.STAFF), policy, "admin-1", NOW))
                .isFalse();
        assertThat(SecrecyRules.mayApprove(viewer("staff", OWNER, Role.STAFF, Role.AUDITOR), policy, "admin-1", NOW))
                .isFalse();
        assertThat(SecrecyRules.mayApprove(Viewer.anonymous(), policy, "admin-1", NOW))
                .isFalse();
    }

    @Test
    void anAdminOfAnotherOrganisationMayNotApprove() {
        assertThat(SecrecyRules.mayApprove(viewer("p-admin", PARTNER, Role.SECRECY_ADMIN), policy, "admin-1", NOW))
                .isFalse();
        // Not even when that organisation holds the widest grant on the case.
        CasePolicy granted = Fixtures.plusGrant(policy, new Grant(PARTNER, GrantScope.EXCERPTS, null));
        assertThat(SecrecyRules.mayApprove(viewer("p-admin", PARTNER, Role.SECRECY_ADMIN), granted, "admin-1", NOW))
                .isFalse();
    }

    @Test
    void looseningMeansALooserTierOrReleasing() {
        assertThat(SecrecyRules.isLoosening(Tier.SECRET, false, Tier.RESULTS_PUBLIC, false))
                .isTrue();
        assertThat(SecrecyRules.isLoosening(Tier.RESULTS_PUBLIC, false, Tier.RESULTS_PUBLIC, true))
                .isTrue();
        assertThat(SecrecyRules.isLoosening(Tier.RESULTS_PUBLIC, true, Tier.PUBLICLY_KNOWN, true))
                .isTrue();
        assertThat(SecrecyRules.isLoosening(Tier.PUBLICLY_KNOWN, true, Tier.SECRET, true))
                .isFalse();
        assertThat(SecrecyRules.isLoosening(Tier.RESULTS_PUBLIC, true, Tier.RESULTS_PUBLIC, false))
                .isFalse();
        assertThat(SecrecyRules.isLoosening(Tier.SECRET, false, Tier.SECRET, false))
                .isFalse();
        // A change that loosens one thing and tightens another still needs the second admin.
        assertThat(SecrecyRules.isLoosening(Tier.RESULTS_PUBLIC, true, Tier.PUBLICLY_KNOWN, false))
                .isTrue();
    }

    @Test
    void onlyProcessAndExcerptsGrantsNeedASecondAdmin() {
        assertThat(SecrecyRules.grantNeedsApproval(GrantScope.SUMMARY)).isFalse();
        assertThat(SecrecyRules.grantNeedsApproval(GrantScope.RESULTS)).isFalse();
        assertThat(SecrecyRules.grantNeedsApproval(GrantScope.PROCESS)).isTrue();
        assertThat(SecrecyRules.grantNeedsApproval(GrantScope.EXCERPTS)).isTrue();
    }

    @Test
    void aGrantExpiresAtTheExactInstant() {
        Instant expiry = Instant.parse("2026-04-01T00:00:00Z");
        CasePolicy granted = Fixtures.plusGrant(policy, new Grant(PARTNER, GrantScope.PROCESS, expiry));
        Viewer partner = viewer("p", PARTNER, Role.PARTNER);

        Decision justBefore = SecrecyRules.decide(partner, granted, expiry.minusNanos(1));
        assertThat(justBefore.relationship()).isEqualTo(Relationship.GRANTEE);
        assertThat(justBefore.sees(Section.PROCESS)).isTrue();

        for (Instant at : List.of(expiry, expiry.plusNanos(1), expiry.plus(Duration.ofDays(365)))) {
            Decision after = SecrecyRules.decide(partner, granted, at);
            assertThat(after).as("at %s", at).isEqualTo(SecrecyRules.decide(partner, policy, at));
            assertThat(after.relationship()).isEqualTo(Relationship.OTHER);
            assertThat(after.knowsExists()).isFalse();
        }
        assertThat(new Grant(PARTNER, GrantScope.PROCESS, expiry).isActiveAt(expiry.minusNanos(1)))
                .isTrue();
        assertThat(new Grant(PARTNER, GrantScope.PROCESS, expiry).isActiveAt(expiry))
                .isFalse();
        assertThat(new Grant(PARTNER, GrantScope.PROCESS, null).isActiveAt(Instant.MAX))
                .isTrue();
    }

    @Test
    void whenOneOfTwoGrantsExpiresTheOtherGoverns() {
        Instant expiry = NOW.plusSeconds(60);
        CasePolicy granted = Fixtures.withGrants(
                policy,
                List.of(new Grant(PARTNER, GrantScope.EXCERPTS, expiry), new Grant(PARTNER, GrantScope.SUMMARY, null)));
        Viewer partner = viewer("p", PARTNER, Role.PARTNER);
        assertThat(SecrecyRules.decide(partner, granted, expiry.minusNanos(1)).excerpts())
                .isTrue();
        Decision after = SecrecyRules.decide(partner, granted, expiry);
        assertThat(after.excerpts()).isFalse();
        assertThat(after.sections()).containsExactlyInAnyOrder(Section.HEADER, Section.CONTEXT);
    }

    @Test
    void everyCaseIsBornSecretWithItsCreatorAsLead() {
        CasePolicy born = CasePolicy.newCase("c", OWNER, "creator");
        assertThat(born.tier()).isEqualTo(Tier.SECRET);
        assertThat(born.resultsReleased()).isFalse();
        assertThat(born.grants()).isEmpty();
        assertThat(born.isLead("creator")).isTrue();
        assertThat(SecrecyRules.decide(viewer("someone", OWNER, Role.STAFF), born, NOW)
                        .knowsExists())
                .isFalse();
        assertThat(SecrecyRules.publicSections(born.tier(), born.resultsReleased()))
                .isEmpty();
    }
}
