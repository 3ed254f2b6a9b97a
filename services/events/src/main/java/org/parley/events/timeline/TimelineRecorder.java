package org.parley.events.timeline;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.parley.events.api.TimelineKind;
import org.parley.messaging.Envelopes;
import org.parley.proto.v1.Envelope;

/** Turns the events that belong on a case's timeline into rows: kinds, ids, tiers and dates, never text. */
@ApplicationScoped
public class TimelineRecorder {

    private final Clock clock;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    @Inject
    public TimelineRecorder(Clock clock, EntityManager entityManager, ObjectMapper json) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Records the event's timeline entry, if it has one, in the consuming transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Envelope envelope, String caseId, long sequence) {
        if (caseId == null) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        String grantOrganisation = null;
        TimelineKind kind;
        switch (envelope.getPayloadCase()) {
            case CASE_OPENED -> {
                kind = TimelineKind.CASE_OPENED;
                details.put("tier", envelope.getCaseOpened().getTier().name());
            }
            case TIER_CHANGED -> {
                kind = TimelineKind.TIER_CHANGED;
                details.put("from", envelope.getTierChanged().getFrom().name());
                details.put("to", envelope.getTierChanged().getTo().name());
            }
            case RESULTS_RELEASE_CHANGED -> {
                kind = TimelineKind.RESULTS_RELEASE_CHANGED;
                details.put("released", envelope.getResultsReleaseChanged().getReleased());
            }
            case PROCESS_ENTRY_ADDED -> {
                kind = TimelineKind.PROCESS_ENTRY_ADDED;
                details.put("entryId", envelope.getProcessEntryAdded().getEntryId());
                details.put("entryKind", envelope.getProcessEntryAdded().getKind());
                details.put("entryDate", envelope.getProcessEntryAdded().getEntryDate());
            }
            case CASE_SECTION_EDITED -> {
                kind = TimelineKind.SECTION_EDITED;
                details.put("section", envelope.getCaseSectionEdited().getSection());
                details.put("caseVersion", envelope.getCaseSectionEdited().getCaseVersion());
                // an OIDC subject, never a name; the timeline shows it to the case's team only
                details.put(TimelineVisibility.EDITOR, envelope.getActor().getSubject());
            }
            case INTERVIEW_LINKED -> {
                kind = TimelineKind.INTERVIEW_LINKED;
                details.put("interviewId", envelope.getInterviewLinked().getInterviewId());
            }
            case GRANT_ISSUED -> {
                kind = TimelineKind.GRANT_ISSUED;
                grantOrganisation = envelope.getGrantIssued().getOrganisation();
                details.put("grantId", envelope.getGrantIssued().getGrantId());
                details.put("organisation", grantOrganisation);
                details.put("scope", envelope.getGrantIssued().getScope().name());
                if (!envelope.getGrantIssued().getReplacesGrantId().isEmpty()) {
                    // the organisation's narrower grant ended here (one active grant per organisation and case)
                    details.put(
                            TimelineHistory.REPLACES, envelope.getGrantIssued().getReplacesGrantId());
                }
                if (envelope.getGrantIssued().hasExpiresAt()) {
                    details.put(
                            "expiresAt",
                            Envelopes.instant(envelope.getGrantIssued().getExpiresAt())
                                    .toString());
                }
            }
            case GRANT_REVOKED -> {
                kind = TimelineKind.GRANT_REVOKED;
                grantOrganisation = envelope.getGrantRevoked().getOrganisation();
                details.put("grantId", envelope.getGrantRevoked().getGrantId());
                details.put("organisation", grantOrganisation);
            }
            case GRANT_EXPIRED -> {
                kind = TimelineKind.GRANT_EXPIRED;
                grantOrganisation = envelope.getGrantExpired().getOrganisation();
                details.put("grantId", envelope.getGrantExpired().getGrantId());
                details.put("organisation", grantOrganisation);
            }
            default -> {
                return; // not a timeline event
            }
        }
        Instant occurred = envelope.hasOccurredAt() ? Envelopes.instant(envelope.getOccurredAt()) : clock.instant();
        entityManager
                .createNativeQuery("INSERT INTO timeline_entry (event_id, case_id, sequence, kind, occurred_at,"
                        + " grant_organisation, details) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb))"
                        + " ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, UUID.fromString(envelope.getEventId()))
                .setParameter(2, UUID.fromString(caseId))
                .setParameter(3, sequence)
                .setParameter(4, kind.name())
                .setParameter(5, occurred)
                .setParameter(6, grantOrganisation == null ? "" : grantOrganisation)
                .setParameter(7, toJson(details))
                .executeUpdate();
    }

    private String toJson(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("timeline details are plain values", e);
        }
    }
}
