package org.parley.console.clients;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.console.clients.Access.AccessView;
import org.parley.console.clients.Access.DryRun;
import org.parley.console.clients.Access.Grant;
import org.parley.console.clients.Access.NewGrant;
import org.parley.console.clients.Access.Organisation;
import org.parley.console.clients.Access.ReasonBody;
import org.parley.console.clients.Access.ReleaseChange;
import org.parley.console.clients.Access.SecrecyRequest;
import org.parley.console.clients.Access.Team;
import org.parley.console.clients.Access.TeamChange;
import org.parley.console.clients.Access.TierChange;

/** The access service, called with the user's token. Changes answer a Response: 200/201 done, 202 requested. */
@RegisterRestClient(configKey = "access")
@RegisterClientHeaders(UserToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AccessApi {

    @GET
    @Path("/cases/{id}/access")
    AccessView access(@RestPath String id);

    @POST
    @Path("/cases/{id}/tier")
    Response changeTier(@RestPath String id, TierChange change);

    @POST
    @Path("/cases/{id}/release")
    Response changeRelease(@RestPath String id, ReleaseChange change);

    @GET
    @Path("/cases/{id}/team")
    Team team(@RestPath String id);

    /** 200: on the team at once (the lead); 202: a request a second secrecy admin must approve. */
    @POST
    @Path("/cases/{id}/team")
    Response putOnTeam(@RestPath String id, TeamChange change);

    @DELETE
    @Path("/cases/{id}/team/{subject}")
    Team takeOffTeam(@RestPath String id, @RestPath String subject, @RestQuery String reason);

    @GET
    @Path("/cases/{id}/grants")
    List<Grant> grants(@RestPath String id);

    @POST
    @Path("/cases/{id}/grants")
    Response issueGrant(@RestPath String id, NewGrant grant);

    @DELETE
    @Path("/cases/{id}/grants/{grantId}")
    Grant revokeGrant(@RestPath String id, @RestPath String grantId, @RestQuery String reason);

    @GET
    @Path("/organisations")
    List<Organisation> organisations();

    @GET
    @Path("/secrecy-requests")
    List<SecrecyRequest> requests(@RestQuery String status);

    @GET
    @Path("/secrecy-requests/{id}")
    SecrecyRequest request(@RestPath String id);

    @GET
    @Path("/secrecy-requests/{id}/dry-run")
    DryRun dryRun(@RestPath String id);

    @POST
    @Path("/secrecy-requests/{id}/approval")
    SecrecyRequest approve(@RestPath String id, ReasonBody body);

    @POST
    @Path("/secrecy-requests/{id}/rejection")
    SecrecyRequest reject(@RestPath String id, ReasonBody body);
}
