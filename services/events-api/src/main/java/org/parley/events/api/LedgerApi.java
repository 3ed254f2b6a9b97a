package org.parley.events.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit ledger, for auditors (403 otherwise), called by the console with the caller's bearer token. A
 * filter that does not parse is a 400 naming the field (RFC 9457 problem), never an echo of its value. The OpenAPI
 * descriptions sit here, not on the implementation (as on {@link TimelineApi}).
 */
@Path("/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ledger")
@SecurityRequirement(name = "SecurityScheme")
public interface LedgerApi {

    /**
     * Entries of cases the caller's organisation owns, and entries about no case whose actor belongs to it,
     * oldest first; every filter narrows that set.
     *
     * @param caseId only this case (UUID)
     * @param actor only this actor (OIDC subject)
     * @param organisation only actors of this organisation
     * @param type only this event type, e.g. RestrictedRead
     * @param from occurred at or after (ISO-8601 instant)
     * @param to occurred before (ISO-8601 instant)
     * @param cursor the previous page's nextCursor
     * @param limit page size, 1 to 500 (default 100)
     */
    @GET
    @Operation(
            summary = "Ledger entries of the auditor's organisation",
            description = "Entries of cases the caller's organisation owns, and entries about no case whose actor"
                    + " belongs to it, oldest first. Ids, types, times and hashes only.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(
            responseCode = "400",
            description = "A filter is invalid (the field is named, its value is not echoed)",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "401",
            description = "No valid token",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "Not an auditor",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    LedgerEntryView.Page entries(
            @Parameter(description = "Only this case (UUID)") @QueryParam("case") String caseId,
            @Parameter(description = "Only this actor (OIDC subject)") @QueryParam("actor") String actor,
            @Parameter(description = "Only actors of this organisation") @QueryParam("organisation")
                    String organisation,
            @Parameter(description = "Only this event type, e.g. RestrictedRead") @QueryParam("type") String type,
            @Parameter(description = "Occurred at or after (ISO-8601 instant)") @QueryParam("from") String from,
            @Parameter(description = "Occurred before (ISO-8601 instant)") @QueryParam("to") String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500 (default 100)") @QueryParam("limit") Integer limit);

    /**
     * Recomputes the whole chain and checks it against the newest checkpoint kept outside the database: 200
     * with the report, valid or not.
     *
     * @param anchor an anchor kept from an earlier report (its anchor.exported), or null
     */
    @GET
    @Path("verify")
    @Operation(
            summary = "Verify the whole chain",
            description = "Recomputes every entry's hash and link, checks the head and every checkpoint signature,"
                    + " and reports the first broken link (sequence, expected, found). Then checks that the ledger"
                    + " still holds the newest signed checkpoint kept outside its database (the compacted topic"
                    + " parley.ledger.v1, or the anchor an auditor kept from an earlier report, whichever is"
                    + " newer): a tail cut below it is TRUNCATED; an anchor that cannot be read makes the report"
                    + " not valid (UNAVAILABLE), never silently skipped.")
    @APIResponse(responseCode = "200", description = "The verification report (valid or not)")
    @APIResponse(
            responseCode = "400",
            description = "The anchor given is not SEQUENCE:HASH:KEY_ID:SIGNATURE",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "Not an auditor",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    VerificationReport verify(
            @Parameter(description = "An anchor kept from an earlier report (its anchor.exported)")
                    @QueryParam("anchor")
                    String anchor);
}
