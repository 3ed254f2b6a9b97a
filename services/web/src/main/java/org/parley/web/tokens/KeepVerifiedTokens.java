package org.parley.web.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Hands {@link KeptTokens} each identity Quarkus OIDC verified from a bearer access token. It runs before every other
 * augmentor, so what is kept is the verification's identity, and the other augmentors still run on every request.
 */
@ApplicationScoped
public class KeepVerifiedTokens implements SecurityIdentityAugmentor {

    private final KeptTokens kept;

    @Inject
    public KeepVerifiedTokens(KeptTokens kept) {
        this.kept = kept;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (!identity.isAnonymous() && token != null && identity.getCredential(IdTokenCredential.class) == null) {
            kept.keep(token.getToken(), identity);
        }
        return Uni.createFrom().item(identity);
    }
}
