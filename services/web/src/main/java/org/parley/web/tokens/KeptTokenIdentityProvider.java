package org.parley.web.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a bearer token that {@link KeptTokens} holds with the identity its verification made, for this request;
 * any other token goes on to Quarkus OIDC, which verifies it (tried after this provider: its priority is the
 * default).
 */
@ApplicationScoped
public class KeptTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final KeptTokens kept;

    @Inject
    public KeptTokenIdentityProvider(KeptTokens kept) {
        this.kept = kept;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST * 2;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        // Bearer access tokens only: an ID token of a code flow carries a session this cache knows nothing of.
        if (!(request.getToken() instanceof AccessTokenCredential token)) {
            return Uni.createFrom().nullItem();
        }
        return kept.find(token.getToken())
                .map(identity -> Uni.createFrom().item(forRequest(identity, request)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    private static SecurityIdentity forRequest(SecurityIdentity identity, TokenAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(RoutingContext.class.getName(), routing)
                .build();
    }
}
