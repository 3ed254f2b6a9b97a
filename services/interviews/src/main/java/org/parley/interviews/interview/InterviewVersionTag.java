package org.parley.interviews.interview;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.parley.interviews.api.InterviewView;

/**
 * Every answer that carries one interview carries its version as the ETag, the version a PATCH's If-Match must
 * name. A filter rather than each endpoint, so the endpoints of the API interface can return the record.
 */
public class InterviewVersionTag {

    @ServerResponseFilter
    public void tagWithVersion(ContainerResponseContext response) {
        if (response.getEntity() instanceof InterviewView view) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, new EntityTag(Long.toString(view.version())));
        }
    }
}
