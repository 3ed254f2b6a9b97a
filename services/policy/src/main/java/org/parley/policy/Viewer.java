package org.parley.policy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who is asking: the token's subject, organisation and roles, or nobody.
 *
 * @param subject the OIDC subject; null for an anonymous viewer
 * @param organisation the organisation claim; null for an anonymous viewer
 */
public record Viewer(@Nullable String subject, @Nullable String organisation, Set<Role> roles) {

    private static final Viewer ANONYMOUS = new Viewer(null, null, Set.of());

    public Viewer {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if ((subject == null) != (organisation == null)) {
            throw new IllegalArgumentException("a signed-in viewer has both a subject and an organisation");
        }
    }

    public static Viewer anonymous() {
        return ANONYMOUS;
    }

    public static Viewer signedIn(String subject, String organisation, Set<Role> roles) {
        return new Viewer(Objects.requireNonNull(subject), Objects.requireNonNull(organisation), roles);
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean belongsTo(String organisationId) {
        return organisation != null && organisation.equals(organisationId);
    }
}
