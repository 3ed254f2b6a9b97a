package org.parley.console.todo;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.parley.access.api.WorkQueueView;
import org.parley.console.clients.InterviewWorkQueueClient;
import org.parley.console.clients.WorkQueueClient;
import org.parley.console.web.Ctx;
import org.parley.interviews.api.InterviewWorkQueue;

/**
 * The signed-in user's work queue, asked of the services that own each item with the user's own token: access for
 * secrecy admins and partners, interviews for staff (leads), partners and the custodian. A role neither is about is
 * not asked at all. The partner's "since" is access's record of their last visit, passed on to interviews.
 */
@RequestScoped
public class WorkItems {

    private static final WorkQueueView NO_ACCESS_ITEMS = new WorkQueueView(null, List.of(), List.of(), List.of());
    private static final InterviewWorkQueue NO_INTERVIEW_ITEMS =
            new InterviewWorkQueue(List.of(), List.of(), List.of());

    private final Ctx ctx;
    private final WorkQueueClient access;
    private final InterviewWorkQueueClient interviews;

    @Inject
    public WorkItems(Ctx ctx, @RestClient WorkQueueClient access, @RestClient InterviewWorkQueueClient interviews) {
        this.ctx = ctx;
        this.access = access;
        this.interviews = interviews;
    }

    /** Both services' lists for this user. */
    public record Queue(WorkQueueView access, InterviewWorkQueue interviews) {
        /** What the navigation counts: what waits for a decision or is new, not the custodian's past reveals. */
        public int count() {
            return access.count() + interviews.count();
        }
    }

    public Queue fetch() {
        WorkQueueView fromAccess = ctx.secrecyAdmin() || ctx.partner() ? access.workQueue() : NO_ACCESS_ITEMS;
        InterviewWorkQueue fromInterviews = ctx.staff() || ctx.partner() || ctx.custodian()
                ? interviews.workQueue(
                        fromAccess.lastVisit() == null
                                ? null
                                : fromAccess.lastVisit().toString())
                : NO_INTERVIEW_ITEMS;
        return new Queue(fromAccess, fromInterviews);
    }

    /** Partners: what was shown is no longer new. */
    public void recordVisit() {
        if (ctx.partner()) {
            access.visit();
        }
    }

    /** Whether this user's roles have anything a work queue could hold. */
    public boolean anyQueue() {
        return ctx.secrecyAdmin() || ctx.partner() || ctx.staff() || ctx.custodian();
    }
}
