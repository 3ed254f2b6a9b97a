package org.parley.cases.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.messaging.outbox.Outbox;
import org.parley.policy.Action;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Section;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;
import org.parley.proto.v1.AccessDenied;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.RestrictedRead;

/**
 * Audit events for the ledger, through the outbox in the transaction of the read or refusal. They name
 * the case, the sections or the action, and the actor; never any content.
 */
@ApplicationScoped
public class CaseAudit {

    static final String KIND = "case";

    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public CaseAudit(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One read of one case: the sections returned to the viewer. */
    public record Read(String caseId, Tier tier, boolean released, Set<Section> returned) {}

    /**
     * Records a read that returned a section the public register does not show for this case (PROCESS
     * always, and everything of a case that is not public). Reads of public content are not recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void read(Viewer viewer, Read read) {
        readAll(viewer, List.of(read));
    }

    /** {@link #read} for every case of a listed page, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void readAll(Viewer viewer, List<Read> reads) {
        List<Envelope.Builder> events = new ArrayList<>();
        for (Read read : reads) {
            Set<Section> restricted =
                    read.returned().isEmpty() ? EnumSet.noneOf(Section.class) : EnumSet.copyOf(read.returned());
            restricted.removeAll(SecrecyRules.publicSections(read.tier(), read.released()));
            if (restricted.isEmpty()) {
                continue;
            }
            RestrictedRead.Builder event =
                    RestrictedRead.newBuilder().setResourceKind(KIND).setResourceId(read.caseId());
            for (Section section : Section.values()) {
                if (read.returned().contains(section)) {
                    event.addSections(section.name());
                }
            }
            events.add(Envelopes.about(read.caseId(), viewer.subject(), viewer.organisation(), clock.instant())
                    .setRestrictedRead(event));
        }
        outbox.appendAll(Topics.AUDIT, events);
    }

    /** Records a refused change on a case the viewer may see. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void denied(Viewer viewer, String caseId, Action action) {
        outbox.append(
                Topics.AUDIT,
                Envelopes.about(caseId, viewer.subject(), viewer.organisation(), clock.instant())
                        .setAccessDenied(AccessDenied.newBuilder()
                                .setResourceKind(KIND)
                                .setResourceId(caseId)
                                .setAction(action.name())));
    }
}
