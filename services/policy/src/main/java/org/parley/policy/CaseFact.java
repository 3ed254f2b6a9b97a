package org.parley.policy;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The facts about a viewer and a case that the rules are made of, each answered in Java (against a
 * {@link CasePolicy}) and in SQL (against the {@link CaseColumns} a statement names), side by side, so a
 * change to one is made where the other stands (and the cases service's PolicySqlAgreementTest checks they
 * agree). Facts the viewer alone decides (signed in, roles) are decided in
 * Java and enter the SQL as TRUE or FALSE. A rule is a list of facts that must all hold; see
 * {@link SecrecyRules#relationshipOf} and {@link SecrecySql}.
 */
enum CaseFact {
    /** The viewer has no token. */
    ANONYMOUS_VIEWER {
        @Override
        boolean holds(Viewer viewer, CasePolicy policy, Instant now) {
            return viewer.isAnonymous();
        }

        @Override
        SqlFragment sql(Viewer viewer, CaseColumns row) {
            return SqlFragment.constant(viewer.isAnonymous());
        }
    },
    /** The viewer is on the case team, as lead or member. */
    ON_TEAM {
        @Override
        boolean holds(Viewer viewer, CasePolicy policy, Instant now) {
            return policy.isOnTeam(viewer.subject());
        }

        @Override
        SqlFragment sql(Viewer viewer, CaseColumns row) {
            return viewer.isAnonymous() ? SqlFragment.FALSE : required(row.viewerOnTeam());
        }
    },
    /** The viewer belongs to the organisation that owns the case. */
    OWN_ORGANISATION {
        @Override
        boolean holds(Viewer viewer, CasePolicy policy, Instant now) {
            return viewer.belongsTo(policy.owningOrganisation());
        }

        @Override
        SqlFragment sql(Viewer viewer, CaseColumns row) {
            return viewer.isAnonymous()
                    ? SqlFragment.FALSE
                    : SqlFragment.of(row.owningOrganisation() + " = ?", Objects.requireNonNull(viewer.organisation()));
        }
    },
    /** The viewer's organisation holds an active grant on the case ({@link Grant#isActiveAt}). */
    ACTIVE_GRANT {
        @Override
        boolean holds(Viewer viewer, CasePolicy policy, Instant now) {
            return policy.activeScopeFor(viewer.organisation(), now) != null;
        }

        @Override
        SqlFragment sql(Viewer viewer, CaseColumns row) {
            return viewer.isAnonymous() ? SqlFragment.FALSE : required(row.viewerHoldsGrant());
        }
    },
    /** The viewer has the secrecy-admin role (of their own organisation). */
    SECRECY_ADMIN_ROLE {
        @Override
        boolean holds(Viewer viewer, CasePolicy policy, Instant now) {
            return viewer.has(Role.SECRECY_ADMIN);
        }

        @Override
        SqlFragment sql(Viewer viewer, CaseColumns row) {
            return SqlFragment.constant(viewer.has(Role.SECRECY_ADMIN));
        }
    },
    /** The viewer has the auditor role (of their own organisation). */
    AUDITOR_ROLE {
        @Override
        boolean holds(Viewer viewer, CasePolicy policy, Instant now) {
            return viewer.has(Role.AUDITOR);
        }

        @Override
        SqlFragment sql(Viewer viewer, CaseColumns row) {
            return SqlFragment.constant(viewer.has(Role.AUDITOR));
        }
    };

    abstract boolean holds(Viewer viewer, CasePolicy policy, Instant now);

    /** A predicate on the statement's row, TRUE or FALSE when the viewer alone decides. */
    abstract SqlFragment sql(Viewer viewer, CaseColumns row);

    SqlFragment required(@Nullable SqlFragment predicate) {
        if (predicate == null) {
            throw new IllegalStateException("the statement does not say how to read " + this);
        }
        return predicate;
    }
}
