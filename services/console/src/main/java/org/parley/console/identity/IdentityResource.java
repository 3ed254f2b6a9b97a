package org.parley.console.identity;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;
import org.parley.console.clients.IdentityClient;
import org.parley.console.web.ActionFailed;
import org.parley.console.web.Ctx;
import org.parley.console.web.Paths;
import org.parley.console.web.ServiceErrors;
import org.parley.interviews.api.Reveal;
import org.parley.interviews.api.Revealed;

/**
 * For the identity custodian: reveal an interviewee's identity, with a reason that the interviews
 * service records. The answer is shown once, never cached, never put in a URL.
 */
@Path("/identity")
@RolesAllowed("identity-custodian")
@Produces(MediaType.TEXT_HTML)
public class IdentityResource {

    private final Ctx ctx;
    private final ServiceErrors errors;

    @Inject
    public IdentityResource(Ctx ctx, ServiceErrors errors) {
        this.ctx = ctx;
        this.errors = errors;
    }

    @RestClient
    IdentityClient interviews;

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance identity(
                String interview, Revealed revealed, List<Reveal> log, String err);
    }

    @GET
    public TemplateInstance form() {
        return ctx.render(Templates.identity("", null, List.of(), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reveal(@RestForm String interview, @RestForm String reason) {
        String id = Paths.blankToNull(interview);
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        try {
            Revealed revealed = interviews.reveal(id, java.util.Map.of("reason", reason == null ? "" : reason));
            // the log this reveal just joined: who read this identity before, and why
            List<Reveal> log = interviews.reveals(id);
            return ctx.page(200, Templates.identity(id, revealed, log, null));
        } catch (ClientWebApplicationException e) {
            if (ActionFailed.isNotFound(e)) {
                return errors.notFound();
            }
            return ctx.page(
                    e.getResponse().getStatus() == 403 ? 403 : 400,
                    Templates.identity(id, null, List.of(), ActionFailed.key(e)));
        }
    }
}
