package org.parley.console.cases;

import java.time.Instant;
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
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.parley.access.api.GrantScope;
import org.parley.access.api.NewGrant;
import org.parley.console.clients.GrantsClient;
import org.parley.console.web.Paths;
import org.parley.console.web.ServiceErrors;

/** A secrecy admin's grants of a case to another organisation, and their revocation. */
@Path("/cases")
@RolesAllowed("secrecy-admin")
@Produces(MediaType.TEXT_HTML)
public class GrantChanges {

    private final CaseActions actions;
    private final ServiceErrors errors;

    @Inject
    public GrantChanges(CaseActions actions, ServiceErrors errors) {
        this.actions = actions;
        this.errors = errors;
    }

    @RestClient
    GrantsClient grants;

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
        Instant expiresAt = null;
        if (expires != null && !expires.isBlank()) {
            try {
                // the grant lasts through the day chosen
                expiresAt = LocalDate.parse(expires.strip())
                        .plusDays(1)
                        .atStartOfDay()
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return CaseActions.back(id, "err=invalid&fields=expiresAt", "secrecy");
            }
        }
        Instant until = expiresAt;
        return actions.run(
                id,
                "secrecy",
                () -> CaseActions.withChoice(
                        GrantScope.class,
                        "scope",
                        scope,
                        granted -> issue(
                                id,
                                new NewGrant(
                                        Paths.blankToNull(organisation), granted, Paths.blankToNull(reason), until))));
    }

    /** A 409 here means the organisation already holds a grant at least as wide: said so, not "already decided". */
    private String issue(String id, NewGrant grant) {
        try {
            return CaseActions.doneOrRequested(grants.issueGrant(id, grant), "done=changed", "done=requested");
        } catch (ClientWebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 409) {
                return "err=grant-held";
            }
            throw e;
        }
    }

    @POST
    @Path("/{id}/grants/{grantId}/revocation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@RestPath String id, @RestPath String grantId, @RestForm String reason) {
        if (!Paths.isId(id) || !Paths.isId(grantId)) {
            return errors.notFound();
        }
        return actions.run(id, "secrecy", () -> {
            grants.revokeGrant(id, grantId, Paths.blankToNull(reason));
            return "done=revoked";
        });
    }
}
