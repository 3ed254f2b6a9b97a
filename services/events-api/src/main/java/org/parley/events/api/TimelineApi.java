package org.parley.events.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A case's timeline, called by the console with the caller's bearer token (or none: anonymous callers see
 * public cases). A case the caller may not know exists answers 404 exactly as an id that never existed; while
 * the service has not heard from access recently, every caller gets 503 + Retry-After. Refusals are RFC 9457
 * problems ({@code application/problem+json}). The OpenAPI descriptions sit here, not on the implementation: the
 * service's /q/openapi takes this interface's; a problem's schema is the service's {@code Problem} component.
 */
@Path("/cases/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "timelines")
public interface TimelineApi {

    /** The media type of every refusal (RFC 9457). */
    String PROBLEM = "application/problem+json";

    /** The entries the caller may see, oldest first; no count or cursor that could tell what was left out. */
    @GET
    @Operation(
            summary = "A case's timeline",
            description = "Opened, tier changes, releases, grants (own"
                    + " organisation's only, unless member or secrecy admin), interview links and process entries,"
                    + " each shown only if the caller sees the section it belongs to. Members and the owner's"
                    + " secrecy admins see the whole history; everyone else only what happened after the case"
                    + " became visible to them (public, or granted to their organisation), without the change"
                    + " that made it so. An interview link only for callers who may open the interview on every"
                    + " case it is linked to. Anonymous callers see public cases.")
    @APIResponse(responseCode = "200", description = "The visible entries, oldest first")
    @APIResponse(
            responseCode = "404",
            description = "No such case, or one the caller may not know exists (the same answer)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "503",
            description = "Not heard from access recently: nobody is answered until it is heard again",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    TimelineView timeline(@PathParam("id") String id);
}
