package org.parley.console.todo;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import org.parley.access.api.GrantView;
import org.parley.access.api.RequestView;
import org.parley.access.api.WorkQueueView;
import org.parley.console.cases.CaseTitles;
import org.parley.console.web.Ctx;
import org.parley.interviews.api.InterviewWorkQueue;

/**
 * "To do": what waits for the signed-in user, per role (see {@link WorkItems}). Opening it is a partner's visit:
 * what it showed as newly shared is no longer new afterwards.
 */
@Path("/todo")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class TodoResource {

    private final Ctx ctx;
    private final WorkItems items;
    private final NavCount navCount;
    private final CaseTitles titles;

    @Inject
    public TodoResource(Ctx ctx, WorkItems items, NavCount navCount, CaseTitles titles) {
        this.ctx = ctx;
        this.items = items;
        this.navCount = navCount;
        this.titles = titles;
    }

    // each item of another service's list with its case's title (null when the cases service does not show it)
    public record RequestRow(RequestView item, String title) {}

    public record GrantRow(GrantView item, String title) {}

    public record SharedCaseRow(WorkQueueView.SharedCase item, String title) {}

    public record SharedExcerptRow(InterviewWorkQueue.SharedExcerpt item, String title) {}

    /** What the page shows, each list with the titles of its cases. */
    public record Page(
            WorkQueueView access,
            List<RequestRow> requests,
            List<GrantRow> expiring,
            List<SharedCaseRow> sharedCases,
            List<SharedExcerptRow> sharedExcerpts,
            InterviewWorkQueue interviews) {

        public boolean empty() {
            return requests.isEmpty()
                    && expiring.isEmpty()
                    && sharedCases.isEmpty()
                    && sharedExcerpts.isEmpty()
                    && interviews.excerptsToApprove().isEmpty()
                    && interviews.recentReveals().isEmpty();
        }
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance todo(Page page, int expiringDays, int revealDays);
    }

    @GET
    public TemplateInstance todo() {
        WorkItems.Queue queue = items.fetch();
        navCount.set(queue.count());
        WorkQueueView access = queue.access();
        Page page = new Page(
                access,
                access.requestsToDecide().stream()
                        .map(r -> new RequestRow(r, titles.of(r.caseId())))
                        .toList(),
                access.expiringGrants().stream()
                        .map(g -> new GrantRow(g, titles.of(g.caseId())))
                        .toList(),
                access.newlyShared().stream()
                        .map(c -> new SharedCaseRow(c, titles.of(c.caseId())))
                        .toList(),
                queue.interviews().newlyShared().stream()
                        .map(e -> new SharedExcerptRow(e, titles.of(e.caseId())))
                        .toList(),
                queue.interviews());
        // shown once: from now on these are not new (the count of the next pages is 0 until something else is shared)
        items.recordVisit();
        if (ctx.partner()) {
            navCount.set(queue.count()
                    - access.newlyShared().size()
                    - queue.interviews().newlyShared().size());
        }
        return ctx.render(
                Templates.todo(page, WorkQueueView.EXPIRING_WITHIN_DAYS, InterviewWorkQueue.RECENT_REVEAL_DAYS));
    }
}
