package org.parley.console.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.parley.access.api.ReleaseChange;
import org.parley.access.api.Tier;
import org.parley.access.api.TierChange;
import org.parley.console.clients.CaseAccessClient;
import org.parley.console.web.Paths;

/** A secrecy admin's change of a case's tier or results release: done at once, or a request for a second admin. */
@Path("/cases")
@RolesAllowed("secrecy-admin")
@Produces(MediaType.TEXT_HTML)
public class TierAndRelease {

    private final CaseActions actions;

    @Inject
    public TierAndRelease(CaseActions actions) {
        this.actions = actions;
    }

    @RestClient
    CaseAccessClient access;

    @POST
    @Path("/{id}/tier")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response tier(@RestPath String id, @RestForm String tier, @RestForm String reason) {
        return actions.run(
                id,
                "secrecy",
                () -> CaseActions.withChoice(
                        Tier.class,
                        "tier",
                        tier,
                        chosen -> CaseActions.doneOrRequested(
                                access.changeTier(id, new TierChange(chosen, Paths.blankToNull(reason))),
                                "done=changed",
                                "done=requested")));
    }

    @POST
    @Path("/{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@RestPath String id, @RestForm String released, @RestForm String reason) {
        return actions.run(
                id,
                "secrecy",
                () -> CaseActions.doneOrRequested(
                        access.changeRelease(id, new ReleaseChange("true".equals(released), Paths.blankToNull(reason))),
                        "done=changed",
                        "done=requested"));
    }
}
