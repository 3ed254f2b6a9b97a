package org.parley.interviews.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The excerpts of one interview: quotes proposed for sharing and approved by the leads. The proposal
 * ({@code POST}, body {@code {"quote": n, "researchQuestions": ["RQ3"]}}, the codes optional) is not declared here: the service checks it as its own constrained
 * record.
 */
@Path("/interviews/{id}/excerpts")
@Produces(MediaType.APPLICATION_JSON)
public interface ExcerptsApi {

    /** Members see all with their status; EXCERPTS grantees on every linked case see the approved ones. */
    @GET
    Excerpts list(@PathParam("id") String id);

    /** Approval by the lead of every linked case (403 for anyone else); 422 when the consent forbids sharing. */
    @POST
    @Path("/{n}/approval")
    ExcerptView approve(@PathParam("id") String id, @PathParam("n") String n);
}
