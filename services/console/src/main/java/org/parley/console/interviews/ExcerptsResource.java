package org.parley.console.interviews;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseView;
import org.parley.console.clients.CaseExcerptsClient;
import org.parley.console.clients.CasesClient;
import org.parley.console.clients.ExcerptsClient;
import org.parley.console.web.Ctx;
import org.parley.console.web.Paths;
import org.parley.console.web.ServiceErrors;
import org.parley.interviews.api.Excerpts;

/**
 * Approved excerpts for partners whose grant covers them: all of them, case by case, for the cases the
 * partner's listing shows (the interviews service decides, case by case, what may be read); or one
 * interview's, by the reference the case team gave. What the interviews service does not show is the one
 * "not found" page.
 */
@Path("/excerpts")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ExcerptsResource {

    private final Ctx ctx;
    private final ServiceErrors errors;

    @Inject
    public ExcerptsResource(Ctx ctx, ServiceErrors errors) {
        this.ctx = ctx;
        this.errors = errors;
    }

    @RestClient
    ExcerptsClient interviews;

    @RestClient
    CasesClient cases;

    @RestClient
    CaseExcerptsClient caseExcerpts;

    /** One shared case and the approved excerpts of its interviews. */
    public record SharedCase(String id, String title, List<Excerpts> interviews) {}

    /** At most this many cases are looked at (the partner's listing, newest first). */
    static final int CASES_LOOKED_AT = 50;

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance excerpts(String interview, Excerpts excerpts, List<SharedCase> shared);
    }

    @GET
    public Object excerpts(@RestQuery String interview) {
        String id = Paths.blankToNull(interview);
        if (id == null) {
            return ctx.render(Templates.excerpts("", null, shared()));
        }
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        return ctx.render(Templates.excerpts(id, interviews.list(id), List.of()));
    }

    /** Every case in the listing whose interviews have excerpts the caller may read; a 404 just means none. */
    private List<SharedCase> shared() {
        CaseList listed = cases.list(CaseListFilters.firstPage(CASES_LOOKED_AT), null);
        List<SharedCase> shared = new ArrayList<>();
        for (CaseView c : listed.items()) {
            if (c.header() == null) {
                continue;
            }
            try {
                List<Excerpts> found = caseExcerpts.list(c.id()).interviews();
                if (found != null && !found.isEmpty()) {
                    shared.add(new SharedCase(c.id(), c.header().title(), found));
                }
            } catch (ClientWebApplicationException notShared) {
                // no grant covering excerpts on this case
            }
        }
        return shared;
    }
}
