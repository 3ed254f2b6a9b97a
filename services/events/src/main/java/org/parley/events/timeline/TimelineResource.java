package org.parley.events.timeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.PathParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import org.parley.events.api.TimelineApi;
import org.parley.events.api.TimelineKind;
import org.parley.events.api.TimelineView;
import org.parley.gate.CaseGate;
import org.parley.gate.PolicySource;
import org.parley.policy.CaseHistory;
import org.parley.policy.CasePolicy;
import org.parley.policy.Decision;
import org.parley.policy.Section;
import org.parley.policy.Viewer;
import org.parley.web.CallerIdentity;

/**
 * {@code GET /cases/{id}/timeline}: the case's history filtered by the same decision as the case itself,
 * from the moment the case became visible to the caller ({@link CaseHistory#window}: no trace of a secret
 * phase for readers who only know the case since it became public), with entries about interviews only
 * for callers who may know the interview on every case it is linked to ({@link CaseHistory#showsInterview}).
 * The answer has no count or cursor of its own: what is left out leaves no trace.
 * A viewer who may not know the case exists gets the standard never-existed 404, byte for byte the
 * answer for an unknown or malformed id. While the policy projection is stale, everyone gets 503 + Retry-After,
 * whatever the id (so the 503 itself tells nothing), the case's members too: the stale copy may still list someone
 * access already removed. Its OpenAPI descriptions are on {@link TimelineApi}.
 */
@Blocking
public class TimelineResource implements TimelineApi {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final CallerIdentity caller;
    private final CaseGate gate;
    private final PolicySource policySource;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final InterviewLinks interviewLinks;

    @Inject
    public TimelineResource(
            CallerIdentity caller,
            CaseGate gate,
            PolicySource policySource,
            EntityManager entityManager,
            ObjectMapper json,
            InterviewLinks interviewLinks) {
        this.caller = caller;
        this.gate = gate;
        this.policySource = policySource;
        this.entityManager = entityManager;
        this.json = json;
        this.interviewLinks = interviewLinks;
    }

    @Override
    // The id repeats the interface's name: the parameter converters (parley-web) read it from this method.
    public TimelineView timeline(@PathParam("id") String id) {
        Viewer viewer = caller.viewer();
        CaseGate.Opened opened = gate.open(viewer, id);
        Instant now = opened.decidedAt();
        Decision decision = opened.decision();
        List<StoredEntry> entries = entries(opened.id());
        CaseHistory.Window window = CaseHistory.window(
                decision.relationship(),
                viewer.organisation(),
                TimelineHistory.standings(entries),
                TimelineHistory.grants(entries),
                now);
        InterviewsOnTimeline interviews = interviewsOn(entries, decision);
        List<TimelineView.Entry> visible = new ArrayList<>();
        for (StoredEntry entry : entries) {
            TimelineKind kind = entry.kind();
            if (window.includes(entry.occurredAt(), TimelineVisibility.statesStanding(kind))
                    && TimelineVisibility.visibleTo(entry, viewer, decision)
                    && (kind != TimelineKind.INTERVIEW_LINKED
                            || CaseHistory.showsInterview(
                                    viewer,
                                    decision,
                                    interviews.links().get(entry.detail("interviewId")),
                                    interviews.policies(),
                                    now))) {
                visible.add(new TimelineView.Entry(
                        entry.eventId(), kind, entry.occurredAt(), TimelineVisibility.detailsFor(entry, decision)));
            }
        }
        return new TimelineView(opened.policy().caseId(), visible);
    }

    /** Every case each interview on the timeline is linked to, and the policies of those cases. */
    private record InterviewsOnTimeline(Map<String, List<String>> links, Map<String, CasePolicy> policies) {}

    private InterviewsOnTimeline interviewsOn(List<StoredEntry> entries, Decision decision) {
        if (!decision.sees(Section.INTERVIEWS)) {
            return new InterviewsOnTimeline(Map.of(), Map.of());
        }
        Set<String> interviewIds = new HashSet<>();
        for (StoredEntry entry : entries) {
            if (entry.kind() == TimelineKind.INTERVIEW_LINKED && entry.detail("interviewId") != null) {
                interviewIds.add(entry.detail("interviewId"));
            }
        }
        Map<String, List<String>> links = interviewLinks.of(interviewIds);
        Set<UUID> caseIds = new HashSet<>();
        links.values().forEach(linked -> linked.forEach(caseId -> caseIds.add(UUID.fromString(caseId))));
        Map<String, CasePolicy> policies = new HashMap<>();
        policySource.findAll(caseIds).forEach((caseId, policy) -> policies.put(caseId.toString(), policy));
        return new InterviewsOnTimeline(links, policies);
    }

    @SuppressWarnings("unchecked")
    private List<StoredEntry> entries(UUID caseId) {
        List<StoredEntry> entries = new ArrayList<>();
        for (Object[] row : (List<Object[]>) entityManager
                .createNativeQuery("SELECT CAST(event_id AS text), kind, occurred_at, grant_organisation,"
                        + " CAST(details AS text) FROM timeline_entry WHERE case_id = ?1"
                        + " ORDER BY occurred_at, sequence")
                .setParameter(1, caseId)
                .getResultList()) {
            String grantOrganisation = row[3] == null || row[3].toString().isEmpty() ? null : row[3].toString();
            entries.add(new StoredEntry(
                    (String) row[0],
                    TimelineKind.valueOf((String) row[1]),
                    instant(row[2]),
                    grantOrganisation,
                    details(row[4])));
        }
        return entries;
    }

    private Map<String, Object> details(Object value) {
        try {
            return json.readValue(value.toString(), DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored timeline details are JSON", e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type");
    }
}
