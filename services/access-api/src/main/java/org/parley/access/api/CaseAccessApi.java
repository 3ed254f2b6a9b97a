package org.parley.access.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A case's tier and results release, called with the caller's bearer token. A case the caller may not know
 * exists answers 404 exactly as an id that never existed; every refusal is an RFC 9457 problem. A change
 * answers 200 with the {@link AccessView} when done at once (tightening), or 202 with the {@link RequestView}
 * a different secrecy admin must approve (loosening), its Location the request.
 */
@Path("/cases/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "tier and release", description = "Each case's tier and whether its results are released")
public interface CaseAccessApi {

    /** The media type of every refusal (RFC 9457); its schema is the service's {@code Problem} component. */
    String PROBLEM = "application/problem+json";

    /** For the case's team and its secrecy admins (others who know the case: 403). */
    @GET
    @Path("/access")
    @Operation(summary = "A case's tier, release and policy version", description = "For its team and secrecy admins.")
    @APIResponse(responseCode = "200", description = "The case's access settings")
    @APIResponse(
            responseCode = "403",
            description = "The caller knows the case but is neither on its team nor its admin",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "CaseNotFound")
    AccessView access(@PathParam("id") String caseId);

    /** A stricter tier at once (200), a less strict one requested (202). */
    @POST
    @Path("/tier")
    @Operation(
            summary = "Change a case's tier",
            description = "A stricter tier takes effect at once (200); a less strict one files a request that a"
                    + " different secrecy admin must approve (202).")
    @APIResponse(responseCode = "200", description = "Changed (or already at this tier)")
    @APIResponse(responseCode = "202", description = "Requested; see the Location header")
    @APIResponse(
            responseCode = "400",
            description = "Unknown tier or missing reason",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", ref = "NotCaseSecrecyAdmin")
    @APIResponse(responseCode = "404", ref = "CaseNotFound")
    Response changeTier(@PathParam("id") String caseId, TierChange change);

    /** Un-releasing at once (200), releasing requested (202). */
    @POST
    @Path("/release")
    @Operation(
            summary = "Release or un-release a case's results",
            description = "Un-releasing takes effect at once (200); releasing files a request that a different"
                    + " secrecy admin must approve (202).")
    @APIResponse(responseCode = "200", description = "Changed (or already so)")
    @APIResponse(responseCode = "202", description = "Requested; see the Location header")
    @APIResponse(
            responseCode = "400",
            description = "Missing field or reason",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", ref = "NotCaseSecrecyAdmin")
    @APIResponse(responseCode = "404", ref = "CaseNotFound")
    Response changeRelease(@PathParam("id") String caseId, ReleaseChange change);
}
