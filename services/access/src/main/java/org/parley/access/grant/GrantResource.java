package org.parley.access.grant;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.parley.access.InputChecks;
import org.parley.access.api.GrantView;
import org.parley.access.api.GrantsApi;
import org.parley.web.CallerIdentity;

@Path("/cases/{id}/grants")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GrantResource implements GrantsApi {

    private final CallerIdentity caller;
    private final Grants grants;
    private final InputChecks checks;

    @Inject
    public GrantResource(CallerIdentity caller, Grants grants, InputChecks checks) {
        this.caller = caller;
        this.grants = grants;
        this.checks = checks;
    }

    // The parameters repeat the interface's names: the parameter converters (parley-web) read the name from the
    // implementing method's own annotations, so a malformed value stays a 400 naming it.
    @Override
    public List<GrantView> grants(@PathParam("id") String caseId) {
        return grants.list(caseId, caller.viewer());
    }

    @Override
    public Response issueGrant(@PathParam("id") String caseId, org.parley.access.api.NewGrant request) {
        NewGrant body = checks.required(NewGrant.of(request));
        return grants.issue(caseId, caller.viewer(), body)
                .respond(grant -> Response.created(URI.create("/cases/" + grant.caseId() + "/grants/" + grant.id()))
                        .entity(grant)
                        .build());
    }

    @Override
    public GrantView revokeGrant(
            @PathParam("id") String caseId, @PathParam("grantId") String grantId, @QueryParam("reason") String reason) {
        return grants.revoke(caseId, caller.viewer(), grantId, checks.reason(reason));
    }
}
