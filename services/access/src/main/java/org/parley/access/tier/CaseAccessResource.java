package org.parley.access.tier;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.parley.access.InputChecks;
import org.parley.access.api.AccessView;
import org.parley.access.api.CaseAccessApi;
import org.parley.access.request.ChangeOutcome;
import org.parley.web.CallerIdentity;

@Path("/cases/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
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
    public AccessView access(@PathParam("id") String caseId) {
        return tierAndRelease.access(caseId, caller.viewer());
    }

    @Override
    public Response changeTier(@PathParam("id") String caseId, org.parley.access.api.TierChange change) {
        TierChange body = checks.required(TierChange.of(change));
        return respond(tierAndRelease.changeTier(caseId, caller.viewer(), body.tier(), body.reason()));
    }

    @Override
    public Response changeRelease(@PathParam("id") String caseId, org.parley.access.api.ReleaseChange change) {
        ReleaseChange body = checks.required(ReleaseChange.of(change));
        return respond(tierAndRelease.changeRelease(caseId, caller.viewer(), body.released(), body.reason()));
    }

    private static Response respond(ChangeOutcome<AccessView> outcome) {
        return outcome.respond(access -> Response.ok(access).build());
    }
}
