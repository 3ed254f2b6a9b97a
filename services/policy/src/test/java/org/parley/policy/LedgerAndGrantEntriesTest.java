package org.parley.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.policy.Fixtures.NOW;
import static org.parley.policy.Fixtures.OWNER;
import static org.parley.policy.Fixtures.PARTNER;
import static org.parley.policy.Fixtures.THIRD;
import static org.parley.policy.Fixtures.viewer;

/**
 * Two rules of who reads what of a case's record (docs/secrecy-model.md, section 5): the auditor's ledger,
 * and the grant entries of a timeline.
 */
class LedgerAndGrantEntriesTest {

    @Test
    void anEntryAboutNoCaseIsReadByTheAuditorsOfTheActorsOrganisationOnly() {
        assertThat(SecrecyRules.mayReadLedgerEntryAboutNoCase(viewer("a", OWNER, Role.AUDITOR), OWNER))
                .isTrue();
        assertThat(SecrecyRules.mayReadLedgerEntryAboutNoCase(viewer("a", OWNER, Role.AUDITOR), PARTNER))
                .isFalse();
        assertThat(SecrecyRules.mayReadLedgerEntryAboutNoCase(viewer("a", OWNER, Role.AUDITOR), null))
                .isFalse();
        assertThat(SecrecyRules.mayReadLedgerEntryAboutNoCase(viewer("s", OWNER, Role.SECRECY_ADMIN), OWNER))
                .isFalse();
        assertThat(SecrecyRules.mayReadLedgerEntryAboutNoCase(Viewer.anonymous(), OWNER))
                .isFalse();
    }

    @Test
    void anEntryAboutNoCaseFollowsTheSameRuleAsReadingACasesLedger() {
        CasePolicy owned = Fixtures.policy(Tier.SECRET, false, Map.of("lead", TeamRole.LEAD), List.of());
        for (Viewer reader : List.of(
                viewer("a", OWNER, Role.AUDITOR),
                viewer("b", PARTNER, Role.AUDITOR),
                viewer("s", OWNER, Role.SECRECY_ADMIN, Role.STAFF),
                Viewer.anonymous())) {
            assertThat(SecrecyRules.mayReadLedgerEntryAboutNoCase(reader, OWNER))
                    .as(String.valueOf(reader))
                    .isEqualTo(SecrecyRules.mayPerform(reader, owned, Action.READ_LEDGER, NOW));
        }
    }

    @Test
    void membersAndTheOwnersSecrecyAdminsSeeEveryGrantOthersOnlyTheirOwnOrganisations() {
        Decision member = decision(Relationship.MEMBER);
        Decision admin = decision(Relationship.SECRECY_ADMIN);
        Decision grantee = decision(Relationship.GRANTEE);
        Decision staff = decision(Relationship.ORG_STAFF);
        Viewer partner = viewer("p", PARTNER, Role.PARTNER);

        assertThat(CaseHistory.showsGrant(viewer("m", OWNER), member, THIRD)).isTrue();
        assertThat(CaseHistory.showsGrant(viewer("s", OWNER, Role.SECRECY_ADMIN), admin, THIRD))
                .isTrue();
        assertThat(CaseHistory.showsGrant(partner, grantee, PARTNER)).isTrue();
        assertThat(CaseHistory.showsGrant(partner, grantee, THIRD)).isFalse();
        assertThat(CaseHistory.showsGrant(partner, grantee, null)).isFalse();
        assertThat(CaseHistory.showsGrant(viewer("o", OWNER), staff, THIRD)).isFalse();
        assertThat(CaseHistory.showsGrant(Viewer.anonymous(), decision(Relationship.ANONYMOUS), THIRD))
                .isFalse();
    }

    @Test
    void aReaderWhoMayNotKnowTheCaseSeesNoGrantNotEvenTheirOwn() {
        Decision unknown = new Decision(Relationship.OTHER, Set.of(), false);

        assertThat(CaseHistory.showsGrant(viewer("p", PARTNER), unknown, PARTNER))
                .isFalse();
    }

    private static Decision decision(Relationship relationship) {
        return new Decision(relationship, Set.of(Section.HEADER), false);
    }
}
