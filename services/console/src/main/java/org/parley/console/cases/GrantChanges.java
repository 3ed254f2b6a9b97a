package org.parley.console.cases;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

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
import org.parley.console.clients.Access.NewGrant;
import org.parley.console.clients.AccessApi;
import org.parley.console.web.Paths;
import org.parley.console.web.ServiceErrors;

/** A secrecy admin's grants of a case to another organisation, and their revocation. */
@Path("/cases")
@RolesAllowed("secrecy-admin")
@Produces(MediaType.TEXT_HTML)
public class GrantChanges {

    @Inject
    CaseActions actions;

    @Inject
    ServiceErrors errors;

    @RestClient
    AccessApi access;

    @POST
    @Path("/{id}/grants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(
            @RestPath String id,
            @RestForm String organisation,
            @RestForm String scope,
            @RestForm String reason,
            @RestForm String expires) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        String expiresAt = null;
        if (expires != null && !expires.isBlank()) {
            try {
                // the grant lasts through the day chosen
                expiresAt = LocalDate.parse(expires.strip())
                        .plusDays(1)
                        .atStartOfDay()
                        .toInstant(ZoneOffset.UTC)
                        .toString();
            } catch (DateTimeParseException e) {
                return CaseActions.back(id, "err=invalid&fields=expiresAt", "secrecy");
            }
        }
        NewGrant grant = new NewGrant(
                Paths.blankToNull(organisation), Paths.blankToNull(scope), Paths.blankToNull(reason), expiresAt);
        return actions.run(
                id,
                "secrecy",
                () -> CaseActions.doneOrRequested(access.issueGrant(id, grant), "done=changed", "done=requested"));
    }

    @POST
    @Path("/{id}/grants/{grantId}/revocation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@RestPath String id, @RestPath String grantId, @RestForm String reason) {
        if (!Paths.isId(id) || !Paths.isId(grantId)) {
            return errors.notFound();
        }
        return actions.run(id, "secrecy", () -> {
            access.revokeGrant(id, grantId, Paths.blankToNull(reason));
            return "done=revoked";
        });
    }
}
