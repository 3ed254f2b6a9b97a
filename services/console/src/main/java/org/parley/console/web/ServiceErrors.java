package org.parley.console.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.parley.console.clients.Problem;

/**
 * Turns what a service answered into a friendly page that also says what the service answered: its status
 * and its problem's title and detail, which services write for the caller (never with stored content). A
 * 404 is always the same "not found" page, byte for byte, whatever the reason: an id that never existed and
 * one the viewer may not know look alike, so nothing of that answer is shown.
 */
public class ServiceErrors {

    private static final Logger LOG = Logger.getLogger(ServiceErrors.class);

    private final Ctx ctx;

    @Inject
    public ServiceErrors(Ctx ctx) {
        this.ctx = ctx;
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance notFound();

        public static native TemplateInstance forbidden(Problem problem);

        public static native TemplateInstance unavailable(Problem problem);

        public static native TemplateInstance tooMany(Problem problem);

        public static native TemplateInstance signInAgain();

        public static native TemplateInstance failed(Problem problem);

        public static native TemplateInstance refused(Problem problem);
    }

    @ServerExceptionMapper
    public Response fromService(ClientWebApplicationException e) {
        int status = e.getResponse() == null ? 502 : e.getResponse().getStatus();
        return switch (status) {
            case 404, 410 -> notFound();
            case 401 -> page(401, Templates.signInAgain());
            case 403 -> page(403, Templates.forbidden(Problem.of(e)));
            case 429 -> tooMany(e);
            case 502, 503, 504 -> page(503, Templates.unavailable(Problem.of(e)));
            // A refusal of what was asked (a filter written into the address by hand, say): no retry helps, so
            // the page says so and names the values the service refused.
            case 400 -> page(400, Templates.refused(Problem.of(e)));
            default -> {
                // status only: the answer may describe something the log reader should not see
                LOG.warnf("a service answered %d", status);
                yield page(status >= 500 ? 502 : 400, Templates.failed(Problem.of(e)));
            }
        };
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("a service could not be reached: %s", e.getClass().getSimpleName());
        return page(503, Templates.unavailable(null));
    }

    @ServerExceptionMapper
    public Response noSuchPage(NotFoundException e) {
        return notFound();
    }

    @ServerExceptionMapper
    public Response notForThisUser(ForbiddenException e) {
        return page(403, Templates.forbidden(null));
    }

    /** The one "not found" answer. */
    public Response notFound() {
        return page(404, Templates.notFound());
    }

    /** The console's own refusal: the "not allowed" page, with no service's answer to quote. */
    public Response forbiddenPage() {
        return page(403, Templates.forbidden(null));
    }

    /**
     * A service's 429 (its "not found" budget for this caller is spent) passed on as one, with the service's
     * Retry-After when it is a number of seconds: the browser, or a script, learns when to ask again.
     */
    private Response tooMany(ClientWebApplicationException e) {
        Response page = page(429, Templates.tooMany(Problem.of(e)));
        String retryAfter = e.getResponse().getHeaderString("Retry-After");
        return retryAfter != null && retryAfter.matches("\\d{1,5}")
                ? Response.fromResponse(page).header("Retry-After", retryAfter).build()
                : page;
    }

    private Response page(int status, TemplateInstance template) {
        return ctx.page(status, template);
    }
}
