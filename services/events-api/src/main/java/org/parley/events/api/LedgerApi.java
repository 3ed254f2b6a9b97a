package org.parley.events.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The audit ledger, for auditors (403 otherwise), called by the console with the caller's bearer token. A
 * filter that does not parse is a 400 naming the field (RFC 9457 problem), never an echo of its value.
 */
@Path("/ledger")
@Produces(MediaType.APPLICATION_JSON)
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
    LedgerEntryView.Page entries(
            @QueryParam("case") String caseId,
            @QueryParam("actor") String actor,
            @QueryParam("organisation") String organisation,
            @QueryParam("type") String type,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    /**
     * Recomputes the whole chain and checks it against the newest checkpoint kept outside the database: 200
     * with the report, valid or not.
     *
     * @param anchor an anchor kept from an earlier report (its anchor.exported), or null
     */
    @GET
    @Path("verify")
    VerificationReport verify(@QueryParam("anchor") String anchor);
}
