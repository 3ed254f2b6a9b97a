package org.parley.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Applies {@link NotFoundBudget}: every 404 is counted to its caller; a caller whose budget is spent gets 429 with
 * Retry-After for every request until the minute is over. The 429 comes before any lookup, so it says nothing about
 * the id asked for, and unknown and invisible ids count alike (both are the same 404). A signed-in caller is their
 * token's subject; an anonymous caller is their address ({@link ClientAddress}), the one the console or an ingress
 * forwards rather than the proxy's own, so one prober does not shut the public register for everyone behind it.
 */
public class NotFoundThrottle {

    private final NotFoundBudget budget;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ClientAddress addresses;

    @Inject
    public NotFoundThrottle(NotFoundBudget budget, MeterRegistry meters, Clock clock, NotFoundConfig config) {
        this.budget = budget;
        this.meters = meters;
        this.clock = clock;
        this.addresses = new ClientAddress(config.trustedProxies().orElse(List.of()));
    }

    @ServerRequestFilter
    public Optional<Response> refuseWhenSpent(ContainerRequestContext request, HttpServerRequest connection) {
        String caller = caller(request, connection);
        long wait = budget.secondsUntilRefill(caller, clock.millis());
        if (wait == 0) {
            return Optional.empty();
        }
        meters.counter("parley.not_found.throttled").increment();
        return Optional.of(Response.fromResponse(ProblemMappers.respond(Problems.tooManyRequests(
                        "Too many requests for things that were not found; try again in " + wait + " s.")))
                .header("Retry-After", wait)
                .build());
    }

    @ServerResponseFilter
    public void count(
            ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest connection) {
        if (response.getStatus() == 404) {
            budget.spend(caller(request, connection), clock.millis());
        }
    }

    /**
     * The signed-in caller's principal (from the token); for an anonymous caller, their address, marked so that no
     * subject can be taken for one.
     */
    private String caller(ContainerRequestContext request, HttpServerRequest connection) {
        var principal = request.getSecurityContext().getUserPrincipal();
        if (principal != null
                && principal.getName() != null
                && !principal.getName().isBlank()) {
            return principal.getName();
        }
        SocketAddress peer = connection.remoteAddress();
        return "anonymous from "
                + addresses.of(
                        peer == null ? "" : peer.hostAddress(),
                        connection.headers().getAll("X-Forwarded-For"));
    }
}
