package org.parley.console.web;

import java.util.List;

import io.quarkus.qute.TemplateGlobal;
import org.parley.cases.api.CaseStatus;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.api.InternalControl;
import org.parley.cases.api.MediatorRole;
import org.parley.cases.api.ObjectiveScope;
import org.parley.cases.api.RelativeStrength;
import org.parley.cases.api.RiskKind;
import org.parley.cases.api.SideEffectKind;
import org.parley.cases.api.Tier;
import org.parley.cases.api.TimelineKind;
import org.parley.console.clients.Access;
import org.parley.interviews.api.Attribution;
import org.parley.interviews.api.InterviewMode;
import org.parley.interviews.api.IntervieweeCategory;
import org.parley.interviews.api.Theme;

/** The coded values the forms offer, available in every template. The services still validate. */
@TemplateGlobal
public class Globals {

    static List<CaseStatus> statuses = List.of(CaseStatus.values());
    static List<TimelineKind> timelineKinds = List.of(TimelineKind.values());
    static List<ObjectiveScope> objectiveScopes = List.of(ObjectiveScope.values());
    static List<EntityType> entityTypes = List.of(EntityType.values());
    static List<RelativeStrength> relativeStrengths = List.of(RelativeStrength.values());
    static List<GroupType> groupTypes = List.of(GroupType.values());
    static List<InternalControl> internalControls = List.of(InternalControl.values());
    static List<MediatorRole> mediatorRoles = List.of(MediatorRole.values());
    static List<RiskKind> riskKinds = List.of(RiskKind.values());
    static List<SideEffectKind> sideEffectKinds = List.of(SideEffectKind.values());
    // names, not constants: the tier form compares them with the access service's answer, which is text
    static List<String> tiers =
            java.util.Arrays.stream(Tier.values()).map(Tier::name).toList();
    static List<String> grantScopes = Access.GRANT_SCOPES;
    static List<String> teamRoles = Access.TEAM_ROLES;
    // names, not constants: the interview forms compare them with what was typed, which is text
    static List<String> themes = names(Theme.values());
    static List<String> categories = names(IntervieweeCategory.values());
    static List<String> modes = names(InterviewMode.values());
    static List<String> attributions = names(Attribution.values());
    static List<String> requestStatuses = List.of("PENDING", "APPROVED", "REJECTED", "EXPIRED", "ALL");

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }
}
