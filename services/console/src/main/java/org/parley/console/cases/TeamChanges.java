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
import org.parley.access.api.TeamChange;
import org.parley.access.api.TeamRole;
import org.parley.console.clients.TeamClient;
import org.parley.console.web.Paths;

/** Putting someone on a case's team and taking them off; the access service decides who may. */
@Path("/cases")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class TeamChanges {

    private final CaseActions actions;

    @Inject
    public TeamChanges(CaseActions actions) {
        this.actions = actions;
    }

    @RestClient
    TeamClient teams;

    @POST
    @Path("/{id}/team")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response putOnTeam(
            @RestPath String id, @RestForm String username, @RestForm String role, @RestForm String reason) {
        // 202: a secrecy admin who is not the lead asked; another admin must approve (docs/secrecy-model.md §5).
        return actions.run(
                id,
                "team",
                () -> CaseActions.withChoice(
                        TeamRole.class,
                        "role",
                        role,
                        chosen -> CaseActions.doneOrRequested(
                                teams.putOnTeam(
                                        id,
                                        new TeamChange(
                                                Paths.blankToNull(username), null, chosen, Paths.blankToNull(reason))),
                                "done=team-changed",
                                "done=team-requested")));
    }

    @POST
    @Path("/{id}/team/{subject}/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response takeOffTeam(@RestPath String id, @RestPath String subject, @RestForm String reason) {
        return actions.run(id, "team", () -> {
            teams.takeOffTeam(id, subject, Paths.blankToNull(reason));
            return "done=team-changed";
        });
    }
}
