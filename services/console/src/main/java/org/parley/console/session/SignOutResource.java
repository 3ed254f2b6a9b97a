package org.parley.console.session;

import java.net.URI;
import java.time.Duration;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.oidc.RefreshToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import org.parley.console.web.Ctx;

/**
 * Signing out: only a POST that carries the form's CSRF token (checked by quarkus-rest-csrf before this runs)
 * signs out, so a link, an image or another site's form cannot. It ends the Keycloak session first, then
 * removes the console's session cookie. Opening {@code /logout} only shows the button.
 */
@Path("/logout")
@Produces(MediaType.TEXT_HTML)
public class SignOutResource {

    private final Ctx ctx;
    private final SecurityIdentity identity;
    private final OidcSession session;
    private final OidcConfigurationMetadata provider;
    private final KeycloakSignOut keycloak;

    @Inject
    public SignOutResource(
            Ctx ctx,
            SecurityIdentity identity,
            OidcSession session,
            OidcConfigurationMetadata provider,
            KeycloakSignOut keycloak) {
        this.ctx = ctx;
        this.identity = identity;
        this.session = session;
        this.provider = provider;
        this.keycloak = keycloak;
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance confirm();
    }

    /** A page with the sign-out button; signed out already, the start page. */
    @GET
    @PermitAll
    public Response confirm() {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return ctx.page(200, Templates.confirm());
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut() {
        if (!identity.isAnonymous()) {
            keycloak.endSession(provider.getEndSessionUri(), refreshToken());
            session.logout().await().atMost(Duration.ofSeconds(10));
        }
        return Response.seeOther(URI.create("/")).build();
    }

    private String refreshToken() {
        RefreshToken refresh = identity.getCredential(RefreshToken.class);
        if (refresh == null) {
            AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
            refresh = access == null ? null : access.getRefreshToken();
        }
        return refresh == null ? null : refresh.getToken();
    }
}
