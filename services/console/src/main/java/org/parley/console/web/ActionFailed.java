package org.parley.console.web;

import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.parley.console.clients.Problem;

/** What a refused change means for the person who asked, as a message key of the bundle. */
public final class ActionFailed {

    private ActionFailed() {}

    /**
     * The message key for a change a service refused: 400 invalid, 403 not allowed, 409 already decided or
     * full, 412 changed meanwhile, 422 consent or other rule; a 404 is left to the "not found" page.
     */
    public static String key(ClientWebApplicationException e) {
        int status = e.getResponse() == null ? 502 : e.getResponse().getStatus();
        return switch (status) {
            case 400, 422 -> "invalid";
            case 403 -> "forbidden";
            case 409 -> "conflict";
            case 412 -> "stale";
            default -> "failed";
        };
    }

    /** The names of the fields a 400 named (never their messages or values), or null. */
    public static String fields(ClientWebApplicationException e) {
        try {
            if (e.getResponse() == null || e.getResponse().getStatus() != 400) {
                return null;
            }
            Problem problem = e.getResponse().readEntity(Problem.class);
            if (problem == null || problem.errors() == null || problem.errors().isEmpty()) {
                return null;
            }
            String names = problem.errors().stream()
                    .map(Problem.FieldError::field)
                    .filter(f -> f != null && f.matches("[A-Za-z0-9_.\\[\\]]{1,60}"))
                    .distinct()
                    .limit(8)
                    .collect(java.util.stream.Collectors.joining(", "));
            return names.isEmpty() ? null : names;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    public static boolean isNotFound(ClientWebApplicationException e) {
        return e.getResponse() != null && e.getResponse().getStatus() == 404;
    }
}
