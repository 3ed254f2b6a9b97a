package org.parley.cases.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import org.parley.cases.search.CaseSearch;
import org.parley.web.Preconditions;

/** HTTP details shared by the resources: ETags, If-Match, listings. */
public final class Http {

    /** Set on a listing cut to the caller's own team cases while access decisions are stale. */
    public static final String RESULTS_HEADER = "Parley-Results";

    private Http() {}

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match names; null when absent or "*" (see {@link Preconditions#ifMatch}). */
    public static Long ifMatch(String header) {
        return Preconditions.ifMatch(header);
    }

    public static Response listing(CaseSearch.Listing listing) {
        Response.ResponseBuilder response = Response.ok(listing.list());
        if (listing.teamOnly()) {
            response.header(RESULTS_HEADER, "team-only");
        }
        return response.build();
    }
}
