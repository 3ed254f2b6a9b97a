package org.parley.cases.coded;

import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.gate.CaseGate;
import org.parley.policy.Relationship;

/**
 * Which citations of interview excerpts a reader of a case is answered. The excerpts live in the interviews
 * service, which alone knows an excerpt's approval and every case its interview is linked to; the cases service
 * cannot tell a partner's approved excerpt from a draft. So it fails closed: only the case's team members, who
 * read its interviews in full, get the citations; everyone else gets the value without them, exactly as if no
 * excerpt had been cited.
 */
@ApplicationScoped
public class ExcerptCitations {

    /** Whether each cited excerpt id may be answered to this reader of this case. */
    public Predicate<String> citableBy(CaseGate.Opened opened) {
        return citableBy(opened.decision().relationship());
    }

    /** As {@link #citableBy(CaseGate.Opened)}, for a reader whose relationship to the case a statement decided. */
    public Predicate<String> citableBy(Relationship relationship) {
        return relationship == Relationship.MEMBER ? excerpt -> true : excerpt -> false;
    }
}
