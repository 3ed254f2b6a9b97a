package org.parley.console.interviews;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.console.clients.Interviews.Excerpts;
import org.parley.console.clients.InterviewsApi;
import org.parley.console.web.Ctx;
import org.parley.console.web.Paths;
import org.parley.console.web.ServiceErrors;

/**
 * Approved excerpts of an interview, for partners whose grant covers them: the interview's reference is
 * given by the case team. What the interviews service does not show is the one "not found" page.
 */
@Path("/excerpts")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ExcerptsResource {

    @Inject
    Ctx ctx;

    @Inject
    ServiceErrors errors;

    @RestClient
    InterviewsApi interviews;

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance excerpts(String interview, Excerpts excerpts);
    }

    @GET
    public Object excerpts(@RestQuery String interview) {
        String id = Paths.blankToNull(interview);
        if (id == null) {
            return ctx.render(Templates.excerpts("", null));
        }
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        return ctx.render(Templates.excerpts(id, interviews.excerpts(id)));
    }
}
