package org.parley.console.clients;

import java.util.List;
import java.util.Map;

/**
 * The cases service's documents as the console reads them. Enumerations stay strings, so a value the
 * console does not know yet is shown as it comes rather than breaking the page; a section the caller may
 * not see is absent from the JSON and null here.
 */
public final class Cases {

    private Cases() {}

    public record CaseList(
            List<CaseView> items, long total, Map<String, Map<String, Long>> facets, String nextCursor) {}

    public record CaseView(String id, long version, Header header, Context context, Process process, Results results) {}

    public record Header(
            String title,
            String country,
            String region,
            Period period,
            String status,
            String tier,
            boolean resultsReleased) {}

    public record Period(String start, String end) {}

    public record Context(
            NegotiatingEntity negotiatingEntity, List<CriminalGroup> criminalGroups, List<String> precedents) {}

    public record NegotiatingEntity(String type, String name, String relativeStrength, String notes) {}

    public record CriminalGroup(
            String name, String type, String internalControl, String territorialControl, String communityRelation) {}

    public record Process(
            Objectives objectives,
            List<Redline> redlines,
            List<String> trustBuilding,
            List<Mediator> mediators,
            List<Risk> risks,
            List<TimelineEntry> timeline) {}

    public record Objectives(String scope, List<String> items) {}

    public record Redline(String party, List<String> items) {}

    public record Mediator(String name, String role) {}

    public record Risk(String kind, String description) {}

    public record TimelineEntry(String id, String date, String kind, String summary) {}

    public record NewTimelineEntry(String date, String kind, String summary) {}

    public record Results(
            Boolean dealReached, List<String> terms, List<Effect> effects, List<SideEffect> sideEffects) {}

    public record Effect(String indicator, String before, String after, String period, String source) {}

    public record SideEffect(String kind, String description) {}

    /** The values the cases service accepts, for the forms (the service still validates). */
    public static final List<String> STATUSES =
            List.of("EXPLORATORY", "ACTIVE", "SUSPENDED", "CONCLUDED_WITH_DEAL", "CONCLUDED_WITHOUT_DEAL", "COLLAPSED");

    public static final List<String> OBJECTIVE_SCOPES = List.of("LIMITED", "BROAD", "TRANSFORMATIONAL");

    public static final List<String> TIMELINE_KINDS = List.of(
            "MEETING",
            "PROPOSAL",
            "LEAK",
            "TRUCE_DECLARED",
            "AGREEMENT",
            "CONCESSION",
            "BREAKDOWN",
            "PUBLIC_ANNOUNCEMENT",
            "OTHER");

    public static final List<String> TIERS = List.of("SECRET", "RESULTS_PUBLIC", "PUBLICLY_KNOWN");

    public static final List<String> ENTITY_TYPES = List.of(
            "NATIONAL_GOVERNMENT",
            "LOCAL_GOVERNMENT",
            "MULTILATERAL_BODY",
            "HUMANITARIAN_NGO",
            "PEACEBUILDING_NGO",
            "CHURCH",
            "INDIVIDUAL");

    public static final List<String> RELATIVE_STRENGTHS = List.of("WEAKER", "COMPARABLE", "STRONGER");

    public static final List<String> GROUP_TYPES = List.of("MAFIA", "CARTEL", "STREET_GANG", "PRISON_GANG", "OTHER");

    public static final List<String> INTERNAL_CONTROLS = List.of("COHESIVE", "FRAGMENTED");

    public static final List<String> MEDIATOR_ROLES = List.of("MEDIATOR", "GUARANTOR", "FACILITATOR", "OBSERVER");

    public static final List<String> RISK_KINDS =
            List.of("PHYSICAL", "LEGAL", "UNITY", "SPOILERS", "POLARISATION", "INTERNATIONAL");

    public static final List<String> SIDE_EFFECT_KINDS = List.of("MORAL_HAZARD", "CONTAGION", "OTHER");
}
