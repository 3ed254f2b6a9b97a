package org.parley.interviews.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The interviews of the caller's cases, with the caller's bearer token. An interview the caller may not know
 * of answers 404 exactly as an id that never existed; every refusal is an RFC 9457 problem. The bodies of
 * {@code POST /interviews} and {@code PATCH /interviews/{id}} are not declared here: the service checks them as
 * its own constrained records, which an implementing method cannot declare (Bean Validation).
 */
@Path("/interviews")
@Produces(MediaType.APPLICATION_JSON)
public interface InterviewsApi {

    /**
     * Only interviews whose every linked case has the caller as a member; {@code total} counts those only.
     * Repeated {@code case} and {@code theme} must all match; repeated {@code question} (a research question's
     * code in the codebook, RQ1 to RQ8) matches interviews tagged with any of them; months are YYYY-MM; a bad
     * value is a 400 naming it.
     */
    @GET
    InterviewPage search(
            @QueryParam("case") List<String> cases,
            @QueryParam("theme") List<String> themes,
            @QueryParam("question")
                    @Parameter(
                            description = "research question code of the codebook (RQ1 to RQ8); repeat for several"
                                    + " (any may match)")
                    List<String> questions,
            @QueryParam("category") String category,
            @QueryParam("country") String country,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("language") String language,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit);

    /** The content, for members of every linked case (never the identity); the ETag is its version. */
    @GET
    @Path("/{id}")
    InterviewView read(@PathParam("id") String id);
}
