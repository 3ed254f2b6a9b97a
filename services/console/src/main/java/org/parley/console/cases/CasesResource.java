package org.parley.console.cases;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.console.clients.Access.NewGrant;
import org.parley.console.clients.Access.ReleaseChange;
import org.parley.console.clients.Access.TeamChange;
import org.parley.console.clients.Access.TierChange;
import org.parley.console.clients.AccessApi;
import org.parley.console.clients.CaseExcerptsApi;
import org.parley.console.clients.Cases.CaseList;
import org.parley.console.clients.Cases.CaseView;
import org.parley.console.clients.Cases.NewTimelineEntry;
import org.parley.console.clients.CasesApi;
import org.parley.console.clients.Events.Timeline;
import org.parley.console.clients.EventsApi;
import org.parley.console.clients.Interviews.Excerpts;
import org.parley.console.clients.Interviews.Summary;
import org.parley.console.clients.InterviewsApi;
import org.parley.console.web.ActionFailed;
import org.parley.console.web.Ctx;
import org.parley.console.web.Facets;
import org.parley.console.web.Flash;
import org.parley.console.web.FormText;
import org.parley.console.web.Paths;
import org.parley.console.web.ServiceErrors;

/**
 * Cases for signed-in users: the listing with search and facets, one case with the sections the viewer
 * may see, the members' edits, and the secrecy admins' changes of tier, release and grants. Whatever the cases service leaves out is not drawn; a case it does not
 * show is the one "not found" page, and no other service is asked about it.
 */
@Path("/cases")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CasesResource {

    @Inject
    Ctx ctx;

    @Inject
    CasePages pages;

    @Inject
    ServiceErrors errors;

    @RestClient
    CasesApi cases;

    @RestClient
    AccessApi access;

    @RestClient
    EventsApi events;

    @RestClient
    InterviewsApi interviews;

    @RestClient
    CaseExcerptsApi caseExcerpts;

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance list(
                Search search, CaseList result, List<Facets.Group> facets, String nextUrl, boolean publicView);

        public static native TemplateInstance detail(CasePage page);
    }

    @GET
    public TemplateInstance list(
            @RestQuery String q,
            @RestQuery List<String> country,
            @RestQuery List<String> status,
            @RestQuery List<String> tier,
            @RestQuery List<String> entityType,
            @RestQuery List<String> groupType,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery String team,
            @RestQuery String cursor) {
        Search search = Search.of("/cases", q, country, status, tier, entityType, groupType, from, to, team);
        String mine = search.mine() ? "mine" : null;
        CaseList result = search.ask(
                (text, countries, statuses, tiers, entities, groups, start, end, after, limit) ->
                        cases.list(text, countries, statuses, tiers, entities, groups, start, end, after, limit, mine),
                cursor);
        return ctx.render(Templates.list(
                search, result, Facets.of(result.facets(), search.selected()), search.nextUrl(result), false));
    }

    @GET
    @Path("/{id}")
    public Object detail(@RestPath String id, @RestQuery String done, @RestQuery String err, @RestQuery String fields) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        CaseView c = cases.read(id); // a 404 here ends the page: nothing else is asked about this id
        Timeline history = null;
        boolean historyUnavailable = false;
        try {
            history = events.timeline(id);
        } catch (ClientWebApplicationException | jakarta.ws.rs.ProcessingException e) {
            historyUnavailable = true;
        }
        org.parley.console.clients.Access.Team team = null;
        if (ctx.staff() || ctx.secrecyAdmin()) {
            team = quietly(() -> access.team(id));
        }
        boolean member = team != null && team.includes(ctx.subject());
        CasePage.Admin admin = null;
        if (ctx.secrecyAdmin()) {
            var settings = quietly(() -> access.access(id));
            if (settings != null) {
                var grants = quietly(() -> access.grants(id));
                var organisations = quietly(() -> access.organisations());
                admin = new CasePage.Admin(
                        settings,
                        grants == null ? List.of() : grants,
                        organisations == null
                                ? List.of()
                                : organisations.stream()
                                        .filter(o -> !o.id().equals(ctx.organisation()))
                                        .toList());
            }
        }
        List<Summary> linked = List.of();
        if (member) {
            var page = quietly(() -> interviews.search(List.of(id), null, null, null, null, 50));
            linked = page == null || page.items() == null ? List.of() : page.items();
        }
        List<Excerpts> shared = null;
        if (!member && ctx.partner()) {
            // a 404 here only means no grant covering excerpts: the case itself was shown above
            var answer = quietly(() -> caseExcerpts.forCase(id));
            shared = answer == null ? null : answer.interviews();
        }
        return ctx.render(Templates.detail(pages.page(
                c,
                false,
                history,
                historyUnavailable,
                team,
                member,
                admin,
                linked,
                shared,
                Flash.of(done, err, fields))));
    }

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
        patch.put("country", country == null ? null : country.strip().toUpperCase(java.util.Locale.ROOT));
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
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        try {
            cases.addTimelineEntry(
                    id,
                    etag(version),
                    new NewTimelineEntry(Paths.blankToNull(date), Paths.blankToNull(kind), Paths.blankToNull(summary)));
            return back(id, "done=entry-added", "process");
        } catch (ClientWebApplicationException e) {
            return failed(id, e, "process");
        }
    }

    @POST
    @Path("/{id}/team")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response putOnTeam(
            @RestPath String id, @RestForm String username, @RestForm String role, @RestForm String reason) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        // 202: a secrecy admin who is not the lead asked; another admin must approve (docs/secrecy-model.md §5).
        try (Response answer = access.putOnTeam(
                id, new TeamChange(Paths.blankToNull(username), Paths.blankToNull(role), Paths.blankToNull(reason)))) {
            return back(id, answer.getStatus() == 202 ? "done=team-requested" : "done=team-changed", "team");
        } catch (ClientWebApplicationException e) {
            return failed(id, e, "team");
        }
    }

    @POST
    @Path("/{id}/team/{subject}/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response takeOffTeam(@RestPath String id, @RestPath String subject, @RestForm String reason) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        try {
            access.takeOffTeam(id, subject, Paths.blankToNull(reason));
            return back(id, "done=team-changed", "team");
        } catch (ClientWebApplicationException e) {
            return failed(id, e, "team");
        }
    }

    @POST
    @RolesAllowed("secrecy-admin")
    @Path("/{id}/tier")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response tier(@RestPath String id, @RestForm String tier, @RestForm String reason) {
        return change(
                id, () -> access.changeTier(id, new TierChange(Paths.blankToNull(tier), Paths.blankToNull(reason))));
    }

    @POST
    @RolesAllowed("secrecy-admin")
    @Path("/{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@RestPath String id, @RestForm String released, @RestForm String reason) {
        return change(
                id,
                () -> access.changeRelease(id, new ReleaseChange("true".equals(released), Paths.blankToNull(reason))));
    }

    @POST
    @RolesAllowed("secrecy-admin")
    @Path("/{id}/grants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(
            @RestPath String id,
            @RestForm String organisation,
            @RestForm String scope,
            @RestForm String reason,
            @RestForm String expires) {
        String expiresAt = null;
        if (expires != null && !expires.isBlank()) {
            try {
                expiresAt = LocalDate.parse(expires.strip())
                        .plusDays(1)
                        .atStartOfDay()
                        .toInstant(ZoneOffset.UTC)
                        .toString();
            } catch (DateTimeParseException e) {
                return back(id, "err=invalid&fields=expiresAt", "secrecy");
            }
        }
        String at = expiresAt;
        return change(
                id,
                () -> access.issueGrant(
                        id,
                        new NewGrant(
                                Paths.blankToNull(organisation),
                                Paths.blankToNull(scope),
                                Paths.blankToNull(reason),
                                at)));
    }

    @POST
    @RolesAllowed("secrecy-admin")
    @Path("/{id}/grants/{grantId}/revocation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@RestPath String id, @RestPath String grantId, @RestForm String reason) {
        if (!Paths.isId(id) || !Paths.isId(grantId)) {
            return errors.notFound();
        }
        try {
            access.revokeGrant(id, grantId, Paths.blankToNull(reason));
            return back(id, "done=revoked", "secrecy");
        } catch (ClientWebApplicationException e) {
            return failed(id, e, "secrecy");
        }
    }

    private interface Change {
        Response call();
    }

    /** 200/201: done at once; 202: a request now waits for a second admin. */
    private Response change(String id, Change change) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        try (Response answer = change.call()) {
            return back(id, answer.getStatus() == 202 ? "done=requested" : "done=changed", "secrecy");
        } catch (ClientWebApplicationException e) {
            return failed(id, e, "secrecy");
        }
    }

    private Response edit(String id, String section, long version, Map<String, Object> patch) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        try {
            cases.edit(id, section, etag(version), patch);
            return back(id, "done=saved", "edit");
        } catch (ClientWebApplicationException e) {
            return failed(id, e, "edit");
        }
    }

    /** Back to the case with a notice; a 404 is the "not found" page. */
    Response failed(String id, ClientWebApplicationException e, String anchor) {
        if (ActionFailed.isNotFound(e)) {
            return errors.notFound();
        }
        String fields = ActionFailed.fields(e);
        return back(
                id, "err=" + ActionFailed.key(e) + (fields == null ? "" : "&fields=" + Paths.encode(fields)), anchor);
    }

    static Response back(String id, String query, String anchor) {
        return Response.seeOther(URI.create("/cases/" + id + "?" + query + "#" + anchor))
                .build();
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** What the viewer may not read (403, 404) or what is briefly unavailable is simply not shown. */
    static <T> T quietly(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ClientWebApplicationException | jakarta.ws.rs.ProcessingException e) {
            return null;
        }
    }
}
