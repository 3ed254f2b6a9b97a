package org.parley.events.timeline;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.messaging.projection.PolicyProjection;
import org.parley.policy.CasePolicy;
import org.parley.policy.Decision;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Viewer;
import org.parley.web.CallerIdentity;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * {@code GET /cases/{id}/timeline}: the case's history filtered by the same decision as the case itself.
 * A viewer who may not know the case exists gets the standard never-existed 404, byte for byte the
 * answer for an unknown or malformed id. While the policy projection is stale, everyone but the case's
 * members gets 503 + Retry-After, whatever the id (so the 503 itself tells nothing).
 */
@Path("/cases/{id}/timeline")
@Tag(name = "timelines")
@Blocking
public class TimelineResource {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    @Inject
    CallerIdentity caller;

    @Inject
    PolicyProjection projection;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    Clock clock = Clock.systemUTC();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A case's timeline",
            description =
                    "Opened, tier changes, releases, grants (own"
                            + " organisation's only, unless member or secrecy admin), interview links and process entries,"
                            + " each shown only if the caller sees the section it belongs to. Anonymous callers see public cases.")
    @APIResponse(responseCode = "200", description = "The visible entries, oldest first")
    @APIResponse(
            responseCode = "404",
            description = "No such case, or one the caller may not know exists (the same answer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "Not heard from access recently: only the case's members are answered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TimelineView timeline(@PathParam("id") String id) {
        Viewer viewer = caller.viewer();
        Optional<CasePolicy> policy = projection.find(id);
        boolean member = policy.map(p -> p.isOnTeam(viewer.subject())).orElse(false);
        if (!member && projection.isStale()) {
            throw new ProblemException(
                    Problems.unavailable("Access rules are being refreshed; try again shortly."),
                    projection.retryAfterSeconds());
        }
        if (policy.isEmpty()) {
            throw Problems.notFoundException("case");
        }
        Instant now = clock.instant();
        Decision decision = SecrecyRules.decide(viewer, policy.get(), now);
        if (!decision.knowsExists()) {
            throw Problems.notFoundException("case");
        }
        List<TimelineView.Entry> visible = new ArrayList<>();
        for (Object[] row : rows(policy.get().caseId())) {
            TimelineKind kind = TimelineKind.valueOf((String) row[1]);
            String grantOrganisation = row[3] == null || row[3].toString().isEmpty() ? null : row[3].toString();
            if (kind.visibleTo(viewer, decision, grantOrganisation)) {
                visible.add(new TimelineView.Entry((String) row[0], kind.name(), instant(row[2]), details(row[4])));
            }
        }
        return new TimelineView(policy.get().caseId(), visible);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String caseId) {
        return entityManager
                .createNativeQuery("SELECT CAST(event_id AS text), kind, occurred_at, grant_organisation,"
                        + " CAST(details AS text) FROM timeline_entry WHERE case_id = ?1"
                        + " ORDER BY occurred_at, sequence")
                .setParameter(1, UUID.fromString(caseId))
                .getResultList();
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
