package org.parley.web;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * No answer of any service is kept by browsers or proxies: a revocation must not leave copies behind, and
 * one rule for every response is simpler to trust than a header remembered per endpoint.
 */
public class NoStore {

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }
}
