package org.parley.cases.links;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.parley.cases.api.CaseLink;
import org.parley.cases.api.CaseLinkPage;
import org.parley.cases.api.CaseLinksApi;
import org.parley.cases.api.NewCaseLink;
import org.parley.web.CallerIdentity;

/** {@code /cases/{id}/links}; the descriptions are {@link CaseLinksApi}'s. */
@Authenticated
// The interface's path again, as on CaseResource: RESTEasy Reactive merges the classes of one path, and SmallRye
// OpenAPI documents a resource's methods only under a @Path of its own.
@Path("/cases")
public class CaseLinksResource implements CaseLinksApi {

    private final CallerIdentity caller;
    private final CaseLinks links;

    @Inject
    public CaseLinksResource(CallerIdentity caller, CaseLinks links) {
        this.caller = caller;
        this.links = links;
    }

    @Override
    // The parameters repeat the interface's names: parley-web's converters read them from the implementation.
    public Response link(@PathParam("id") String id, NewCaseLink link) {
        CaseLink made = links.link(caller.viewer(), id, link);
        return Response.created(URI.create("/cases/" + made.source() + "/links/" + made.id()))
                .entity(made)
                .build();
    }

    @Override
    public CaseLinkPage links(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return links.links(caller.viewer(), id, limit, cursor);
    }

    @Override
    public Response unlink(@PathParam("id") String id, @PathParam("linkId") String linkId) {
        links.unlink(caller.viewer(), id, linkId);
        return Response.noContent().build();
    }
}
