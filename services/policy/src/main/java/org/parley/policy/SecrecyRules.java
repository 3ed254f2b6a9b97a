package org.parley.policy;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The secrecy model's decisions (docs/secrecy-model.md §1, §3 and §5; "section N" below means §N there).
 * Pure functions: the same inputs give the same answer, with no clock of their own, so services and tests
 * can ask about any instant.
 */
public final class SecrecyRules {

    private SecrecyRules() {}

    /** Facts that must all hold; no fact at all always holds. */
    record Rule(List<CaseFact> facts) {

        static Rule allOf(CaseFact... facts) {
            return new Rule(List.of(facts));
        }

        boolean appliesTo(Viewer viewer, CasePolicy policy, Instant now) {
            // Indexed loops here and in relationshipOf: when the JIT does not inline the whole precedence (an OTHER
            // viewer runs every line), each for-each allocated its iterator, 192 B a decision in JMH.
            for (int i = 0; i < facts.size(); i++) {
                if (!facts.get(i).holds(viewer, policy, now)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One line of the relationship precedence. */
    record RelationshipRule(Relationship relationship, Rule rule) {

        RelationshipRule(Relationship relationship, CaseFact... facts) {
            this(relationship, Rule.allOf(facts));
        }
    }

    /**
     * How a viewer stands to a case: the first line whose facts all hold (docs/secrecy-model.md, section 3).
     * The one statement of that precedence: {@link #relationshipOf} and the SQL of {@link
     * SecrecySql#relationshipOf} both read it, so reordering it or changing a line changes both. The last
     * line has no condition.
     */
    static final List<RelationshipRule> RELATIONSHIP_PRECEDENCE = List.of(
            new RelationshipRule(Relationship.ANONYMOUS, CaseFact.ANONYMOUS_VIEWER),
            new RelationshipRule(Relationship.MEMBER, CaseFact.ON_TEAM),
            new RelationshipRule(Relationship.SECRECY_ADMIN, CaseFact.SECRECY_ADMIN_ROLE, CaseFact.OWN_ORGANISATION),
            new RelationshipRule(Relationship.GRANTEE, CaseFact.ACTIVE_GRANT),
            new RelationshipRule(Relationship.ORG_STAFF, CaseFact.OWN_ORGANISATION),
            new RelationshipRule(Relationship.OTHER));

    /** The first relationship of section 3 that applies to this viewer and case. */
    public static Relationship relationshipOf(Viewer viewer, CasePolicy policy, Instant now) {
        for (int i = 0; i < RELATIONSHIP_PRECEDENCE.size(); i++) {
            RelationshipRule rule = RELATIONSHIP_PRECEDENCE.get(i);
            if (rule.rule().appliesTo(viewer, policy, now)) {
                return rule.relationship();
            }
        }
        throw new IllegalStateException("the relationship precedence ends with a line that has conditions");
    }

    /** What this viewer may see of this case at this instant. */
    public static Decision decide(Viewer viewer, CasePolicy policy, Instant now) {
        Relationship relationship = relationshipOf(viewer, policy, now);
        GrantScope scope =
                relationship == Relationship.GRANTEE ? policy.activeScopeFor(viewer.organisation(), now) : null;
        Set<Section> sections = sections(relationship, policy.tier(), policy.resultsReleased(), scope);
        boolean excerpts = relationship == Relationship.MEMBER || (scope != null && scope.includesExcerpts());
        return new Decision(relationship, sections, excerpts);
    }

    /**
     * The matrix of section 3 as one function. {@code scope} is the grantee's widest active scope and is
     * ignored for every other relationship. This is also the table the services' SQL joins against, so
     * lists and single reads agree by construction. The answer is an unmodifiable set.
     */
    public static Set<Section> sections(
            Relationship relationship, Tier tier, boolean released, @Nullable GrantScope scope) {
        int scopeIndex = 0;
        if (relationship == Relationship.GRANTEE) {
            if (scope == null) {
                throw new IllegalArgumentException("a grantee has a scope");
            }
            scopeIndex = scope.ordinal() + 1;
        }
        return MATRIX[relationship.ordinal()][tier.ordinal()][released ? 1 : 0][scopeIndex];
    }

    /** Whether some case shows a viewer of this relationship more than the public register. */
    static boolean showsMoreThanPublic(Relationship relationship) {
        for (Tier tier : Tier.values()) {
            for (boolean released : new boolean[] {false, true}) {
                for (int scopeIndex = 0; scopeIndex <= GrantScope.values().length; scopeIndex++) {
                    if (!MATRIX[relationship.ordinal()][tier.ordinal()][released ? 1 : 0][scopeIndex].equals(
                            publicSections(tier, released))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** What everyone, anonymous readers included, may see: the public register. */
    public static Set<Section> publicSections(Tier tier, boolean released) {
        return MATRIX[Relationship.ANONYMOUS.ordinal()][tier.ordinal()][released ? 1 : 0][0];
    }

    // Computed once: a decision is then a few field reads and one array lookup.
    private static final Set<Section>[][][][] MATRIX = buildMatrix();

    @SuppressWarnings("unchecked")
    private static Set<Section>[][][][] buildMatrix() {
        Relationship[] relationships = Relationship.values();
        Tier[] tiers = Tier.values();
        GrantScope[] scopes = GrantScope.values();
        Set<Section>[][][][] matrix = new Set[relationships.length][tiers.length][2][scopes.length + 1];
        for (Relationship relationship : relationships) {
            for (Tier tier : tiers) {
                for (int released = 0; released < 2; released++) {
                    for (int scopeIndex = 0; scopeIndex <= scopes.length; scopeIndex++) {
                        GrantScope scope = scopeIndex == 0 ? null : scopes[scopeIndex - 1];
                        matrix[relationship.ordinal()][tier.ordinal()][released][scopeIndex] =
                                Collections.unmodifiableSet(compute(relationship, tier, released == 1, scope));
                    }
                }
            }
        }
        return matrix;
    }

    private static EnumSet<Section> compute(
            Relationship relationship, Tier tier, boolean released, @Nullable GrantScope scope) {
        EnumSet<Section> visible = publicRegister(tier, released);
        switch (relationship) {
            case MEMBER -> visible = EnumSet.allOf(Section.class);
            case SECRECY_ADMIN -> {
                // Admins always see the header, to manage team and grants; once results are out they
                // also see the context, but never the process or interviews.
                visible.add(Section.HEADER);
                if (tier == Tier.RESULTS_PUBLIC && released) {
                    visible.add(Section.CONTEXT);
                }
            }
            case GRANTEE -> {
                if (scope != null) {
                    visible.addAll(scope.sections());
                }
            }
            case ORG_STAFF, OTHER, ANONYMOUS -> {}
        }
        return visible;
    }

    private static EnumSet<Section> publicRegister(Tier tier, boolean released) {
        return switch (tier) {
            case SECRET -> EnumSet.noneOf(Section.class);
            case RESULTS_PUBLIC ->
                released ? EnumSet.of(Section.HEADER, Section.RESULTS) : EnumSet.noneOf(Section.class);
            case PUBLICLY_KNOWN ->
                released
                        ? EnumSet.of(Section.HEADER, Section.CONTEXT, Section.RESULTS)
                        : EnumSet.of(Section.HEADER, Section.CONTEXT);
        };
    }

    /** Whether the viewer may perform the action on the case. Reading is {@link #decide}'s business. */
    public static boolean mayPerform(Viewer viewer, CasePolicy policy, Action action, Instant now) {
        if (viewer.isAnonymous()) {
            return false;
        }
        boolean member = policy.isOnTeam(viewer.subject());
        boolean lead = policy.isLead(viewer.subject());
        boolean admin = viewer.has(Role.SECRECY_ADMIN) && viewer.belongsTo(policy.owningOrganisation());
        return switch (action) {
            case EDIT_SECTION, LINK_INTERVIEW -> member;
            case APPROVE_EXCERPT, ADD_TEAM_MEMBER -> lead;
            case MANAGE_TEAM, DELETE -> lead || admin;
            case REQUEST_SECRECY_CHANGE, APPROVE_SECRECY_CHANGE, TIGHTEN_SECRECY, ISSUE_GRANT -> admin;
            case READ_LEDGER -> READS_LEDGER.appliesTo(viewer, policy, now);
        };
    }

    /**
     * {@link Action#READ_LEDGER}: the auditor role in the owning organisation (docs/secrecy-model.md,
     * section 5). Also the SQL scope of the auditor's ledger ({@link SecrecySql#ledgerEntryVisible}).
     */
    static final Rule READS_LEDGER = Rule.allOf(CaseFact.AUDITOR_ROLE, CaseFact.OWN_ORGANISATION);

    /**
     * Whether the viewer may read a ledger entry about no case (a login, an export) by an actor of {@code
     * actorOrganisation}: such an entry belongs to the actor's organisation, and is read under {@link
     * Action#READ_LEDGER}'s rule as if that organisation owned a case. Entries about a case are {@link
     * #mayPerform}{@code (…, READ_LEDGER, …)} on it.
     */
    public static boolean mayReadLedgerEntryAboutNoCase(Viewer viewer, String actorOrganisation) {
        if (actorOrganisation == null) {
            return false;
        }
        CasePolicy ownedByActor = new CasePolicy("", actorOrganisation, Tier.SECRET, false, Map.of(), List.of(), 0);
        // The rule asks only about roles and the owner, never about time.
        return READS_LEDGER.appliesTo(viewer, ownedByActor, Instant.EPOCH);
    }

    /**
     * Whether {@code approver} may approve a secrecy change that {@code requesterSubject} asked for: a
     * secrecy admin of the owning organisation who is not the requester (two-person rule, section 5).
     */
    public static boolean mayApprove(Viewer approver, CasePolicy policy, String requesterSubject, Instant now) {
        return mayPerform(approver, policy, Action.APPROVE_SECRECY_CHANGE, now)
                && !Objects.equals(approver.subject(), requesterSubject);
    }

    /**
     * How {@code actor} may put {@code subject} on the case team (section 5). Someone already on the team
     * only changes role, which shows nobody a new section: at once, by the lead or a secrecy admin of the
     * owner. Someone new gains the member's view, so this is a loosening for that person: at once only when
     * the lead adds them; a secrecy admin of the owner who is not the lead (adding herself above all) files
     * a request a second admin approves; anyone else is refused.
     */
    public static TeamAddition teamAddition(Viewer actor, CasePolicy policy, String subject, Instant now) {
        if (policy.isOnTeam(subject)) {
            return mayPerform(actor, policy, Action.MANAGE_TEAM, now) ? TeamAddition.AT_ONCE : TeamAddition.REFUSED;
        }
        if (mayPerform(actor, policy, Action.ADD_TEAM_MEMBER, now)) {
            return TeamAddition.AT_ONCE;
        }
        if (mayPerform(actor, policy, Action.REQUEST_SECRECY_CHANGE, now)) {
            return TeamAddition.NEEDS_SECOND_ADMIN;
        }
        return TeamAddition.REFUSED;
    }

    /**
     * Whether {@code approver} may approve putting {@code addedSubject} on the team at {@code
     * requesterSubject}'s request: as {@link #mayApprove}, and never the person who would join, so that
     * nobody approves their own access.
     */
    public static boolean mayApproveTeamAddition(
            Viewer approver, CasePolicy policy, String requesterSubject, String addedSubject, Instant now) {
        return mayApprove(approver, policy, requesterSubject, now) && !Objects.equals(approver.subject(), addedSubject);
    }

    /** Whether moving the case from one (tier, released) pair to another opens it to anyone. */
    public static boolean isLoosening(Tier fromTier, boolean fromReleased, Tier toTier, boolean toReleased) {
        return toTier.isLooserThan(fromTier) || (toReleased && !fromReleased);
    }

    /** Whether a grant of this scope needs a second secrecy admin before it takes effect. */
    public static boolean grantNeedsApproval(GrantScope scope) {
        return scope.needsSecondApprover();
    }
}
