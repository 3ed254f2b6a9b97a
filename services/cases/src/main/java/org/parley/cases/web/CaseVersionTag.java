package org.parley.cases.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.parley.cases.api.CaseView;
import org.parley.cases.api.CodedCase;

/**
 * Every answer that carries one case carries its version as the ETag, the version an edit's If-Match must
 * name. A filter rather than each endpoint, so the endpoints of the API interfaces can return the record.
 */
public class CaseVersionTag {

    @ServerResponseFilter
    public void tagWithVersion(ContainerResponseContext response) {
        if (response.getEntity() instanceof CaseView view) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, Http.etag(view.version()));
        } else if (response.getEntity() instanceof CodedCase coded) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, Http.etag(coded.version()));
        }
    }
}
