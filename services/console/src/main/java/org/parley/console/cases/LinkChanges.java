package org.parley.console.cases;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.parley.cases.api.CaseLinkKind;
import org.parley.cases.api.NewCaseLink;
import org.parley.console.clients.CaseLinksClient;
import org.parley.console.web.Paths;

/** Linking a case to another and removing a link; the cases service decides who may and which cases. */
@Path("/cases")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class LinkChanges {

    private final CaseActions actions;
    private final CaseLinksClient links;

    @Inject
    public LinkChanges(CaseActions actions, @RestClient CaseLinksClient links) {
        this.actions = actions;
        this.links = links;
    }

    @POST
    @Path("/{id}/links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(@RestPath String id, @RestForm String target, @RestForm String kind, @RestForm String note) {
        return actions.run(
                id,
                "links",
                () -> CaseActions.withChoice(CaseLinkKind.class, "kind", kind, chosen -> {
                    links.link(id, new NewCaseLink(Paths.blankToNull(target), chosen, Paths.blankToNull(note)))
                            .close();
                    return "done=linked";
                }));
    }

    @POST
    @Path("/{id}/links/{linkId}/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlink(@RestPath String id, @RestPath String linkId) {
        return actions.run(id, "links", () -> {
            if (!Paths.isId(linkId)) {
                return "err=invalid";
            }
            links.unlink(id, linkId).close();
            return "done=unlinked";
        });
    }
}
