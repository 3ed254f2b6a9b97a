package org.parley.access.casepolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.access.organisation.Organisations;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * Who a grant may go to: one registered organisation other than the case's owner, with an expiry (if any)
 * in the future. Checked when a grant is asked for and again when a request for one is approved.
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
}
