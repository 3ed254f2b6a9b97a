package org.parley.console.web;

import java.util.Set;

/**
 * The one-line notice after a change ({@code ?done=saved} or {@code ?err=stale}): only known keys are
 * shown, so nothing typed into a URL is ever echoed on a page.
 */
public record Flash(String done, String err, String fields) {

    private static final Set<String> DONE = Set.of(
            "saved",
            "entry-added",
            "requested",
            "changed",
            "granted",
            "revoked",
            "team-changed",
            "team-requested",
            "approved",
            "rejected",
            "withdrawn",
            "recorded",
            "proposed",
            "excerpt-approved",
            "opened",
            "linked",
            "unlinked",
            "consent-withdrawn");
    private static final Set<String> ERRORS =
            Set.of("invalid", "forbidden", "conflict", "stale", "failed", "grant-held");

    public static Flash of(String done, String err) {
        return of(done, err, null);
    }

    /** {@code fields}: the invalid fields a service named, already filtered to plain names by the caller. */
    public static Flash of(String done, String err, String fields) {
        return new Flash(
                done != null && DONE.contains(done) ? done : null,
                err != null && ERRORS.contains(err) ? err : null,
                fields != null && fields.matches("[A-Za-z0-9_.\\[\\], ]{1,200}") ? fields : null);
    }

    public boolean any() {
        return done != null || err != null;
    }
}
