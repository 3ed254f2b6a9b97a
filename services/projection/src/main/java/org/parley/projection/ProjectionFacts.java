package org.parley.projection;

import org.parley.policy.CaseColumns;
import org.parley.policy.SecrecySql;
import org.parley.policy.SqlFragment;
import org.parley.policy.Viewer;

/**
 * How a statement reads the facts the secrecy rules test from this projection's tables ({@code case_policy},
 * {@code case_team_member}, {@code case_grant}), for a {@code case_policy} row under the given alias. One
 * place, so every statement that decides from the projection reads its team and grants the same way.
 */
public final class ProjectionFacts {

    private ProjectionFacts() {}

    /** The facts about the case of the {@code case_policy} row named {@code policy} (e.g. {@code "p"}). */
    public static CaseColumns ofPolicyRow(Viewer viewer, String policy) {
        return new CaseColumns(
                policy + ".owning_organisation",
                SqlFragment.of(
                        "EXISTS (SELECT 1 FROM case_team_member m WHERE m.case_id = " + policy + ".case_id"
                                + " AND m.subject = ?)",
                        viewer.subject()),
                SqlFragment.of(
                        "EXISTS (SELECT 1 FROM case_grant g WHERE g.case_id = " + policy + ".case_id"
                                + " AND g.organisation = ? AND " + SecrecySql.grantActive("g.expires_at", "now()")
                                + ")",
                        viewer.organisation()));
    }
}
