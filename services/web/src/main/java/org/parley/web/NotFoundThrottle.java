package org.parley.web;

import java.time.Clock;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jspecify.annotations.Nullable;

/**
 * Applies {@link NotFoundBudget} to signed-in callers: every 404 is counted to its caller; a caller whose
 * budget is spent gets 429 with Retry-After for every request until the minute is over. The 429 comes
 * before any lookup, so it says nothing about the id asked for, and unknown and invisible ids count alike
 * (both are the same 404). Anonymous callers are not counted yet: behind the console or a proxy they would
 * share one address, and one prober would shut the public register for everyone.
 */
public class NotFoundThrottle {

    private final NotFoundBudget budget;
    private final MeterRegistry meters;
    private final Clock clock;

    @Inject
    public NotFoundThrottle(NotFoundBudget budget, MeterRegistry meters, Clock clock) {
        this.budget = budget;
        this.meters = meters;
        this.clock = clock;
    }

    @ServerRequestFilter
    public Optional<Response> refuseWhenSpent(ContainerRequestContext request) {
        String caller = caller(request);
        long wait = caller == null ? 0 : budget.secondsUntilRefill(caller, clock.millis());
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
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        String caller = caller(request);
        if (caller != null && response.getStatus() == 404) {
            budget.spend(caller, clock.millis());
        }
    }

    /** The signed-in caller's principal (from the token), or null when anonymous. */
    private static @Nullable String caller(ContainerRequestContext request) {
        var principal = request.getSecurityContext().getUserPrincipal();
        return principal == null
                        || principal.getName() == null
                        || principal.getName().isBlank()
                ? null
                : principal.getName();
    }
}
