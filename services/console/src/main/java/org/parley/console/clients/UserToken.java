package org.parley.console.clients;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Sends the signed-in user's own access token (from the code-flow session) on every call to a service,
 * so each service decides with its own rules, and who the browser is ({@link ForwardedFor}). Nothing else of the
 * browser's request is passed on.
 */
@ApplicationScoped
public class UserToken implements ClientHeadersFactory {

    private final SecurityIdentity identity;
    private final ForwardedFor forwardedFor;

    @Inject
    public UserToken(SecurityIdentity identity, ForwardedFor forwardedFor) {
        this.identity = identity;
        this.forwardedFor = forwardedFor;
    }

    @Override
    public MultivaluedMap<String, String> update(
            MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>(forwardedFor.update(incoming, outgoing));
        AccessTokenCredential token =
                identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            headers.putSingle("Authorization", "Bearer " + token.getToken());
        }
        return headers;
    }
}
