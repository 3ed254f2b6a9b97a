package org.parley.access.workqueue;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.parley.access.api.WorkQueueApi;
import org.parley.access.api.WorkQueueView;
import org.parley.web.CallerIdentity;

@Path("/work-queue")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WorkQueueResource implements WorkQueueApi {

    private final CallerIdentity caller;
    private final WorkQueue queue;

    @Inject
    public WorkQueueResource(CallerIdentity caller, WorkQueue queue) {
        this.caller = caller;
        this.queue = queue;
    }

    @Override
    public WorkQueueView workQueue() {
        return queue.of(caller.viewer());
    }

    @Override
    public WorkQueueView.Visit visit() {
        return queue.visit(caller.viewer());
    }
}
