package org.parley.access.casepolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.access.organisation.Organisations;
import org.parley.policy.GrantScope;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * Who a grant may go to: one registered organisation other than the case's owner, with an expiry (if any)
 * in the future; and which of its grants a new one replaces, since an organisation holds one active grant
 * per case. Checked when a grant is asked for and again when a request for one is approved.
 */
@ApplicationScoped
public class GrantTargets {

    /** The first instant an expiry may not reach: PostgreSQL cannot store years past 294276 (it was a 500). */
    static final Instant EXPIRY_BOUND =
            LocalDate.of(10_000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private final Organisations organisations;

    @Inject
    public GrantTargets(Organisations organisations) {
        this.organisations = organisations;
    }

    /** A 400 naming the offending fields, or nothing. */
    public void check(CaseAccess row, String organisation, Instant expiresAt, Instant now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (organisation.equals(row.owningOrganisation)) {
            errors.add(new Problem.FieldError("organisation", "the owning organisation needs no grant"));
        } else if (!organisations.isKnown(organisation)) {
            errors.add(new Problem.FieldError("organisation", "unknown organisation"));
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(new Problem.FieldError("expiresAt", "must be in the future"));
        } else if (expiresAt != null && !expiresAt.isBefore(EXPIRY_BOUND)) {
            errors.add(new Problem.FieldError("expiresAt", "must be before the year 10000 (leave it out for none)"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
    }

    /**
     * The organisation's active grant on the case that a new grant of this scope and expiry replaces, if it
     * has one; a 409 when that grant already covers as much (the same or a wider scope, lasting at least
     * as long): a grant is narrowed by revoking it (immediate) and issuing the narrower one. Grants issued
     * before this rule may overlap; then the new grant must cover every one of them, and replaces the widest.
     */
    public Optional<CaseGrant> replaced(
            CaseAccess row, String organisation, GrantScope scope, Instant expiresAt, Instant now) {
        List<CaseGrant> held = CasePolicies.activeGrants(row.caseId).stream()
                .filter(grant -> grant.organisation.equals(organisation))
                .filter(grant -> grant.asPolicyGrant().isActiveAt(now))
                .toList();
        for (CaseGrant grant : held) {
            if (!covers(scope, expiresAt, grant.scope, grant.expiresAt)) {
                throw new ProblemException(Problems.conflict("This organisation already holds a grant on this case"
                        + " that is wider or lasts longer (" + grant.scope + "). To narrow it, revoke it first."));
            }
            if (covers(grant.scope, grant.expiresAt, scope, expiresAt)) {
                throw new ProblemException(Problems.conflict("This organisation already holds this grant on this case ("
                        + grant.scope + "): nothing would change."));
            }
        }
        return held.stream().reduce((a, b) -> covers(a.scope, a.expiresAt, b.scope, b.expiresAt) ? a : b);
    }

    /** Whether a grant of the first scope and expiry shows at least what one of the second does, as long. */
    static boolean covers(GrantScope scope, Instant expiresAt, GrantScope otherScope, Instant otherExpiresAt) {
        boolean lastsAsLong = expiresAt == null || (otherExpiresAt != null && !expiresAt.isBefore(otherExpiresAt));
        return scope.covers(otherScope) && lastsAsLong;
    }
}
