package org.parley.cases.dossier;

import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import org.parley.cases.api.DossierApi;
import org.parley.cases.export.Watermark;
import org.parley.policy.Viewer;
import org.parley.web.CallerIdentity;

/**
 * {@code GET /cases/{id}/dossier.pdf}; its description is {@link DossierApi}'s. Signed-in readers only, as
 * {@code GET /cases/{id}}: an anonymous caller is answered 401, and the public has the register.
 */
@Authenticated
public class DossierResource implements DossierApi {

    private final CallerIdentity caller;
    private final SecurityIdentity identity;
    private final Dossiers dossiers;

    @Inject
    public DossierResource(CallerIdentity caller, SecurityIdentity identity, Dossiers dossiers) {
        this.caller = caller;
        this.identity = identity;
        this.dossiers = dossiers;
    }

    @Override
    // The parameters repeat the interface's names: parley-web's converters read them from the implementation.
    public Response dossier(
            @PathParam("id") String id,
            @QueryParam("ceiling") String ceiling,
            @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        DossierRequest request = DossierRequest.parse(ceiling, lang, acceptLanguage);
        Viewer reader = caller.viewer();
        Dossiers.Prepared prepared = dossiers.prepare(reader, Watermark.readerName(identity, reader), id, request);
        return Response.ok(prepared.body(), DossierApi.PDF)
                .header(HttpHeaders.CONTENT_LANGUAGE, request.language())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"parley-dossier-"
                                + prepared.watermark().ledger() + ".pdf\"")
                .build();
    }
}
