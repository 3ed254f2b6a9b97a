package org.parley.console.session;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.parley.console.web.Ctx;
import org.parley.console.web.Paths;

/**
 * What the browser gets when the CSRF check refuses a request (quarkus-rest-csrf answers an empty 400).
 *
 * <ul>
 *   <li>A form: with signed tokens every page hands out a fresh one, so a form left open in another tab is
 *       refused once; a page says to reload it and try again. The status stays 400; nothing is echoed.
 *   <li>A page (GET): the check refuses a CSRF cookie that is not of the signed shape (one from before tokens
 *       were signed, or planted), which would otherwise break every page until it expires. That cookie is
 *       dropped and the same page asked for again, which hands out a fresh token.
 * </ul>
 */
public class FormRefused {

    /** Set by quarkus-rest-csrf once a request's token matched. */
    private static final String CSRF_TOKEN_VERIFIED = "csrf_token_verified";
    /** Set by quarkus-rest-csrf when it accepted the request's cookie and made the page's token. */
    private static final String CSRF_TOKEN = "csrf_token";

    private final Ctx ctx;
    private final String cookieName;

    @Inject
    public FormRefused(Ctx ctx, @ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String cookieName) {
        this.ctx = ctx;
        this.cookieName = cookieName;
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance expired();
    }

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        if (response.getStatus() != 400 || response.hasEntity() || routing.get(CSRF_TOKEN_VERIFIED) != null) {
            return;
        }
        if (!safe(request.getMethod())) {
            response.setEntity(
                    ctx.render(Templates.expired()).render(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        } else if (routing.get(CSRF_TOKEN) == null) {
            response.setStatus(303);
            response.getHeaders()
                    .putSingle(HttpHeaders.LOCATION, samePage(routing.request().uri()));
            response.getHeaders()
                    .add(HttpHeaders.SET_COOKIE, cookieName + "=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
        }
    }

    private static URI samePage(String requested) {
        try {
            return URI.create(Paths.local(requested));
        } catch (IllegalArgumentException e) {
            return URI.create("/");
        }
    }

    private static boolean safe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
