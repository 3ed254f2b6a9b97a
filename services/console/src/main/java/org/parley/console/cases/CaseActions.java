package org.parley.console.cases;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.parley.console.web.ActionFailed;
import org.parley.console.web.Paths;
import org.parley.console.web.ServiceErrors;

/**
 * How every change on a case page ends: back to the case with a notice of what was done, or of what the
 * service refused (its status as a notice, the fields a 400 named); a 404 is the one "not found" page.
 */
@ApplicationScoped
public class CaseActions {

    private final ServiceErrors errors;

    @Inject
    public CaseActions(ServiceErrors errors) {
        this.errors = errors;
    }

    /**
     * Runs a change made on the case page and goes back to the page's section ({@code anchor}); a
     * malformed id asks no service.
     */
    Response run(String id, String anchor, Supplier<String> change) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        try {
            return back(id, change.get(), anchor);
        } catch (ClientWebApplicationException e) {
            return failed(id, e, anchor);
        }
    }

    /** A change answered 200/201 (done at once) or 202 (a request now waits for a second admin). */
    static String doneOrRequested(Response answer, String done, String requested) {
        try (answer) {
            return answer.getStatus() == 202 ? requested : done;
        }
    }

    Response failed(String id, ClientWebApplicationException e, String anchor) {
        if (ActionFailed.isNotFound(e)) {
            return errors.notFound();
        }
        String fields = ActionFailed.fields(e);
        return back(
                id, "err=" + ActionFailed.key(e) + (fields == null ? "" : "&fields=" + Paths.encode(fields)), anchor);
    }

    static Response back(String id, String query, String anchor) {
        return Response.seeOther(URI.create("/cases/" + id + "?" + query + "#" + anchor))
                .build();
    }

    /**
     * A change made with a coded value chosen in a form ({@code field}), as the service's enum: null when blank
     * (the service names the missing field). A value the form does not offer asks no service and is refused
     * naming the field, as the service would refuse it.
     */
    static <E extends Enum<E>> String withChoice(
            Class<E> type, String field, String value, Function<E, String> change) {
        String name = Paths.blankToNull(value);
        E chosen;
        try {
            chosen = name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return "err=invalid&fields=" + field;
        }
        return change.apply(chosen);
    }
}
