package org.parley.interviews.excerpt;

import jakarta.inject.Inject;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.parley.interviews.api.CaseExcerpts;
import org.parley.interviews.api.CaseExcerptsApi;
import org.parley.interviews.api.ExcerptsOpening;
import org.parley.web.CallerIdentity;

/** How a partner finds what was shared with them: the approved excerpts of a case's interviews. */
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CaseExcerptsResource implements CaseExcerptsApi {

    private final CallerIdentity caller;
    private final ExcerptService excerpts;

    @Inject
    public CaseExcerptsResource(CallerIdentity caller, ExcerptService excerpts) {
        this.caller = caller;
        this.excerpts = excerpts;
    }

    @Override
    // The parameter repeats the interface's name: the parameter converters (parley-web) read it here.
    public CaseExcerpts list(@PathParam("caseId") String caseId) {
        return excerpts.listForCase(caller.viewer(), caseId);
    }

    @Override
    public ExcerptsOpening opening(
            @PathParam("caseId") String caseId, @QueryParam("organisation") String organisation) {
        return excerpts.opening(caller.viewer(), caseId, organisation);
    }
}
