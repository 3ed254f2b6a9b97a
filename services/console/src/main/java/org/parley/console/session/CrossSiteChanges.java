package org.parley.console.session;

import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.parley.console.web.ServiceErrors;

/**
 * Refuses a change (any method but GET, HEAD and OPTIONS) that the browser says was sent from another origin
 * ({@code Sec-Fetch-Site} other than {@code same-origin} or {@code none}). The CSRF token is signed but not
 * bound to the session, so someone able to plant the console's CSRF cookie in a browser (from a sibling host of
 * the same site, where the SameSite=Lax session cookie is still sent) could post a form with a pair they fetched
 * themselves; such a post comes from their page, and the browser says so in a header no page can set. Browsers
 * too old to send the header, and scripts, are still held to the CSRF token alone.
 */
public class CrossSiteChanges {

    private static final Logger LOG = Logger.getLogger(CrossSiteChanges.class);

    /** What a browser says of a request the console's own pages (or the user, typing) made. */
    private static final Set<String> OWN = Set.of("same-origin", "none");

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final ServiceErrors errors;

    @Inject
    public CrossSiteChanges(ServiceErrors errors) {
        this.errors = errors;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuse(ContainerRequestContext request) {
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (!sentFromElsewhere(request.getMethod(), site)) {
            return null;
        }
        // nothing of the request is logged: the method, and whether the browser called it same-site
        LOG.warnf(
                "refused a %s sent from another %s", request.getMethod(), "same-site".equals(site) ? "origin" : "site");
        return errors.forbiddenPage();
    }

    /** Whether the browser says this change came from a page that is not the console's. */
    static boolean sentFromElsewhere(String method, String secFetchSite) {
        return secFetchSite != null
                && !SAFE.contains(method)
                && !OWN.contains(secFetchSite.strip().toLowerCase(Locale.ROOT));
    }
}
