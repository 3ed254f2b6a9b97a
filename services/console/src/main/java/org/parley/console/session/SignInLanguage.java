package org.parley.console.session;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import org.parley.console.web.Ctx;

/**
 * Keycloak's sign-in page speaks the console's language: the redirect to its authorization endpoint carries
 * {@code ui_locales} (OpenID Connect Core, 3.1.2.1), which Keycloak honours among the realm's supported locales
 * (en, es). The language is the switch's cookie, else the browser's Accept-Language, as on every page.
 */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class SignInLanguage implements OidcRedirectFilter {

    @Override
    public void filter(OidcRedirectContext context) {
        HttpServerRequest request = context.routingContext().request();
        Cookie cookie = request.getCookie(Ctx.LANGUAGE_COOKIE);
        String lang = Ctx.language(cookie == null ? null : cookie.getValue(), request.getHeader("Accept-Language"));
        context.additionalQueryParams().add("ui_locales", lang);
    }
}
