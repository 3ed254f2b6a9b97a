package org.parley.web;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jspecify.annotations.Nullable;
import org.parley.policy.Role;
import org.parley.policy.Viewer;

/**
 * The caller of the current request as the secrecy rules see them: subject, organisation (the token's
 * {@code org} claim) and realm roles, or anonymous when there is no token.
 */
@RequestScoped
public class CallerIdentity {

    /** The access-token claim that names the user's organisation. */
    public static final String ORGANISATION_CLAIM = "org";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    @Inject
    public CallerIdentity(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    private @Nullable Viewer viewer; // decided once per request, on first use

    public Viewer viewer() {
        if (viewer == null) {
            viewer = resolve();
        }
        return viewer;
    }

    private Viewer resolve() {
        if (identity.isAnonymous() || token == null || token.getSubject() == null) {
            return Viewer.anonymous();
        }
        Object organisation = token.getClaim(ORGANISATION_CLAIM);
        if (organisation == null || organisation.toString().isBlank()) {
            // A signed-in user without an organisation is nobody the rules can place: refuse.
            throw new ProblemException(Problems.unauthorized("The token carries no organisation."));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : identity.getRoles()) {
            Role.fromClaim(name).ifPresent(roles::add);
        }
        return Viewer.signedIn(token.getSubject(), organisation.toString(), roles);
    }
}
