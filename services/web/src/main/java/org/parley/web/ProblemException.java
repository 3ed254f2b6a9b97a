package org.parley.web;

import org.jspecify.annotations.Nullable;

/** Ends a request with the given problem. Carries no stack trace: it is an answer, not a fault. */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final @Nullable Long retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, @Nullable Long retryAfterSeconds) {
        super(problem.title(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    public @Nullable Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
