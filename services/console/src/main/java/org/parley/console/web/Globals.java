package org.parley.console.web;

import java.util.List;

import io.quarkus.qute.TemplateGlobal;
import org.parley.console.clients.Access;
import org.parley.console.clients.Cases;
import org.parley.console.clients.Interviews;

/** The coded values the forms offer, available in every template. The services still validate. */
@TemplateGlobal
public class Globals {

    static List<String> statuses = Cases.STATUSES;
    static List<String> timelineKinds = Cases.TIMELINE_KINDS;
    static List<String> objectiveScopes = Cases.OBJECTIVE_SCOPES;
    static List<String> entityTypes = Cases.ENTITY_TYPES;
    static List<String> relativeStrengths = Cases.RELATIVE_STRENGTHS;
    static List<String> groupTypes = Cases.GROUP_TYPES;
    static List<String> internalControls = Cases.INTERNAL_CONTROLS;
    static List<String> mediatorRoles = Cases.MEDIATOR_ROLES;
    static List<String> riskKinds = Cases.RISK_KINDS;
    static List<String> sideEffectKinds = Cases.SIDE_EFFECT_KINDS;
    static List<String> tiers = Cases.TIERS;
    static List<String> grantScopes = Access.GRANT_SCOPES;
    static List<String> teamRoles = Access.TEAM_ROLES;
    static List<String> themes = Interviews.THEMES;
    static List<String> categories = Interviews.CATEGORIES;
    static List<String> modes = Interviews.MODES;
    static List<String> attributions = Interviews.ATTRIBUTIONS;
    static List<String> requestStatuses = List.of("PENDING", "APPROVED", "REJECTED", "EXPIRED", "ALL");
}
