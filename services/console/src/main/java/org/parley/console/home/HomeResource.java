package org.parley.console.home;

import java.net.URI;
import java.time.Duration;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.console.web.Ctx;
import org.parley.console.web.Paths;

/** The start page, signing in, and the language switch. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    private final Ctx ctx;

    @Inject
    public HomeResource(Ctx ctx) {
        this.ctx = ctx;
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance home();
    }

    @GET
    @PermitAll
    public TemplateInstance home() {
        return ctx.render(Templates.home());
    }

    /** Reached only once signed in (the OIDC flow runs first); then back to the start page. */
    @GET
    @Path("login")
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create("/")).build();
    }

    /** Remembers the chosen language for a year and returns to the page it was chosen on (same-origin referrer). */
    @POST
    @Path("language")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(@RestForm String lang, @HeaderParam("Referer") String referer) {
        String chosen = Ctx.LANGUAGES.contains(lang) ? lang : "en";
        NewCookie cookie = new NewCookie.Builder(Ctx.LANGUAGE_COOKIE)
                .value(chosen)
                .path("/")
                .maxAge((int) Duration.ofDays(365).toSeconds())
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        return Response.seeOther(URI.create(back(referer))).cookie(cookie).build();
    }

    /**
     * The switch on a page that has no form token (an error answered before any page, e.g. a path no page serves):
     * a link. It changes nothing but the reader's own language cookie, so a forged link can do no more than that.
     */
    @GET
    @Path("language")
    @PermitAll
    public Response languageLink(@RestQuery String lang, @HeaderParam("Referer") String referer) {
        return language(lang, referer);
    }

    /** The page the switch was used on: the path and query of the referrer, on this site only. */
    static String back(String referer) {
        if (referer == null || referer.isBlank()) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return Paths.local(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
