package org.parley.interviews.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The identity custodian's way to the interview whose identity they must reveal: a lookup that shows no content.
 * Anyone else gets the vault's own refusal (the 403 a reveal answers them), before any criterion is read.
 */
@Path("/identity/interviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "identity vault")
public interface IdentityLookupApi {

    @GET
    @Operation(
            summary = "Find interviews to reveal an identity of",
            description = "Identity custodians only. Interviews the vault holds an identity for, by part of the"
                    + " pseudonym (any letter case), month range, category and country, newest month first; each"
                    + " answered with its id, pseudonym, month and number of linked cases, never its content, its"
                    + " cases or its interviewee. Every lookup is ledgered (InterviewLookupMade: counts and the names"
                    + " of the criteria used, never their values).")
    @APIResponse(responseCode = "200", description = "A page of matches")
    @APIResponse(
            responseCode = "400",
            description = "A criterion, cursor or limit that is not valid, named",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "Not the identity custodian",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    InterviewLookupPage lookup(@BeanParam InterviewLookupFilters filters);
}
