package org.parley.interviews.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** How a partner finds what was shared with them: the approved excerpts of a case's interviews. */
@Path("/cases/{caseId}/excerpts")
@Produces(MediaType.APPLICATION_JSON)
public interface CaseExcerptsApi {

    /**
     * Only interviews whose every linked case lets the caller read excerpts and whose consent allows sharing;
     * one 404 for unknown and invisible cases.
     */
    @GET
    CaseExcerpts list(@PathParam("caseId") String caseId);
}
