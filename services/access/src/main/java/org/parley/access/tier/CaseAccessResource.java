package org.parley.access.tier;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.access.InputChecks;
import org.parley.access.api.AccessView;
import org.parley.access.api.CaseAccessApi;
import org.parley.access.request.ChangeOutcome;
import org.parley.web.CallerIdentity;

@Path("/cases/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "tier and release", description = "Each case's tier and whether its results are released")
public class CaseAccessResource implements CaseAccessApi {

    private final CallerIdentity caller;
    private final TierAndRelease tierAndRelease;
    private final InputChecks checks;

    @Inject
    public CaseAccessResource(CallerIdentity caller, TierAndRelease tierAndRelease, InputChecks checks) {
        this.caller = caller;
        this.tierAndRelease = tierAndRelease;
        this.checks = checks;
    }

    // The parameters repeat the interface's names: the parameter converters (parley-web) read the name from the
    // implementing method's own annotations, so a malformed value stays a 400 naming it.
    @Override
    @Operation(summary = "A case's tier, release and policy version", description = "For its team and secrecy admins.")
    @APIResponse(responseCode = "200", description = "The case's access settings")
    @APIResponse(
            responseCode = "403",
            description = "The caller knows the case but is neither on its team nor its admin")
    @APIResponse(responseCode = "404", description = "No such case, or one the caller may not know exists")
    public AccessView access(@PathParam("id") String caseId) {
        return tierAndRelease.access(caseId, caller.viewer());
    }

    @Override
    @Operation(
            summary = "Change a case's tier",
            description = "A stricter tier takes effect at once (200); a less strict one files a request that a"
                    + " different secrecy admin must approve (202).")
    @APIResponse(responseCode = "200", description = "Changed (or already at this tier)")
    @APIResponse(responseCode = "202", description = "Requested; see the Location header")
    @APIResponse(responseCode = "400", description = "Unknown tier or missing reason")
    @APIResponse(responseCode = "403", description = "Not a secrecy admin of the case's organisation")
    @APIResponse(responseCode = "404", description = "No such case, or one the caller may not know exists")
    public Response changeTier(@PathParam("id") String caseId, org.parley.access.api.TierChange change) {
        TierChange body = checks.required(TierChange.of(change));
        return respond(tierAndRelease.changeTier(caseId, caller.viewer(), body.tier(), body.reason()));
    }

    @Override
    @Operation(
            summary = "Release or un-release a case's results",
            description = "Un-releasing takes effect at once (200); releasing files a request that a different"
                    + " secrecy admin must approve (202).")
    @APIResponse(responseCode = "200", description = "Changed (or already so)")
    @APIResponse(responseCode = "202", description = "Requested; see the Location header")
    @APIResponse(responseCode = "400", description = "Missing field or reason")
    @APIResponse(responseCode = "403", description = "Not a secrecy admin of the case's organisation")
    @APIResponse(responseCode = "404", description = "No such case, or one the caller may not know exists")
    public Response changeRelease(@PathParam("id") String caseId, org.parley.access.api.ReleaseChange change) {
        ReleaseChange body = checks.required(ReleaseChange.of(change));
        return respond(tierAndRelease.changeRelease(caseId, caller.viewer(), body.released(), body.reason()));
    }

    private static Response respond(ChangeOutcome<AccessView> outcome) {
        return outcome.respond(access -> Response.ok(access).build());
    }
}
