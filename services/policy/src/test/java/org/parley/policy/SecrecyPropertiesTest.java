package org.parley.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.policy.Fixtures.showsAtLeast;

/**
 * Invariants of the secrecy model over arbitrary viewers, cases (teams, several grants with random expiries)
 * and instants. The universe of subjects and organisations is small on purpose, so that viewers, team
 * members, grant holders and owners collide often, and expiries land on the very instant asked about.
 */
class SecrecyPropertiesTest {

    static final List<String> SUBJECTS = List.of("u0", "u1", "u2", "u3", "u4");
    static final List<String> ORGS = List.of("o0", "o1", "o2");
    static final Instant T0 = Fixtures.NOW;

    // ---- generators -------------------------------------------------------------------------------------

    @Provide
    static Arbitrary<Viewer> viewers() {
        Arbitrary<Viewer> signedIn = Combinators.combine(
                        Arbitraries.of(SUBJECTS), Arbitraries.of(ORGS), Arbitraries.subsetOf(Role.values()))
                .as(Viewer::signedIn);
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Viewer.anonymous())), Tuple.of(6, signedIn));
    }

    @Provide
    static Arbitrary<Viewer> signedInViewers() {
        return viewers().filter(v -> !v.isAnonymous());
    }

    @Provide
    static Arbitrary<Instant> instants() {
        return Arbitraries.integers().between(-6, 6).map(T0::plusSeconds);
    }

    static Arbitrary<Grant> grants() {
        return Combinators.combine(
                        Arbitraries.of(ORGS),
                        Arbitraries.of(GrantScope.class),
                        instants().injectNull(0.25))
                .as(Grant::new);
    }

    @Provide
    static Arbitrary<CasePolicy> policies() {
        return Combinators.combine(
                        Arbitraries.of(ORGS),
                        Arbitraries.of(Tier.class),
                        Arbitraries.of(true, false),
                        Arbitraries.maps(Arbitraries.of(SUBJECTS), Arbitraries.of(TeamRole.class))
                                .ofMaxSize(3),
                        grants().list().ofMaxSize(4))
                .as((owner, tier, released, team, grants) ->
                        new CasePolicy("case", owner, tier, released, team, grants, 1));
    }

    private static Decision decide(Viewer viewer, CasePolicy policy, Instant now) {
        return SecrecyRules.decide(viewer, policy, now);
    }

    // ---- loosening and tightening ------------------------------------------------------------------------

    @Property
    void looseningTheTierOrReleasingNeverHidesAnything(
            @ForAll("viewers") Viewer viewer,
            @ForAll("policies") CasePolicy policy,
            @ForAll("instants") Instant now,
            @ForAll Tier target,
            @ForAll boolean release) {
        Tier looser = target.isLooserThan(policy.tier()) ? target : policy.tier();
        CasePolicy after = Fixtures.withTier(policy, looser, policy.resultsReleased() || release);
        assertThat(showsAtLeast(decide(viewer, after, now), decide(viewer, policy, now)))
                .isTrue();
    }

    @Property
    void tighteningTheTierOrUnreleasingNeverRevealsAnything(
            @ForAll("viewers") Viewer viewer,
            @ForAll("policies") CasePolicy policy,
            @ForAll("instants") Instant now,
            @ForAll Tier target,
            @ForAll boolean keepReleased) {
        Tier stricter = target.isStricterThan(policy.tier()) ? target : policy.tier();
        CasePolicy after = Fixtures.withTier(policy, stricter, policy.resultsReleased() && keepReleased);
        assertThat(showsAtLeast(decide(viewer, policy, now), decide(viewer, after, now)))
                .isTrue();
    }

    @Property
    void revokingAGrantNeverRevealsAnything(
            @ForAll("viewers") Viewer viewer,
            @ForAll("policies") CasePolicy policy,
            @ForAll("instants") Instant now,
            @ForAll @IntRange(min = 0, max = 20) int pick) {
        Assume.that(!policy.grants().isEmpty());
        List<Grant> grants = new ArrayList<>(policy.grants());
        grants.remove(pick % grants.size());
        CasePolicy after = Fixtures.withGrants(policy, grants);
        assertThat(showsAtLeast(decide(viewer, policy, now), decide(viewer, after, now)))
                .isTrue();
        assertThat(InterviewAccess.decide(viewer, List.of(after), now))
                .isLessThanOrEqualTo(InterviewAccess.decide(viewer, List.of(policy), now));
    }

    @Property
    void removingAMemberNeverRevealsAnything(
            @ForAll("viewers") Viewer viewer,
            @ForAll("policies") CasePolicy policy,
            @ForAll("instants") Instant now,
            @ForAll @IntRange(min = 0, max = 20) int pick) {
        Assume.that(!policy.team().isEmpty());
        List<String> subjects = new ArrayList<>(policy.team().keySet());
        Collections.sort(subjects);
        Map<String, TeamRole> team = new HashMap<>(policy.team());
        team.remove(subjects.get(pick % subjects.size()));
        CasePolicy after = Fixtures.withTeam(policy, team);
        assertThat(showsAtLeast(decide(viewer, policy, now), decide(viewer, after, now)))
                .isTrue();
        assertThat(InterviewAccess.decide(viewer, List.of(after), now))
                .isLessThanOrEqualTo(InterviewAccess.decide(viewer, List.of(policy), now));
    }

    @Property
    void onlyTheLeadPutsSomeoneNewOnTheTeamAtOnceAndOnlyOwnerAdminsMayAsk(
            @ForAll("viewers") Viewer actor,
            @ForAll("policies") CasePolicy policy,
            @ForAll("instants") Instant now,
            @ForAll("subjects") String subject) {
        Assume.that(!policy.isOnTeam(subject));
        TeamAddition how = SecrecyRules.teamAddition(actor, policy, subject, now);
        boolean lead = policy.isLead(actor.subject());
        boolean ownerAdmin = actor.has(Role.SECRECY_ADMIN) && actor.belongsTo(policy.owningOrganisation());
        assertThat(how == TeamAddition.AT_ONCE).as("at once").isEqualTo(lead);
        assertThat(how == TeamAddition.NEEDS_SECOND_ADMIN)
                .as("needs a second admin")
                .isEqualTo(!lead && ownerAdmin);
        if (!decide(actor, policy, now).knowsExists()) {
            assertThat(how).isEqualTo(TeamAddition.REFUSED);
        }
        // Whoever would join never approves it, nor does whoever asked.
        if (!actor.isAnonymous()) {
            assertThat(SecrecyRules.mayApproveTeamAddition(actor, policy, actor.subject(), subject, now))
                    .isFalse();
            assertThat(SecrecyRules.mayApproveTeamAddition(actor, policy, "someone-else", actor.subject(), now))
                    .isFalse();
        }
    }

    @Provide
    static Arbitrary<String> subjects() {
        return Arbitraries.of(SUBJECTS);
    }

    // ---- relationships -----------------------------------------------------------------------------------

    @Property
    void aMemberSeesEverythingAndAtLeastWhatAnyoneElseSees(
            @ForAll("signedInViewers") Viewer member,
            @ForAll("viewers") Viewer anyone,
            @ForAll("policies") CasePolicy policy,
            @ForAll("instants") Instant now,
            @ForAll TeamRole role) {
        CasePolicy withMember = Fixtures.plusMember(policy, member.subject(), role);
        Decision asMember = decide(member, withMember, now);
        assertThat(asMember.relationship()).isEqualTo(Relationship.MEMBER);
        assertThat(asMember.sections()).containsExactlyInAnyOrder(Section.values());
        assertThat(asMember.excerpts()).isTrue();
        assertThat(showsAtLeast(asMember, decide(anyone, withMember, now))).isTrue();
        assertThat(showsAtLeast(asMember, decide(member, policy, now))).isTrue();
    }

    @Property
    void anonymousSeesNoMoreThanOtherWhoSeesNoMoreThanOrgStaff(
            @ForAll("policies") CasePolicy policy, @ForAll("instants") Instant now, @ForAll("roles") Set<Role> roles) {
        Viewer anonymous = Viewer.anonymous();
        Viewer other = Viewer.signedIn("outsider", "org-outsider", roles);
        Set<Role> staffRoles = EnumSet.noneOf(Role.class);
        staffRoles.addAll(roles);
        staffRoles.remove(Role.SECRECY_ADMIN);
        Viewer staff = Viewer.signedIn("staffer", policy.owningOrganisation(), staffRoles);

        Decision a = decide(anonymous, policy, now);
        Decision o = decide(other, policy, now);
        Decision s = decide(staff, policy, now);
        assertThat(a.relationship()).isEqualTo(Relationship.ANONYMOUS);
        assertThat(o.relationship()).isEqualTo(Relationship.OTHER);
        // Staff of an owning organisation that holds a grant on its own case are grantees ("first that applies").
        assertThat(s.relationship()).isIn(Relationship.ORG_STAFF, Relationship.GRANTEE);
        assertThat(showsAtLeast(o, a)).isTrue();
        assertThat(showsAtLeast(s, o)).isTrue();

        // And a secrecy admin of the owning organisation sees at least what its plain staff see.
        Set<Role> adminRoles = EnumSet.copyOf(staffRoles.isEmpty() ? Set.of(Role.SECRECY_ADMIN) : staffRoles);
        adminRoles.add(Role.SECRECY_ADMIN);
        Decision admin = decide(Viewer.signedIn("admin", policy.owningOrganisation(), adminRoles), policy, now);
        assertThat(admin.relationship()).isEqualTo(Relationship.SECRECY_ADMIN);
        if (s.relationship() == Relationship.ORG_STAFF) {
            assertThat(showsAtLeast(admin, s)).isTrue();
        }
    }

    @Provide
    static Arbitrary<Set<Role>> roles() {
        return Arbitraries.subsetOf(Role.values());
    }

    /**
     * The lists answer from the public register and correct it only on the cases {@link SecrecySql#abovePublic}
     * names: on any other case every viewer must see exactly the register, or a list would hide or show too much.
     */
    @Property
    void offTheCasesAbovePublicNamesAViewerSeesExactlyThePublicRegister(
            @ForAll("viewers") Viewer viewer, @ForAll("policies") CasePolicy policy, @ForAll("instants") Instant now) {
        AbovePublic above = SecrecySql.abovePublic(viewer);
        boolean named = (above.team() && policy.isOnTeam(viewer.subject()))
                || (above.ownOrganisation() && viewer.belongsTo(policy.owningOrganisation()))
                || (above.grants() && policy.activeScopeFor(viewer.organisation(), now) != null);
        Assume.that(!named);
        Decision decision = decide(viewer, policy, now);
        assertThat(decision.sections()).isEqualTo(SecrecyRules.publicSections(policy.tier(), policy.resultsReleased()));
    }

    @Property
    void aPlainSignedInViewerIsAbovePublicOnlyThroughTeamAndGrants(@ForAll("signedInViewers") Viewer viewer) {
        AbovePublic above = SecrecySql.abovePublic(viewer);
        assertThat(above.team()).isTrue();
        assertThat(above.grants()).isTrue();
        assertThat(above.ownOrganisation()).isEqualTo(viewer.has(Role.SECRECY_ADMIN));
        assertThat(SecrecySql.abovePublic(Viewer.anonymous()).nowhere()).isTrue();
    }

    @Property
    void everyoneSeesThePublicRegisterAndStaffAndOthersSeeExactlyIt(
            @ForAll("viewers") Viewer viewer, @ForAll("policies") CasePolicy policy, @ForAll("instants") Instant now) {
        Decision decision = decide(viewer, policy, now);
        Set<Section> register = SecrecyRules.publicSections(policy.tier(), policy.resultsReleased());
        assertThat(decision.sections()).containsAll(register);
        assertThat(decide(Viewer.anonymous(), policy, now).sections()).isEqualTo(register);
        if (decision.relationship() == Relationship.ORG_STAFF || decision.relationship() == Relationship.OTHER) {
            assertThat(decision.sections()).isEqualTo(register);
            assertThat(decision.excerpts()).isFalse();
        }
    }

    // ---- grants ------------------------------------------------------------------------------------------

    @Property
    void anExpiredGrantIsExactlyNoGrant(
            @ForAll("viewers") Viewer viewer,
            @ForAll("policies") CasePolicy policy,
            @ForAll("instants") Instant now,
            @ForAll GrantScope scope,
            @ForAll boolean forTheViewersOrganisation,
            @ForAll @IntRange(min = 0, max = 3) int secondsAgo) {
        String organisation = forTheViewersOrganisation && !viewer.isAnonymous()
                ? viewer.organisation()
                : policy.owningOrganisation();
        CasePolicy withExpired =
                Fixtures.plusGrant(policy, new Grant(organisation, scope, now.minusSeconds(secondsAgo)));
        assertThat(decide(viewer, withExpired, now)).isEqualTo(decide(viewer, policy, now));
        assertThat(InterviewAccess.decide(viewer, List.of(withExpired), now))
                .isEqualTo(InterviewAccess.decide(viewer, List.of(policy), now));
        for (Action action : Action.values()) {
            assertThat(SecrecyRules.mayPerform(viewer, withExpired, action, now))
                    .isEqualTo(SecrecyRules.mayPerform(viewer, policy, action, now));
        }
    }

    @Property
    void aGrantOfAWiderScopeNeverShowsLess(
            @ForAll("signedInViewers") Viewer viewer,
            @ForAll("policies") CasePolicy policy,
            @ForAll("instants") Instant now,
            @ForAll GrantScope narrow,
            @ForAll GrantScope other,
            @ForAll @IntRange(min = 0, max = 3) int secondsLeft) {
        GrantScope wide = other.covers(narrow) ? other : narrow;
        Instant expiry = secondsLeft == 0 ? null : now.plusSeconds(secondsLeft);
        Decision withNarrow =
                decide(viewer, Fixtures.plusGrant(policy, new Grant(viewer.organisation(), narrow, expiry)), now);
        Decision withWide =
                decide(viewer, Fixtures.plusGrant(policy, new Grant(viewer.organisation(), wide, expiry)), now);
        assertThat(showsAtLeast(withWide, withNarrow)).isTrue();
    }

    @Property
    void issuingAnActiveGrantNeverHidesAnything(
            @ForAll("viewers") Viewer viewer,
            @ForAll("policies") CasePolicy policy,
            @ForAll("instants") Instant now,
            @ForAll("grants") Grant grant) {
        Assume.that(grant.isActiveAt(now));
        assertThat(showsAtLeast(decide(viewer, Fixtures.plusGrant(policy, grant), now), decide(viewer, policy, now)))
                .isTrue();
    }

    @Provide("grants")
    static Arbitrary<Grant> grantsProvider() {
        return grants();
    }

    // ---- shape of a decision -----------------------------------------------------------------------------

    @Property
    void decideIsDeterministicAndIgnoresTheOrderOfGrantsAndTeam(
            @ForAll("viewers") Viewer viewer, @ForAll("policies") CasePolicy policy, @ForAll("instants") Instant now) {
        List<Grant> reversed = new ArrayList<>(policy.grants());
        Collections.reverse(reversed);
        CasePolicy copy = new CasePolicy(
                policy.caseId(),
                policy.owningOrganisation(),
                policy.tier(),
                policy.resultsReleased(),
                new HashMap<>(policy.team()),
                reversed,
                policy.version());
        Viewer viewerCopy = viewer.isAnonymous()
                ? new Viewer(null, null, Set.of())
                : Viewer.signedIn(
                        viewer.subject(),
                        viewer.organisation(),
                        EnumSet.copyOf(
                                viewer.roles().isEmpty()
                                        ? EnumSet.noneOf(Role.class)
                                        : EnumSet.copyOf(viewer.roles())));
        Decision first = decide(viewer, policy, now);
        assertThat(decide(viewer, policy, now)).isEqualTo(first);
        assertThat(decide(viewerCopy, copy, now)).isEqualTo(first);
    }

    @Property
    void knowingTheCaseExistsIsSeeingItsHeaderAsSectionOneSays(
            @ForAll("viewers") Viewer viewer, @ForAll("policies") CasePolicy policy, @ForAll("instants") Instant now) {
        Decision decision = decide(viewer, policy, now);
        assertThat(decision.knowsExists()).isEqualTo(!decision.sections().isEmpty());
        assertThat(decision.knowsExists()).isEqualTo(decision.sees(Section.HEADER));
        boolean publiclyKnown = policy.tier() == Tier.PUBLICLY_KNOWN
                || (policy.tier() == Tier.RESULTS_PUBLIC && policy.resultsReleased());
        boolean insider = decision.relationship() == Relationship.MEMBER
                || decision.relationship() == Relationship.SECRECY_ADMIN
                || decision.relationship() == Relationship.GRANTEE;
        assertThat(decision.knowsExists()).isEqualTo(publiclyKnown || insider);
    }

    @Property
    void whoMayNotKnowTheCaseExistsGetsNoExcerptsAndNoActionBeyondTheirRole(
            @ForAll("viewers") Viewer viewer,
            @ForAll("policies") CasePolicy policy,
            @ForAll("policies") CasePolicy another,
            @ForAll("instants") Instant now) {
        Decision decision = decide(viewer, policy, now);
        boolean auditorOfOwner = viewer.has(Role.AUDITOR) && viewer.belongsTo(policy.owningOrganisation());
        if (viewer.has(Role.SECRECY_ADMIN) && viewer.belongsTo(policy.owningOrganisation())) {
            assertThat(decision.knowsExists()).isTrue();
        }
        if (policy.isOnTeam(viewer.subject())) {
            assertThat(decision.knowsExists()).isTrue();
        }
        if (!decision.knowsExists()) {
            assertThat(decision.excerpts()).isFalse();
            assertThat(InterviewAccess.decide(viewer, List.of(policy), now)).isEqualTo(InterviewAccess.NONE);
            assertThat(InterviewAccess.decide(viewer, List.of(another, policy), now))
                    .isEqualTo(InterviewAccess.NONE);
            for (Action action : Action.values()) {
                if (SecrecyRules.mayPerform(viewer, policy, action, now)) {
                    // The only action a role gives without knowledge of the case: the auditor's ledger.
                    assertThat(action).isEqualTo(Action.READ_LEDGER);
                    assertThat(auditorOfOwner).isTrue();
                }
            }
        }
    }

    @Property
    void processAndInterviewsAreNeverPublic(
            @ForAll("viewers") Viewer viewer, @ForAll("policies") CasePolicy policy, @ForAll("instants") Instant now) {
        Decision decision = decide(viewer, policy, now);
        GrantScope scope = viewer.isAnonymous() ? null : policy.activeScopeFor(viewer.organisation(), now);
        boolean member = decision.relationship() == Relationship.MEMBER;
        boolean grantee = decision.relationship() == Relationship.GRANTEE;
        if (decision.sees(Section.PROCESS)) {
            assertThat(member || (grantee && scope.covers(GrantScope.PROCESS))).isTrue();
        }
        assertThat(decision.sees(Section.INTERVIEWS)).isEqualTo(member);
        if (decision.excerpts()) {
            assertThat(decision.sees(Section.PROCESS)).isTrue();
            assertThat(member || (grantee && scope == GrantScope.EXCERPTS)).isTrue();
        }
    }

    @Property
    void decideAgreesWithTheTableTheSqlJoinsAgainst(
            @ForAll("viewers") Viewer viewer, @ForAll("policies") CasePolicy policy, @ForAll("instants") Instant now) {
        Decision decision = decide(viewer, policy, now);
        Relationship relationship = SecrecyRules.relationshipOf(viewer, policy, now);
        assertThat(decision.relationship()).isEqualTo(relationship);
        GrantScope scope =
                relationship == Relationship.GRANTEE ? policy.activeScopeFor(viewer.organisation(), now) : null;
        assertThat(decision.sections())
                .isEqualTo(SecrecyRules.sections(relationship, policy.tier(), policy.resultsReleased(), scope));
    }

    // ---- interviews --------------------------------------------------------------------------------------

    @Property
    void anInterviewGetsTheWeakestAccessOfItsLinkedCases(
            @ForAll("viewers") Viewer viewer,
            @ForAll("caseLists") List<CasePolicy> linked,
            @ForAll("policies") CasePolicy extra,
            @ForAll("instants") Instant now) {
        InterviewAccess all = InterviewAccess.decide(viewer, linked, now);
        InterviewAccess weakest = InterviewAccess.CONTENT;
        for (CasePolicy policy : linked) {
            InterviewAccess one = InterviewAccess.decide(viewer, List.of(policy), now);
            if (one.compareTo(weakest) < 0) {
                weakest = one;
            }
            // Agrees with the case decision: content for members only, excerpts only with the excerpts flag.
            Decision decision = decide(viewer, policy, now);
            if (all == InterviewAccess.CONTENT) {
                assertThat(decision.relationship()).isEqualTo(Relationship.MEMBER);
            }
            if (all == InterviewAccess.EXCERPTS) {
                assertThat(decision.excerpts()).isTrue();
            }
        }
        assertThat(all).isEqualTo(weakest);
        List<CasePolicy> more = new ArrayList<>(linked);
        more.add(extra);
        assertThat(InterviewAccess.decide(viewer, more, now)).isLessThanOrEqualTo(all);
        if (viewer.isAnonymous()) {
            assertThat(all).isEqualTo(InterviewAccess.NONE);
        }
        boolean memberOfAll = linked.stream().allMatch(p -> p.isOnTeam(viewer.subject()));
        assertThat(all == InterviewAccess.CONTENT).isEqualTo(memberOfAll && !viewer.isAnonymous());
    }

    @Property
    void interviewAccessDoesNotDependOnTheTier(
            @ForAll("viewers") Viewer viewer,
            @ForAll("policies") CasePolicy policy,
            @ForAll Tier tier,
            @ForAll boolean released,
            @ForAll("instants") Instant now) {
        assertThat(InterviewAccess.decide(viewer, List.of(Fixtures.withTier(policy, tier, released)), now))
                .isEqualTo(InterviewAccess.decide(viewer, List.of(policy), now));
    }

    @Provide
    static Arbitrary<List<CasePolicy>> caseLists() {
        return policies().list().ofMinSize(1).ofMaxSize(3);
    }
}
