package org.parley.events.ingest;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.parley.events.ledger.Ledger;
import org.parley.events.timeline.InterviewLinks;
import org.parley.events.timeline.TimelineRecorder;
import org.parley.messaging.PoisonEventException;
import org.parley.proto.v1.Envelope;

/**
 * The effect of one event in this service, in the consuming transaction: learn the case's owner and an
 * interview's linked cases, append to the ledger, and add the case's timeline entry if the event has one. Heartbeats never get here.
 */
@ApplicationScoped
public class EventRecorder {

    @Inject
    CaseOwners owners;

    @Inject
    Ledger ledger;

    @Inject
    TimelineRecorder timeline;

    @Inject
    InterviewLinks interviewLinks;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Envelope envelope) {
        String caseId = caseIdOf(envelope);
        String owner = owners.learn(envelope, caseId);
        interviewLinks.learn(envelope);
        ledger.append(envelope, caseId, owner).ifPresent(entry -> timeline.record(envelope, caseId, entry.sequence()));
    }

    /**
     * The case the event is about: the envelope's case id or, for a read or denial of a case that did not
     * set it, the resource id. Null for events about no case.
     */
    static String caseIdOf(Envelope envelope) {
        String caseId = envelope.getCaseId();
        if (caseId.isEmpty()) {
            if (envelope.hasRestrictedRead()
                    && "case".equals(envelope.getRestrictedRead().getResourceKind())) {
                caseId = envelope.getRestrictedRead().getResourceId();
            } else if (envelope.hasAccessDenied()
                    && "case".equals(envelope.getAccessDenied().getResourceKind())) {
                caseId = envelope.getAccessDenied().getResourceId();
            }
        }
        if (caseId.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(caseId).toString();
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("case id is not a UUID");
        }
    }
}
