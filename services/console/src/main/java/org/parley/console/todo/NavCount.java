package org.parley.console.todo;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.vertx.core.Context;
import org.jboss.logging.Logger;
import org.parley.console.web.Ctx;

/**
 * The count beside "To do" in the navigation ({@code {inject:todo.count}}): null when there is nothing to show or it
 * cannot be had cheaply. An error page rendered on an I/O thread shows only a count already kept (a call there
 * would block), and a service that does not answer leaves the count out rather than the page.
 */
@RequestScoped
@Named("todo")
public class NavCount {

    private static final Logger LOG = Logger.getLogger(NavCount.class);

    private final Ctx ctx;
    private final TodoCounts counts;
    private final WorkItems items;

    private Integer count;
    private boolean known;

    @Inject
    public NavCount(Ctx ctx, TodoCounts counts, WorkItems items) {
        this.ctx = ctx;
        this.counts = counts;
        this.items = items;
    }

    public boolean offered() {
        return ctx.signedIn() && items.anyQueue();
    }

    public Integer count() {
        if (!known) {
            count = lookUp();
            known = true;
        }
        return count == null || count == 0 ? null : count;
    }

    /** The To-do page has just asked the services: its count is this page's and the next pages'. */
    void set(int fresh) {
        counts.keep(ctx.subject(), fresh);
        count = fresh;
        known = true;
    }

    private Integer lookUp() {
        String subject = ctx.subject();
        if (subject == null || !(ctx.secrecyAdmin() || ctx.partner() || ctx.staff())) {
            return null;
        }
        Optional<Integer> kept = counts.fresh(subject);
        if (kept.isPresent() || Context.isOnEventLoopThread()) {
            return kept.orElse(null);
        }
        try {
            int fresh = items.fetch().count();
            counts.keep(subject, fresh);
            return fresh;
        } catch (RuntimeException unavailable) {
            // the class only: the answer may describe something the log reader should not see
            LOG.debugf("no work queue count: %s", unavailable.getClass().getSimpleName());
            return null;
        }
    }
}
