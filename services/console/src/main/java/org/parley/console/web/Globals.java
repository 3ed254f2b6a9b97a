package org.parley.console.web;

import java.util.List;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateGlobal;
import org.parley.access.api.GrantScope;
import org.parley.access.api.GrantStatus;
import org.parley.access.api.RequestKind;
import org.parley.access.api.RequestStatus;
import org.parley.access.api.TeamRole;
import org.parley.access.api.Tier;
import org.parley.cases.api.CaseLinkKind;
import org.parley.cases.api.CaseStatus;
import org.parley.cases.api.TimelineKind;
import org.parley.cases.api.codebook.Codebook;
import org.parley.interviews.api.Attribution;
import org.parley.interviews.api.InterviewMode;
import org.parley.interviews.api.IntervieweeCategory;
import org.parley.interviews.api.Theme;

/**
 * The coded values the forms offer, available in every template (the services still validate), and the access
 * service's enums by name for the templates' comparisons ({@code m.role != TeamRole:LEAD}).
 */
@TemplateGlobal
@TemplateData(target = TeamRole.class, namespace = TemplateData.SIMPLENAME)
@TemplateData(target = GrantStatus.class, namespace = TemplateData.SIMPLENAME)
@TemplateData(target = RequestKind.class, namespace = TemplateData.SIMPLENAME)
@TemplateData(target = RequestStatus.class, namespace = TemplateData.SIMPLENAME)
public class Globals {

    static List<CaseStatus> statuses = List.of(CaseStatus.values());
    // the new-case form's statuses, as the codebook lists them; names, since they are compared with what was typed
    static List<String> headerStatuses =
            Codebook.standard().dimension("header.status").orElseThrow().codes();
    static List<TimelineKind> timelineKinds = List.of(TimelineKind.values());
    // the access service's tiers: the tier form compares them with its answer
    static List<Tier> tiers = List.of(Tier.values());
    static List<GrantScope> grantScopes = List.of(GrantScope.values());
    static List<TeamRole> teamRoles = List.of(TeamRole.MEMBER, TeamRole.LEAD);
    static List<CaseLinkKind> linkKinds = List.of(CaseLinkKind.values());
    // names, not constants: the interview forms compare them with what was typed, which is text
    static List<String> themes = names(Theme.values());
    static List<String> categories = names(IntervieweeCategory.values());
    static List<String> modes = names(InterviewMode.values());
    static List<String> attributions = names(Attribution.values());
    // the codebook's research questions (RQ1 to RQ8), as interviews and excerpts are tagged; labels via fmt.question
    static List<String> researchQuestions = Codebook.standard().researchQuestionCodes();
    // the requests page's tabs, also the statuses it accepts in its query
    public static final List<String> requestStatuses =
            List.of("PENDING", "APPROVED", "REJECTED", "EXPIRED", "WITHDRAWN", "ALL");

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }
}
