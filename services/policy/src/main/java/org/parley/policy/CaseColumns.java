package org.parley.policy;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How one SQL statement reads the facts about the case row at hand that the rules test ({@link CaseFact}),
 * so that {@link SecrecySql} can write a rule into that statement. The predicates come from the caller
 * because each statement reaches the team and the grants its own way (a join, a subquery); each must need no
 * parentheses of its own (a comparison, an {@code IS [NOT] NULL} test or an {@code EXISTS}).
 *
 * @param owningOrganisation the expression holding the case's owning organisation
 * @param viewerOnTeam a predicate that holds when the viewer is on the case team; null when the statement
 *     has no way to tell (a rule that needs it then fails to generate instead of guessing)
 * @param viewerHoldsGrant a predicate that holds when the viewer's organisation holds an active grant on the
 *     case ({@link SecrecySql#grantActive}); null as above
 */
public record CaseColumns(
        String owningOrganisation,
        @Nullable SqlFragment viewerOnTeam,
        @Nullable SqlFragment viewerHoldsGrant) {

    public CaseColumns {
        Objects.requireNonNull(owningOrganisation, "owningOrganisation");
    }

    /** A statement that knows only who owns the row: enough for the rules that ask only that (the ledger). */
    public static CaseColumns ownedBy(String owningOrganisation) {
        return new CaseColumns(owningOrganisation, null, null);
    }
}
