package org.parley.interviews.search;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Path;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.parley.interviews.api.IdentityLookupApi;
import org.parley.interviews.api.InterviewLookupFilters;
import org.parley.interviews.api.InterviewLookupPage;
import org.parley.web.CallerIdentity;
import org.parley.web.Problem;

/** The identity custodian's lookup (see {@link InterviewLookup}). */
@Authenticated
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Path("/identity/interviews")
public class InterviewLookupResource implements IdentityLookupApi {

    private final CallerIdentity caller;
    private final InterviewLookup lookup;

    @Inject
    public InterviewLookupResource(CallerIdentity caller, InterviewLookup lookup) {
        this.caller = caller;
        this.lookup = lookup;
    }

    @Override
    public InterviewLookupPage lookup(@BeanParam InterviewLookupFilters filters) {
        return lookup.lookup(caller.viewer(), filters);
    }
}
