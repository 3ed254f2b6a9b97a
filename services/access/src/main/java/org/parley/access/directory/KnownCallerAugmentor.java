package org.parley.access.directory;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.parley.access.organisation.Organisations;
import org.parley.policy.Role;
import org.parley.web.CallerIdentity;

/**
 * Runs once per authenticated request, before any endpoint: refuses tokens whose organisation access
 * does not know (a 401, like any other unusable token) and records the caller in the directory.
 */
@ApplicationScoped
public class KnownCallerAugmentor implements SecurityIdentityAugmentor {

    private final Organisations organisations;
    private final Directory directory;

    @Inject
    public KnownCallerAugmentor(Organisations organisations, Directory directory) {
        this.organisations = organisations;
        this.directory = directory;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            admit(identity, token);
            return identity;
        });
    }

    private void admit(SecurityIdentity identity, JsonWebToken token) {
        Object organisationClaim = token.getClaim(CallerIdentity.ORGANISATION_CLAIM);
        String organisation = organisationClaim == null ? null : organisationClaim.toString();
        String subject = token.getSubject();
        if (subject == null || organisation == null || organisation.isBlank()) {
            throw new AuthenticationFailedException("token without subject or organisation");
        }
        Object usernameClaim = token.getClaim("preferred_username");
        String username = usernameClaim == null ? subject : usernameClaim.toString();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        identity.getRoles().forEach(name -> Role.fromClaim(name).ifPresent(roles::add));
        boolean known = QuarkusTransaction.requiringNew().call(() -> {
            if (!organisations.isKnown(organisation)) {
                return false;
            }
            directory.record(subject, username, organisation, roles);
            return true;
        });
        if (!known) {
            throw new AuthenticationFailedException("unknown organisation");
        }
    }
}
