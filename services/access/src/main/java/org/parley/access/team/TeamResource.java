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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.access.InputChecks;
import org.parley.access.api.TeamApi;
import org.parley.access.api.TeamView;
import org.parley.web.CallerIdentity;

@Path("/cases/{id}/team")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "teams", description = "Who works on a case")
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
    @Operation(
            summary = "A case's team",
            description = "Lead, members and the owner's secrecy admins; for the team and those admins.")
    @APIResponse(responseCode = "200", description = "The team")
    @APIResponse(
            responseCode = "403",
            description = "The caller knows the case but is neither on its team nor its admin")
    @APIResponse(responseCode = "404", description = "No such case, or one the caller may not know exists")
    public TeamView team(@PathParam("id") String caseId) {
        return teams.team(caseId, caller.viewer());
    }

    @Override
    @Operation(
            summary = "Put someone on the team",
            description = "The user (by username or subject) must be staff of the case's organisation. The lead"
                    + " adds at once (200). A secrecy admin who is not the lead, adding herself above all, files"
                    + " a request a different secrecy admin must approve, never the person who would join (202)."
                    + " Changing the role of someone already on the team is immediate by either. Naming a new"
                    + " LEAD makes the previous lead a member.")
    @APIResponse(responseCode = "200", description = "The team after the change")
    @APIResponse(responseCode = "202", description = "Requested; see the Location header")
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields, or no staff member of the organisation by that name or subject (one"
                    + " answer whether the name is unknown or belongs to someone else)")
    @APIResponse(responseCode = "403", description = "Neither the lead nor a secrecy admin")
    @APIResponse(responseCode = "404", description = "No such case, or one the caller may not know exists")
    public Response putOnTeam(@PathParam("id") String caseId, org.parley.access.api.TeamChange change) {
        TeamChange body = checks.required(TeamChange.of(change));
        return teams.put(caseId, caller.viewer(), body)
                .respond(team -> Response.ok(team).build());
    }

    @Override
    @Operation(
            summary = "Take someone off the team",
            description = "Tightening: immediate, by the lead or a secrecy admin, with a reason.")
    @APIResponse(responseCode = "200", description = "The team after the change")
    @APIResponse(responseCode = "400", description = "Missing reason")
    @APIResponse(responseCode = "403", description = "Neither the lead nor a secrecy admin")
    @APIResponse(
            responseCode = "404",
            description = "No such case (or one the caller may not know), or not on the team")
    public TeamView takeOffTeam(
            @PathParam("id") String caseId, @PathParam("subject") String subject, @QueryParam("reason") String reason) {
        return teams.remove(caseId, caller.viewer(), subject, checks.reason(reason));
    }
}
