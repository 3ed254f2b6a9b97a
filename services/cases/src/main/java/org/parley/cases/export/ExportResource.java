package org.parley.cases.export;

import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.ExportApi;
import org.parley.policy.Viewer;
import org.parley.web.CallerIdentity;

/** {@code GET /cases/export}; its description is {@link ExportApi}'s. Anonymous callers have the public register. */
@Authenticated
public class ExportResource implements ExportApi {

    private final CallerIdentity caller;
    private final SecurityIdentity identity;
    private final Exports exports;

    @Inject
    public ExportResource(CallerIdentity caller, SecurityIdentity identity, Exports exports) {
        this.caller = caller;
        this.identity = identity;
        this.exports = exports;
    }

    @Override
    // The parameters repeat the interface's names: parley-web's converters read them from the implementation.
    public Response export(
            @QueryParam("format") String format,
            @QueryParam("ceiling") String ceiling,
            CaseListFilters filters,
            @QueryParam("team") String team) {
        ExportRequest request = ExportRequest.parse(format, ceiling, filters, team);
        Viewer reader = caller.viewer();
        Exports.Started started = exports.start(reader, Watermark.readerName(identity, reader), request);
        return Response.ok(started.body(), request.format().mediaType())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"parley-cases-"
                                + started.watermark().ledger() + "."
                                + request.format().wireName() + "\"")
                .build();
    }
}
