package org.parley.interviews.events;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.messaging.outbox.Outbox;
import org.parley.policy.Viewer;
import org.parley.proto.v1.ExcerptApproved;
import org.parley.proto.v1.ExcerptProposed;
import org.parley.proto.v1.ExcerptWithdrawal;
import org.parley.proto.v1.ExcerptWithdrawn;
import org.parley.proto.v1.IdentityRevealed;
import org.parley.proto.v1.InterviewLinked;
import org.parley.proto.v1.InterviewLookupMade;
import org.parley.proto.v1.InterviewRecorded;
import org.parley.proto.v1.InterviewUpdated;
import org.parley.proto.v1.RestrictedRead;

/**
 * The service's events, written to the outbox in the transaction of the change. Ids and numbers only:
 * never a pseudonym, descriptor, quote, name or reason.
 */
@ApplicationScoped
public class InterviewEvents {

    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public InterviewEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A new interview (version 1) and one InterviewLinked per case. Every event that can change the links
     * carries the whole set and the interview's version, so the events service always knows every case an
     * interview is linked to (the strictest governs its timeline entries) and learns of unlinking too.
     */
    public void recorded(Viewer actor, UUID interviewId, List<String> caseIds, long version) {
        outbox.append(
                Topics.INTERVIEWS,
                about(caseIds.get(0), actor)
                        .setInterviewRecorded(InterviewRecorded.newBuilder()
                                .setInterviewId(interviewId.toString())
                                .addAllLinkedCaseIds(caseIds)
                                .setInterviewVersion(version)));
        linked(actor, interviewId, caseIds, caseIds, version);
    }

    /** One InterviewLinked per newly linked case, with the case id set, so each case's timeline can show it. */
    public void linked(
            Viewer actor, UUID interviewId, List<String> newlyLinkedCaseIds, List<String> allCaseIds, long version) {
        for (String caseId : newlyLinkedCaseIds) {
            outbox.append(
                    Topics.INTERVIEWS,
                    about(caseId, actor)
                            .setInterviewLinked(InterviewLinked.newBuilder()
                                    .setInterviewId(interviewId.toString())
                                    .addAllLinkedCaseIds(allCaseIds)
                                    .setInterviewVersion(version)));
        }
    }

    /** A change to the interview, with every case it is linked to afterwards (see {@link #recorded}). */
    public void updated(Viewer actor, UUID interviewId, List<String> allCaseIds, long version) {
        outbox.append(
                Topics.INTERVIEWS,
                about(allCaseIds.get(0), actor)
                        .setInterviewUpdated(InterviewUpdated.newBuilder()
                                .setInterviewId(interviewId.toString())
                                .addAllLinkedCaseIds(allCaseIds)
                                .setInterviewVersion(version)));
    }

    public void excerptProposed(Viewer actor, UUID interviewId, String firstCaseId, int quoteNumber) {
        outbox.append(
                Topics.INTERVIEWS,
                about(firstCaseId, actor)
                        .setExcerptProposed(ExcerptProposed.newBuilder()
                                .setInterviewId(interviewId.toString())
                                .setExcerptNumber(quoteNumber)));
    }

    public void excerptApproved(Viewer actor, UUID interviewId, String firstCaseId, int quoteNumber) {
        outbox.append(
                Topics.INTERVIEWS,
                about(firstCaseId, actor)
                        .setExcerptApproved(ExcerptApproved.newBuilder()
                                .setInterviewId(interviewId.toString())
                                .setExcerptNumber(quoteNumber)));
    }

    /** Partners stopped seeing an approved excerpt, and why (a kind of change, never the change itself). */
    public void excerptWithdrawn(
            Viewer actor, UUID interviewId, String firstCaseId, int quoteNumber, ExcerptWithdrawal reason) {
        outbox.append(
                Topics.INTERVIEWS,
                about(firstCaseId, actor)
                        .setExcerptWithdrawn(ExcerptWithdrawn.newBuilder()
                                .setInterviewId(interviewId.toString())
                                .setExcerptNumber(quoteNumber)
                                .setReason(reason)));
    }

    /** The vault was read. The custodian's reason stays in the local reveal log, never in the event. */
    public void identityRevealed(Viewer custodian, UUID interviewId, String firstCaseId) {
        outbox.append(
                Topics.INTERVIEWS,
                about(firstCaseId, custodian)
                        .setIdentityRevealed(IdentityRevealed.newBuilder().setInterviewId(interviewId.toString())));
    }

    /** Restricted content was read: which part ("CONTENT", "EXCERPTS") of which interview, not the content. */
    public void restrictedRead(Viewer reader, UUID interviewId, String firstCaseId, String part) {
        outbox.append(
                Topics.AUDIT,
                about(firstCaseId, reader)
                        .setRestrictedRead(RestrictedRead.newBuilder()
                                .setResourceKind("interview")
                                .setResourceId(interviewId.toString())
                                .addSections(part)));
    }

    /**
     * The custodian looked interviews up: how many matched and which criteria were used, by name. About no case and
     * on the audit topic, like an export: never the search text, a pseudonym or an interview id.
     */
    public void lookupMade(Viewer custodian, long matches, int shown, List<String> criteria) {
        outbox.append(
                Topics.AUDIT,
                Envelopes.about(null, custodian.subject(), custodian.organisation(), clock.instant())
                        .setInterviewLookupMade(InterviewLookupMade.newBuilder()
                                .setMatchCount((int) Math.min(matches, Integer.MAX_VALUE))
                                .setShownCount(shown)
                                .addAllCriteria(criteria)));
    }

    private org.parley.proto.v1.Envelope.Builder about(String caseId, Viewer actor) {
        return Envelopes.about(caseId, actor.subject(), actor.organisation(), clock.instant());
    }
}
