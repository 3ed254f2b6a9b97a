package org.parley.console.cases;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.parley.cases.api.NewTimelineEntry;
import org.parley.cases.api.TimelineKind;
import org.parley.console.clients.CasesClient;
import org.parley.console.web.FormText;
import org.parley.console.web.Paths;

/**
 * The members' edits of a case: each section's form as a JSON merge patch of that section, and a new
 * timeline entry. The cases service decides who may edit and checks every value.
 */
@Path("/cases")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SectionEdits {

    private final CaseActions actions;

    @Inject
    public SectionEdits(CaseActions actions) {
        this.actions = actions;
    }

    @RestClient
    CasesClient cases;

    @POST
    @Path("/{id}/header")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editHeader(
            @RestPath String id,
            @RestForm long version,
            @RestForm String title,
            @RestForm String country,
            @RestForm String region,
            @RestForm String status,
            @RestForm String start,
            @RestForm String end) {
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("start", Paths.blankToNull(start));
        period.put("end", Paths.blankToNull(end));
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("title", Paths.blankToNull(title));
        patch.put("country", country == null ? null : country.strip().toUpperCase(Locale.ROOT));
        patch.put("region", Paths.blankToNull(region));
        patch.put("status", Paths.blankToNull(status));
        patch.put("period", period);
        return edit(id, "header", version, patch);
    }

    @POST
    @Path("/{id}/context")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editContext(
            @RestPath String id,
            @RestForm long version,
            @RestForm String entityType,
            @RestForm String entityName,
            @RestForm String entityStrength,
            @RestForm String entityNotes,
            @RestForm List<String> groupName,
            @RestForm List<String> groupType,
            @RestForm List<String> groupControl,
            @RestForm List<String> groupTerritory,
            @RestForm List<String> groupCommunity,
            @RestForm String precedents) {
        Map<String, Object> entity = null;
        if (Paths.blankToNull(entityType) != null) {
            entity = new LinkedHashMap<>();
            entity.put("type", entityType);
            entity.put("name", Paths.blankToNull(entityName));
            entity.put("relativeStrength", Paths.blankToNull(entityStrength));
            entity.put("notes", Paths.blankToNull(entityNotes));
        }
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("negotiatingEntity", entity);
        patch.put(
                "criminalGroups",
                new FormRows()
                        .text("name", groupName)
                        .text("type", groupType)
                        .text("internalControl", groupControl)
                        .text("territorialControl", groupTerritory)
                        .text("communityRelation", groupCommunity)
                        .rows());
        patch.put("precedents", FormText.lines(precedents));
        return edit(id, "context", version, patch);
    }

    @POST
    @Path("/{id}/process")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editProcess(
            @RestPath String id,
            @RestForm long version,
            @RestForm String scope,
            @RestForm String objectives,
            @RestForm String trustBuilding,
            @RestForm List<String> redlineParty,
            @RestForm List<String> redlineItems,
            @RestForm List<String> mediatorName,
            @RestForm List<String> mediatorRole,
            @RestForm List<String> riskKind,
            @RestForm List<String> riskDescription) {
        Map<String, Object> objectivesPatch = new LinkedHashMap<>();
        objectivesPatch.put("scope", Paths.blankToNull(scope));
        objectivesPatch.put("items", FormText.lines(objectives));
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("objectives", objectivesPatch);
        patch.put(
                "redlines",
                new FormRows()
                        .text("party", redlineParty)
                        .lines("items", redlineItems)
                        .rows());
        patch.put("trustBuilding", FormText.lines(trustBuilding));
        patch.put(
                "mediators",
                new FormRows()
                        .text("name", mediatorName)
                        .text("role", mediatorRole)
                        .rows());
        patch.put(
                "risks",
                new FormRows()
                        .text("kind", riskKind)
                        .text("description", riskDescription)
                        .rows());
        return edit(id, "process", version, patch);
    }

    @POST
    @Path("/{id}/results")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editResults(
            @RestPath String id,
            @RestForm long version,
            @RestForm String dealReached,
            @RestForm String terms,
            @RestForm List<String> effectIndicator,
            @RestForm List<String> effectBefore,
            @RestForm List<String> effectAfter,
            @RestForm List<String> effectPeriod,
            @RestForm List<String> effectSource,
            @RestForm List<String> sideEffectKind,
            @RestForm List<String> sideEffectDescription) {
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put(
                "dealReached",
                "yes".equals(dealReached) ? Boolean.TRUE : "no".equals(dealReached) ? Boolean.FALSE : null);
        patch.put("terms", FormText.lines(terms));
        patch.put(
                "effects",
                new FormRows()
                        .text("indicator", effectIndicator)
                        .text("before", effectBefore)
                        .text("after", effectAfter)
                        .text("period", effectPeriod)
                        .text("source", effectSource)
                        .rows());
        patch.put(
                "sideEffects",
                new FormRows()
                        .text("kind", sideEffectKind)
                        .text("description", sideEffectDescription)
                        .rows());
        return edit(id, "results", version, patch);
    }

    @POST
    @Path("/{id}/timeline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addTimelineEntry(
            @RestPath String id,
            @RestForm long version,
            @RestForm String date,
            @RestForm String kind,
            @RestForm String summary) {
        return actions.run(id, "process", () -> {
            NewTimelineEntry entry;
            try {
                entry = new NewTimelineEntry(
                        Paths.blankToNull(date) == null ? null : LocalDate.parse(date.strip()),
                        Paths.blankToNull(kind) == null ? null : TimelineKind.valueOf(kind.strip()),
                        Paths.blankToNull(summary));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                // the form offers a date picker and the kinds: anything else was not typed in it
                return "err=invalid";
            }
            cases.addTimelineEntry(id, CaseActions.etag(version), entry).close();
            return "done=entry-added";
        });
    }

    private Response edit(String id, String section, long version, Map<String, Object> patch) {
        return actions.run(id, "edit", () -> {
            cases.edit(id, section, CaseActions.etag(version), patch);
            return "done=saved";
        });
    }
}
