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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.access.InputChecks;
import org.parley.access.api.GrantView;
import org.parley.access.api.GrantsApi;
import org.parley.web.CallerIdentity;

@Path("/cases/{id}/grants")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "grants", description = "Partner organisations' access to a case")
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
    @Operation(
            summary = "A case's grants",
            description = "Secrecy admins of the owner see all, with reasons; the team sees all active grants;"
                    + " a grantee sees only its own organisation's.")
    @APIResponse(responseCode = "200", description = "The grants the caller may know of")
    @APIResponse(responseCode = "404", description = "No such case, or one the caller may not know exists")
    public List<GrantView> grants(@PathParam("id") String caseId) {
        return grants.list(caseId, caller.viewer());
    }

    @Override
    @Operation(
            summary = "Grant a partner organisation access",
            description = "SUMMARY and RESULTS: issued at once by one secrecy admin (201). PROCESS and EXCERPTS:"
                    + " a request a different secrecy admin must approve (202).")
    @APIResponse(responseCode = "201", description = "Issued")
    @APIResponse(responseCode = "202", description = "Requested; see the Location header")
    @APIResponse(
            responseCode = "400",
            description = "Unknown organisation or scope, the owning organisation, an expiry in the past, no reason")
    @APIResponse(responseCode = "403", description = "Not a secrecy admin of the case's organisation")
    @APIResponse(responseCode = "404", description = "No such case, or one the caller may not know exists")
    public Response issueGrant(@PathParam("id") String caseId, org.parley.access.api.NewGrant request) {
        NewGrant body = checks.required(NewGrant.of(request));
        return grants.issue(caseId, caller.viewer(), body)
                .respond(grant -> Response.created(URI.create("/cases/" + grant.caseId() + "/grants/" + grant.id()))
                        .entity(grant)
                        .build());
    }

    @Override
    @Operation(summary = "Revoke a grant", description = "Tightening: immediate, by one secrecy admin, with a reason.")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(responseCode = "400", description = "Missing reason")
    @APIResponse(responseCode = "403", description = "Not a secrecy admin of the case's organisation")
    @APIResponse(responseCode = "404", description = "No such case (or one the caller may not know), or no such grant")
    @APIResponse(responseCode = "409", description = "The grant has already ended")
    public GrantView revokeGrant(
            @PathParam("id") String caseId, @PathParam("grantId") String grantId, @QueryParam("reason") String reason) {
        return grants.revoke(caseId, caller.viewer(), grantId, checks.reason(reason));
    }
}
