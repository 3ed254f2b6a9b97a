package org.parley.interviews.problems;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.parley.interviews.crypto.RecordIntegrityException;
import org.parley.web.Problem;
import org.parley.web.ProblemMappers;

/** The problems only this service answers with, on the same base as the shared ones. */
public class InterviewProblems {

    private static final Logger LOG = Logger.getLogger(InterviewProblems.class);
    private static final String BASE = "https://parley.example/problems/";

    private final MeterRegistry meters;

    @Inject
    public InterviewProblems(MeterRegistry meters) {
        this.meters = meters;
    }

    /** 422: the request is well-formed but the interviewee's consent (or the stored state) forbids it. */
    public static Problem unprocessable(String type, String detail) {
        return new Problem(BASE + type, "Unprocessable Content", 422, detail, null);
    }

    /**
     * A stored ciphertext failed authentication. Only callers allowed to read the record get here (the
     * access decision comes first), so naming the failure reveals nothing; the value never appears.
     */
    @ServerExceptionMapper
    public Response integrity(RecordIntegrityException e) {
        String errorId = UUID.randomUUID().toString();
        meters.counter("parley.interviews.integrity.failures").increment();
        LOG.errorf("integrity failure %s: record %s, %s", errorId, e.recordId(), e.field());
        return ProblemMappers.respond(new Problem(
                BASE + "integrity-failure",
                "Stored Record Failed Its Integrity Check",
                500,
                "The stored interview could not be authenticated and was not read (error " + errorId + ").",
                null));
    }
}
