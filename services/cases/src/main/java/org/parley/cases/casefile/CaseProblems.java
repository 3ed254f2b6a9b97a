package org.parley.cases.casefile;

import org.parley.web.Preconditions;
import org.parley.web.ProblemException;

/** Problems particular to this service; the shared ones are in {@link org.parley.web.Problems}. */
public final class CaseProblems {

    private CaseProblems() {}

    public static ProblemException preconditionFailed() {
        return Preconditions.preconditionFailed("case");
    }
}
