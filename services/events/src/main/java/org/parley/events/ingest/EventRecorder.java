package org.parley.events.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.parley.events.ledger.Ledger;
import org.parley.events.ledger.LedgerEntry;
import org.parley.events.timeline.InterviewLinks;
import org.parley.events.timeline.TimelineRecorder;
import org.parley.messaging.PoisonEventException;
import org.parley.proto.v1.Envelope;

/**
 * The effect of one event in this service, in the consuming transaction: learn the case's owner and an
 * interview's linked cases, append to the ledger, and add the case's timeline entry if the event has one.
 */
@ApplicationScoped
public class EventRecorder {

    private final CaseOwners owners;
    private final Ledger ledger;
    private final TimelineRecorder timeline;
    private final InterviewLinks interviewLinks;

    @Inject
    public EventRecorder(CaseOwners owners, Ledger ledger, TimelineRecorder timeline, InterviewLinks interviewLinks) {
        this.owners = owners;
        this.ledger = ledger;
        this.timeline = timeline;
        this.interviewLinks = interviewLinks;
    }

    /** The effect of one event: {@link #recordAll(List)} of one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Envelope envelope) {
        recordAll(List.of(envelope));
    }

    /**
     * The effect of a batch of new events, in order, in the consuming transaction: the same as recording each in
     * turn, in a few statements for the whole batch. Access heartbeats are liveness only and are not recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Envelope> batch) {
        List<Envelope> envelopes =
                batch.stream().filter(envelope -> !isHeartbeat(envelope)).toList();
        if (envelopes.isEmpty()) {
            return;
        }
        List<String> caseIds = envelopes.stream().map(EventRecorder::caseIdOf).toList();
        List<String> owningOrganisations = owners.learnAll(envelopes, caseIds);
        List<Ledger.Appendable> appendable = new ArrayList<>(envelopes.size());
        for (int i = 0; i < envelopes.size(); i++) {
            interviewLinks.learn(envelopes.get(i));
            appendable.add(new Ledger.Appendable(envelopes.get(i), caseIds.get(i), owningOrganisations.get(i)));
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < envelopes.size(); i++) {
            positions.putIfAbsent(envelopes.get(i).getEventId(), i);
        }
        for (LedgerEntry entry : ledger.appendAll(appendable)) {
            int i = positions.get(entry.eventId());
            timeline.record(envelopes.get(i), caseIds.get(i), entry.sequence());
        }
    }

    static boolean isHeartbeat(Envelope envelope) {
        return envelope.hasAccessHeartbeat() && "AccessHeartbeat".equals(envelope.getType());
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
