package org.parley.interviews.excerpt;

import jakarta.inject.Inject;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.interviews.api.CaseExcerpts;
import org.parley.interviews.api.CaseExcerptsApi;
import org.parley.web.CallerIdentity;

/** How a partner finds what was shared with them: the approved excerpts of a case's interviews. */
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "excerpts")
public class CaseExcerptsResource implements CaseExcerptsApi {

    private final CallerIdentity caller;
    private final ExcerptService excerpts;

    @Inject
    public CaseExcerptsResource(CallerIdentity caller, ExcerptService excerpts) {
        this.caller = caller;
        this.excerpts = excerpts;
    }

    @Override
    @Operation(
            summary = "Read the approved excerpts of a case's interviews",
            description = "Members, and partners whose grant covers excerpts. An interview appears only when the"
                    + " caller may read excerpts on every case it is linked to and its consent allows sharing;"
                    + " at most 200 interviews, newest first.")
    @APIResponse(responseCode = "200", description = "The approved excerpts, grouped by interview")
    @APIResponse(
            responseCode = "404",
            description = "No case with this id (or none whose excerpts the caller may read)")
    @APIResponse(
            responseCode = "503",
            description = "Access rules are being refreshed: everyone waits, members too, for every id")
    // The parameter repeats the interface's name: the parameter converters (parley-web) read it here.
    public CaseExcerpts list(@PathParam("caseId") String caseId) {
        return excerpts.listForCase(caller.viewer(), caseId);
    }
}
