package org.parley.cases.casefile;

import org.parley.web.Problem;
import org.parley.web.ProblemException;

/** Problems particular to this service; the shared ones are in {@link org.parley.web.Problems}. */
public final class CaseProblems {

    private CaseProblems() {}

    public static ProblemException preconditionFailed() {
        return new ProblemException(new Problem(
                "https://parley.example/problems/precondition-failed",
                "Precondition Failed",
                412,
                "The case has changed since the version in If-Match; read it again.",
                null));
    }
}
