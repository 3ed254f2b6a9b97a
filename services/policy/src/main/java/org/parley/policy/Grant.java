package org.parley.policy;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One organisation's access to one case.
 *
 * @param expiresAt null when the grant does not expire
 */
public record Grant(
        String organisation, GrantScope scope, @Nullable Instant expiresAt) {

    public Grant {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(scope, "scope");
    }

    /** An expired grant is the same as no grant; expiry bites at the instant itself. */
    public boolean isActiveAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
