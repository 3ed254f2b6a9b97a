package org.parley.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The names of the services' coded values, as {@code <group>_<VALUE>} messages looked up by {@code Fmt.label};
 * English by default, Spanish in {@code messages/lbl_es.properties}.
 */
@MessageBundle(value = "lbl", locale = "en")
public interface Labels {

    @Message("History")
    String part_history();

    @Message("Team")
    String part_team();

    @Message("Secrecy settings")
    String part_settings();

    @Message("Grants")
    String part_grants();

    @Message("Organisations")
    String part_organisations();

    @Message("Interviews")
    String part_interviews();

    @Message("Shared excerpts")
    String part_excerpts();

    @Message("Exploratory")
    String status_EXPLORATORY();

    @Message("Active")
    String status_ACTIVE();

    @Message("Suspended")
    String status_SUSPENDED();

    @Message("Concluded with a deal")
    String status_CONCLUDED_WITH_DEAL();

    @Message("Concluded without a deal")
    String status_CONCLUDED_WITHOUT_DEAL();

    @Message("Collapsed")
    String status_COLLAPSED();

    @Message("Secret")
    String tier_SECRET();

    @Message("Results public")
    String tier_RESULTS_PUBLIC();

    @Message("Publicly known")
    String tier_PUBLICLY_KNOWN();

    @Message("Meeting")
    String kind_MEETING();

    @Message("Proposal")
    String kind_PROPOSAL();

    @Message("Leak")
    String kind_LEAK();

    @Message("Truce declared")
    String kind_TRUCE_DECLARED();

    @Message("Agreement")
    String kind_AGREEMENT();

    @Message("Concession")
    String kind_CONCESSION();

    @Message("Breakdown")
    String kind_BREAKDOWN();

    @Message("Public announcement")
    String kind_PUBLIC_ANNOUNCEMENT();

    @Message("Other")
    String kind_OTHER();

    @Message("National government")
    String entityType_NATIONAL_GOVERNMENT();

    @Message("Local government")
    String entityType_LOCAL_GOVERNMENT();

    @Message("Multilateral body")
    String entityType_MULTILATERAL_BODY();

    @Message("Humanitarian NGO")
    String entityType_HUMANITARIAN_NGO();

    @Message("Peacebuilding NGO")
    String entityType_PEACEBUILDING_NGO();

    @Message("Church")
    String entityType_CHURCH();

    @Message("Individual")
    String entityType_INDIVIDUAL();

    @Message("Mafia")
    String groupType_MAFIA();

    @Message("Cartel")
    String groupType_CARTEL();

    @Message("Street gang")
    String groupType_STREET_GANG();

    @Message("Prison gang")
    String groupType_PRISON_GANG();

    @Message("Other")
    String groupType_OTHER();

    @Message("Weaker")
    String strength_WEAKER();

    @Message("Comparable")
    String strength_COMPARABLE();

    @Message("Stronger")
    String strength_STRONGER();

    @Message("cohesive")
    String control_COHESIVE();

    @Message("fragmented")
    String control_FRAGMENTED();

    @Message("Mediator")
    String mediatorRole_MEDIATOR();

    @Message("Guarantor")
    String mediatorRole_GUARANTOR();

    @Message("Facilitator")
    String mediatorRole_FACILITATOR();

    @Message("Observer")
    String mediatorRole_OBSERVER();

    @Message("Limited")
    String scope_LIMITED();

    @Message("Broad")
    String scope_BROAD();

    @Message("Transformational")
    String scope_TRANSFORMATIONAL();

    @Message("Summary")
    String scope_SUMMARY();

    @Message("Results")
    String scope_RESULTS();

    @Message("Process")
    String scope_PROCESS();

    @Message("Process and excerpts")
    String scope_EXCERPTS();

    @Message("Physical")
    String risk_PHYSICAL();

    @Message("Legal")
    String risk_LEGAL();

    @Message("Unity")
    String risk_UNITY();

    @Message("Spoilers")
    String risk_SPOILERS();

    @Message("Polarisation")
    String risk_POLARISATION();

    @Message("International")
    String risk_INTERNATIONAL();

    @Message("Moral hazard")
    String sideEffect_MORAL_HAZARD();

    @Message("Contagion")
    String sideEffect_CONTAGION();

    @Message("Other")
    String sideEffect_OTHER();

    @Message("Active")
    String grantStatus_ACTIVE();

    @Message("Revoked")
    String grantStatus_REVOKED();

    @Message("Expired")
    String grantStatus_EXPIRED();

    @Message("Replaced by a wider grant")
    String grantStatus_REPLACED();

    @Message("Pending")
    String requestStatus_PENDING();

    @Message("Approved")
    String requestStatus_APPROVED();

    @Message("Rejected")
    String requestStatus_REJECTED();

    @Message("Expired")
    String requestStatus_EXPIRED();

    @Message("Withdrawn")
    String requestStatus_WITHDRAWN();

    @Message("All")
    String requestStatus_ALL();

    @Message("Any other signed-in user")
    String who_ANY_OTHER_SIGNED_IN_USER();

    @Message("The public (anonymous readers)")
    String who_ANONYMOUS();

    @Message("Header")
    String sectionName_HEADER();

    @Message("Context")
    String sectionName_CONTEXT();

    @Message("Process")
    String sectionName_PROCESS();

    @Message("Results")
    String sectionName_RESULTS();

    @Message("Interviews")
    String sectionName_INTERVIEWS();

    @Message("Entity strength")
    String theme_ENTITY_STRENGTH();

    @Message("Group structure")
    String theme_GROUP_STRUCTURE();

    @Message("Precedents")
    String theme_PRECEDENTS();

    @Message("Motivations")
    String theme_MOTIVATIONS();

    @Message("Trust and incentives")
    String theme_TRUST_AND_INCENTIVES();

    @Message("Red lines")
    String theme_REDLINES();

    @Message("Risks")
    String theme_RISKS();

    @Message("Spoilers")
    String theme_SPOILERS();

    @Message("Victims")
    String theme_VICTIMS();

    @Message("International actors")
    String theme_INTERNATIONAL_ACTORS();

    @Message("Communication and secrecy")
    String theme_COMMUNICATION_AND_SECRECY();

    @Message("Outcomes")
    String theme_OUTCOMES();

    @Message("Moral hazard and contagion")
    String theme_MORAL_HAZARD_AND_CONTAGION();

    @Message("Government official")
    String category_GOVERNMENT_OFFICIAL();

    @Message("Negotiator")
    String category_NEGOTIATOR();

    @Message("Diplomat")
    String category_DIPLOMAT();

    @Message("Clergy")
    String category_CLERGY();

    @Message("NGO staff")
    String category_NGO_STAFF();

    @Message("Expert")
    String category_EXPERT();

    @Message("Community member")
    String category_COMMUNITY_MEMBER();

    @Message("Other")
    String category_OTHER();

    @Message("In person")
    String mode_IN_PERSON();

    @Message("Remote")
    String mode_REMOTE();

    @Message("Pseudonym and descriptor")
    String attribution_DESCRIPTOR();

    @Message("Category only")
    String attribution_CATEGORY();

    @Message("None")
    String attribution_NONE();

    @Message("Lead")
    String role_LEAD();

    @Message("Member")
    String role_MEMBER();

    @Message("Proposed")
    String excerptStatus_PROPOSED();

    @Message("Approved")
    String excerptStatus_APPROVED();

    @Message("Case opened")
    String event_CASE_OPENED();

    @Message("Tier changed")
    String event_TIER_CHANGED();

    @Message("Release of results changed")
    String event_RESULTS_RELEASE_CHANGED();

    @Message("Process entry added")
    String event_PROCESS_ENTRY_ADDED();

    @Message("Interview linked")
    String event_INTERVIEW_LINKED();

    @Message("Grant issued")
    String event_GRANT_ISSUED();

    @Message("Grant revoked")
    String event_GRANT_REVOKED();

    @Message("Grant expired")
    String event_GRANT_EXPIRED();

    @Message("Section edited")
    String event_SECTION_EDITED();

    @Message("Country")
    String facet_country();

    @Message("Status")
    String facet_status();

    @Message("Tier")
    String facet_tier();

    @Message("Negotiating entity")
    String facet_entityType();

    @Message("Criminal group")
    String facet_groupType();

    @Message("an entry is missing")
    String problem_MISSING_ENTRY();

    @Message("the link to the previous entry is broken")
    String problem_PREV_HASH_MISMATCH();

    @Message("the entry was altered")
    String problem_HASH_MISMATCH();

    @Message("Saved.")
    String done_saved();

    @Message("The entry was added.")
    String done_entry_added();

    @Message("Requested: a second secrecy admin must approve it.")
    String done_requested();

    @Message("Changed.")
    String done_changed();

    @Message("Granted.")
    String done_granted();

    @Message("Revoked.")
    String done_revoked();

    @Message("The team was changed.")
    String done_team_changed();

    @Message("Requested: another secrecy admin must approve putting this person on the team.")
    String done_team_requested();

    @Message("Approved and applied.")
    String done_approved();

    @Message("Rejected.")
    String done_rejected();

    @Message("Withdrawn: nobody can approve this request any more.")
    String done_withdrawn();

    @Message("The interview was recorded.")
    String done_recorded();

    @Message("Proposed for sharing.")
    String done_proposed();

    @Message("The excerpt was approved.")
    String done_excerpt_approved();

    @Message("The case was opened. You are its lead.")
    String done_opened();

    @Message("The cases were linked.")
    String done_linked();

    @Message("The link was removed.")
    String done_unlinked();

    // CaseLinkKind, read "this case KIND the other one"

    @Message("Precedent for")
    String linkKind_PRECEDENT_FOR();

    @Message("Contagion to")
    String linkKind_CONTAGION_TO();

    @Message("Deterred")
    String linkKind_DETERRED();

    @Message("Same group as")
    String linkKind_SAME_GROUP();

    @Message("Followed up by")
    String linkKind_FOLLOW_UP();

    @Message("Some values are not valid.")
    String err_invalid();

    @Message("You may not make this change.")
    String err_forbidden();

    @Message("This was already decided or cannot change any more.")
    String err_conflict();

    @Message(
            "This organisation already holds a grant on this case at least as wide and as long: to narrow it, revoke it first.")
    String err_grant_held();

    @Message("Someone changed this meanwhile: please look again and redo your change.")
    String err_stale();

    @Message("The change could not be made. Please try again.")
    String err_failed();

    @Message("Create")
    String importAction_CREATE();

    @Message("Update")
    String importAction_UPDATE();

    @Message("Unchanged")
    String importAction_UNCHANGED();

    @Message("Error")
    String importAction_ERROR();

    @Message("Cases (JSON)")
    String importKind_cases_json();

    @Message("Cases (CSV)")
    String importKind_cases_csv();

    @Message("Interviews (JSON)")
    String importKind_interviews_json();

    @Message("Please fill this in.")
    String fielderr_required();

    @Message("Use visible text of at most 300 characters.")
    String fielderr_title();

    @Message("Enter a two-letter ISO country code, such as SV for El Salvador or CO for Colombia.")
    String fielderr_country();

    @Message("Use visible text of at most 10,000 characters.")
    String fielderr_text();

    @Message("Enter a date from 1 January 1900 up to one year from today.")
    String fielderr_date();

    @Message("The end cannot be before the start.")
    String fielderr_before_start();

    @Message("Choose one of the values offered.")
    String fielderr_choice();

    @Message("Yes")
    String yesno_YES();

    @Message("No")
    String yesno_NO();

    @Message("Not stated")
    String yesno_UNKNOWN();

    @Message("Before")
    String chart_before();

    @Message("After")
    String chart_after();

    @Message("index, before = 100")
    String chart_index();

    @Message("The process timeline, from the first to the last dated entry")
    String section_timeline_strip();

    @Message("Case opened")
    String ledgerType_CaseOpened();

    @Message("Case section edited")
    String ledgerType_CaseSectionEdited();

    @Message("Process entry added")
    String ledgerType_ProcessEntryAdded();

    @Message("Case deleted")
    String ledgerType_CaseDeleted();

    @Message("Case policy recorded")
    String ledgerType_CasePolicyRecorded();

    @Message("Tier changed")
    String ledgerType_TierChanged();

    @Message("Results release changed")
    String ledgerType_ResultsReleaseChanged();

    @Message("Grant issued")
    String ledgerType_GrantIssued();

    @Message("Grant revoked")
    String ledgerType_GrantRevoked();

    @Message("Grant expired")
    String ledgerType_GrantExpired();

    @Message("Team member added")
    String ledgerType_TeamMemberAdded();

    @Message("Team member removed")
    String ledgerType_TeamMemberRemoved();

    @Message("Secrecy change requested")
    String ledgerType_SecrecyChangeRequested();

    @Message("Secrecy change approved")
    String ledgerType_SecrecyChangeApproved();

    @Message("Secrecy change rejected")
    String ledgerType_SecrecyChangeRejected();

    @Message("Secrecy change withdrawn")
    String ledgerType_SecrecyChangeWithdrawn();

    @Message("Organisation registered")
    String ledgerType_OrganisationRegistered();

    @Message("Interview recorded")
    String ledgerType_InterviewRecorded();

    @Message("Interview updated")
    String ledgerType_InterviewUpdated();

    @Message("Interview linked")
    String ledgerType_InterviewLinked();

    @Message("Excerpt proposed")
    String ledgerType_ExcerptProposed();

    @Message("Excerpt approved")
    String ledgerType_ExcerptApproved();

    @Message("Identity revealed")
    String ledgerType_IdentityRevealed();

    @Message("Excerpt withdrawn")
    String ledgerType_ExcerptWithdrawn();

    @Message("Restricted read")
    String ledgerType_RestrictedRead();

    @Message("Access denied")
    String ledgerType_AccessDenied();

    @Message("Export made")
    String ledgerType_ExportMade();

    @Message("Import made")
    String ledgerType_ImportMade();

    @Message("Interview lookup")
    String ledgerType_InterviewLookupMade();

    @Message("Cases linked")
    String ledgerType_CaseLinked();

    @Message("Cases unlinked")
    String ledgerType_CaseUnlinked();

    // --- an interview's life (issue 19) ---

    @Message("The withdrawal of consent was recorded: partners no longer see any excerpt of this interview.")
    String done_consent_withdrawn();
}
