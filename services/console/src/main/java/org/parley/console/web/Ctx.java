package org.parley.console.web;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The current request as the pages see it ({@code {inject:ctx...}} in templates): who is signed in, with
 * which roles, and in which language. Roles only choose what the navigation offers; every rule is
 * applied by the service that owns the data.
 */
@RequestScoped
@Named("ctx")
public class Ctx {

    /** The cookie that remembers the language switch. */
    public static final String LANGUAGE_COOKIE = "parley-lang";

    public static final List<String> LANGUAGES = List.of("en", "es");

    private final CurrentIdentityAssociation identities;
    private final RoutingContext routing;
    private final HttpServerRequest request;

    @Inject
    public Ctx(CurrentIdentityAssociation identities, RoutingContext routing, HttpServerRequest request) {
        this.identities = identities;
        this.routing = routing;
        this.request = request;
    }

    private String lang;
    private SecurityIdentity identity;
    private boolean identityKnown;

    /**
     * The signed-in identity, or null. An error page rendered on an I/O thread (a path no page serves)
     * uses the identity only if it was already established: resolving it there could block.
     */
    private SecurityIdentity identity() {
        if (!identityKnown) {
            if (routing.user() instanceof QuarkusHttpUser user && user.getSecurityIdentity() != null) {
                identity = user.getSecurityIdentity();
            } else if (!Context.isOnEventLoopThread()) {
                identity = identities.getIdentity();
            }
            if (identity != null && identity.isAnonymous()) {
                identity = null;
            }
            identityKnown = true;
        }
        return identity;
    }

    /** The ID token's claims (the code flow's principal). */
    private Object claim(String name) {
        SecurityIdentity id = identity();
        if (id != null && id.getPrincipal() instanceof JsonWebToken token) {
            return token.getClaim(name);
        }
        return null;
    }

    public boolean signedIn() {
        return identity() != null;
    }

    public String username() {
        if (!signedIn()) {
            return "";
        }
        Object name = claim("preferred_username");
        return name != null ? name.toString() : identity().getPrincipal().getName();
    }

    /** The token subject: how the services name this user. */
    public String subject() {
        Object subject = claim("sub");
        return subject == null ? null : subject.toString();
    }

    public String organisation() {
        Object org = claim("org");
        return org == null ? "" : org.toString();
    }

    private boolean has(String role) {
        return signedIn() && identity().hasRole(role);
    }

    public boolean staff() {
        return has("staff");
    }

    public boolean partner() {
        return has("partner");
    }

    public boolean secrecyAdmin() {
        return has("secrecy-admin");
    }

    public boolean auditor() {
        return has("auditor");
    }

    public boolean custodian() {
        return has("identity-custodian");
    }

    /** Whether the user reads cases at all (staff, admins and partners; not the auditor or custodian alone). */
    public boolean readsCases() {
        return staff() || partner() || secrecyAdmin();
    }

    /**
     * Whether this request's CSRF token is ready for a form. It is not on an error page answered before the
     * request reached a page (a refused role), which then shows no form.
     */
    public boolean csrfReady() {
        return routing.get("csrf_token") != null;
    }

    /** "en" or "es": the language cookie, else the browser's Accept-Language, else English. */
    public String lang() {
        if (lang == null) {
            lang = resolveLanguage();
        }
        return lang;
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang());
    }

    /** The other language, offered by the switch. */
    public String otherLang() {
        return "en".equals(lang()) ? "es" : "en";
    }

    /** Sets the template's locale, so {@code {msg:...}} speaks the user's language. */
    public TemplateInstance render(TemplateInstance template) {
        return template.setLocale(locale());
    }

    /** A page with a status of its own (a refused form, a report), rendered now, never cached. */
    public Response page(int status, TemplateInstance template) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(render(template).render())
                .build();
    }

    private String resolveLanguage() {
        Cookie cookie = request.getCookie(LANGUAGE_COOKIE);
        return language(cookie == null ? null : cookie.getValue(), request.getHeader("Accept-Language"));
    }

    /**
     * "en" or "es" from the language cookie's value, else the Accept-Language header, else English; also used
     * where no page is rendered (the sign-in redirect to Keycloak).
     */
    public static String language(String cookieValue, String acceptLanguage) {
        if (cookieValue != null && LANGUAGES.contains(cookieValue)) {
            return cookieValue;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                String best = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header falls back to English
            }
        }
        return "en";
    }
}
