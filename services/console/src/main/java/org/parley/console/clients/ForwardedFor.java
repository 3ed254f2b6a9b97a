package org.parley.console.clients;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Tells a service who the browser is, as a proxy does: the {@code X-Forwarded-For} the console was called with (an
 * ingress in front of it writes one), with the address the console was called from appended. A service believes the
 * rightmost address that is not one of its trusted proxies (parley-web's {@code ClientAddress}, {@code
 * parley.not-found.trusted-proxies}), so an anonymous reader probing the public register through the console spends
 * their own "not found" budget, not everyone's.
 */
@ApplicationScoped
public class ForwardedFor implements ClientHeadersFactory {

    static final String HEADER = "X-Forwarded-For";

    private final CurrentVertxRequest requests;

    @Inject
    public ForwardedFor(CurrentVertxRequest requests) {
        this.requests = requests;
    }

    @Override
    public MultivaluedMap<String, String> update(
            MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        // A call made outside a browser's request (none is) would have no one to forward.
        RoutingContext request = Arc.container().requestContext().isActive() ? requests.getCurrent() : null;
        SocketAddress peer = request == null ? null : request.request().remoteAddress();
        if (peer != null) {
            headers.putSingle(HEADER, chain(request.request().headers().getAll(HEADER), peer.hostAddress()));
        }
        return headers;
    }

    /** The hops the console was told of ({@code forwarded}, each header's value in order), then its own caller. */
    static String chain(List<String> forwarded, String caller) {
        List<String> hops = new ArrayList<>();
        for (String header : forwarded) {
            if (!header.isBlank()) {
                hops.add(header.trim());
            }
        }
        hops.add(caller);
        return String.join(", ", hops);
    }
}
