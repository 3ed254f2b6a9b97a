package org.parley.interviews.workqueue;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkus.security.Authenticated;
import org.parley.interviews.api.InterviewWorkQueue;
import org.parley.interviews.api.InterviewWorkQueueApi;
import org.parley.web.CallerIdentity;

@Authenticated
@Path("/work-queue")
public class InterviewWorkQueueResource implements InterviewWorkQueueApi {

    private final CallerIdentity caller;
    private final InterviewWorkQueueService queue;

    @Inject
    public InterviewWorkQueueResource(CallerIdentity caller, InterviewWorkQueueService queue) {
        this.caller = caller;
        this.queue = queue;
    }

    // the parameter repeats the interface's name: parley-web's converters read it from the implementing method
    @Override
    public InterviewWorkQueue workQueue(@QueryParam("since") String since) {
        return queue.of(caller.viewer(), since);
    }
}
