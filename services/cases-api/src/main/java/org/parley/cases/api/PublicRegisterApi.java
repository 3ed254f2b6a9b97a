package org.parley.cases.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The public register: exactly what an anonymous reader may see. A token, if one is sent, is ignored, so
 * the register reads the same for everyone.
 */
@Path("/public/cases")
@Produces(MediaType.APPLICATION_JSON)
public interface PublicRegisterApi {

    /** The same filters as {@link CasesApi#list}, over public cases only. */
    @GET
    CaseList list(@BeanParam CaseListFilters filters);

    /** Only its public sections are present; the ETag is the case's version. */
    @GET
    @Path("{id}")
    CaseView read(@PathParam("id") String id);
}
