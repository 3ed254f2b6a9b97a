package org.parley.access.team;

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
import org.parley.access.api.TeamApi;
import org.parley.access.api.TeamView;
import org.parley.web.CallerIdentity;

@Path("/cases/{id}/team")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource implements TeamApi {

    private final CallerIdentity caller;
    private final Teams teams;
    private final InputChecks checks;

    @Inject
    public TeamResource(CallerIdentity caller, Teams teams, InputChecks checks) {
        this.caller = caller;
        this.teams = teams;
        this.checks = checks;
    }

    // The parameters repeat the interface's names: the parameter converters (parley-web) read the name from the
    // implementing method's own annotations, so a malformed value stays a 400 naming it.
    @Override
    public TeamView team(@PathParam("id") String caseId) {
        return teams.team(caseId, caller.viewer());
    }

    @Override
    public Response putOnTeam(@PathParam("id") String caseId, org.parley.access.api.TeamChange change) {
        TeamChange body = checks.required(TeamChange.of(change));
        return teams.put(caseId, caller.viewer(), body)
                .respond(team -> Response.ok(team).build());
    }

    @Override
    public TeamView takeOffTeam(
            @PathParam("id") String caseId, @PathParam("subject") String subject, @QueryParam("reason") String reason) {
        return teams.remove(caseId, caller.viewer(), subject, checks.reason(reason));
    }
}
