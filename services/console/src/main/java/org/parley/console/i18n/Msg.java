package org.parley.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the console's pages, English by default; Spanish in {@code messages/msg_es.properties}.
 * (Qute generates one resolver per bundle; a bundle stays under 300 messages.)
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message("Actions")
    String actions();

    @Message("Actor")
    String actor();

    @Message("Actor's organisation")
    String actor_organisation();

    @Message("Add")
    String add();

    @Message("Put someone on the team")
    String add_member();

    @Message("Add a timeline entry")
    String add_timeline_entry();

    @Message("This address is not valid: a '%' in it must be followed by two hexadecimal digits, and some characters"
            + " must be written with one. Check the link, or start again from the start page.")
    String address_not_valid_text();

    @Message("Address not valid")
    String address_not_valid_title();

    @Message("Any")
    String any();

    @Message("Apply or request")
    String apply_or_request();

    @Message("Approve")
    String approve();

    @Message("Approved excerpts")
    String approved_excerpts();

    @Message("Attribution")
    String attribution();

    @Message("Back to the start page")
    String back_home();

    @Message("First broken link at entry")
    String broken_at();

    @Message("Case id")
    String case_id();

    @Message("Case")
    String case_label();

    @Message("The cases you may see: yours, those shared with you and those that are public.")
    String cases_intro();

    @Message("Cases")
    String cases_title();

    @Message("Category")
    String category();

    @Message("The ledger chain does NOT verify.")
    String chain_broken();

    @Message("The ledger chain verifies.")
    String chain_valid();

    @Message("Change")
    String change();

    @Message("Change the tier")
    String change_tier();

    @Message("Tier to")
    String change_tier_to();

    @Message("index, before = 100")
    String chart_index();

    @Message("Clear filters")
    String clear_filters();

    @Message("Consent")
    String consent();

    @Message("Contact")
    String contact();

    @Message("Content")
    String content();

    @Message("Country")
    String country();

    @Message("Country (ISO code, e.g. CO)")
    String country_code();

    @Message("Date")
    String date();

    @Message("Decide")
    String decide();

    @Message("Decided by")
    String decided_by();

    @Message("Descriptor")
    String descriptor();

    @Message("Who they are without naming them, e.g. \"ex-Colombian government official\".")
    String descriptor_hint();

    @Message("Who would gain or lose which sections if this request were approved.")
    String dry_run_intro();

    @Message("Nobody's view would change.")
    String dry_run_none();

    @Message("Approved excerpts this grant would show to {organisation}'s users")
    String opening_title(String organisation);

    @Message("Excerpt {number} of the interview of {month} (interview {reference}…)")
    String opening_item(int number, String month, String reference);

    @Message("No approved excerpt would become visible (excerpts approved later will be, while the grant lasts).")
    String opening_none();

    @Message(
            "Only numbers and dates are shown: secrecy admins never read interviews. An interview also linked to other cases counts only if the organisation may already read excerpts on all of them.")
    String opening_note();

    @Message("The interviews service did not answer: which excerpts would become visible is unknown for now.")
    String opening_unavailable();

    @Message("Dry run")
    String dry_run_title();

    @Message("Header")
    String edit_header();

    @Message("Measured effects")
    String effects();

    @Message("End")
    String end();

    @Message("Event type")
    String event_type();

    @Message("Excerpts")
    String excerpts();

    @Message(
            "Quotes from interviews that the case teams approved for sharing with your organisation, attributed as each interviewee consented, case by case. You can also enter an interview reference a case team gave you.")
    String excerpts_intro();

    @Message("Expires")
    String expires();

    @Message("Expires on (optional)")
    String expires_optional();

    @Message("The request could not be completed. Please try again.")
    String failed_text();

    @Message("The service answered:")
    String service_answered();

    @Message("Something went wrong")
    String failed_title();

    @Message("Not accepted")
    String refused_title();

    @Message("The service did not accept this request: asking again the same way will not help.")
    String refused_text();

    @Message("Check these values:")
    String refused_fields();

    @Message("check")
    String fields_named();

    @Message("Filter by status")
    String filter_by_status();

    @Message("Filter interviews")
    String filter_interviews();

    @Message("Filter the ledger")
    String filter_ledger();

    @Message("Parley · cases and interviews are shown only to those allowed to see them.")
    String footer();

    @Message("Your account may not use this page or make this change.")
    String forbidden_text();

    @Message("Not allowed")
    String forbidden_title();

    @Message(
            "This form was opened before another page of the console and has expired. Go back, reload the page and try again.")
    String form_expired_text();

    @Message("This form has expired")
    String form_expired_title();

    @Message("From")
    String from();

    @Message("Gains")
    String gains();

    @Message("SUMMARY and RESULTS apply at once; PROCESS and EXCERPTS need a second secrecy admin.")
    String grant_hint();

    @Message("Grant to")
    String grant_to();

    @Message("Put on the team:")
    String join_team();

    @Message("Grants")
    String grants();

    @Message("Hash")
    String hash();

    @Message("The chain head does not match its last entry.")
    String head_inconsistent();

    @Message("The history is not available right now.")
    String history_unavailable();

    @Message("Your cases, search and facets.")
    String home_cases();

    @Message("Interview excerpts approved for sharing.")
    String home_excerpts();

    @Message("Reveal an interviewee's identity, with a reason.")
    String home_identity();

    @Message("Read and search the interviews of your cases.")
    String home_interviews();

    @Message(
            "A case tracker for research on negotiations with criminal groups. What you see depends on who you are: every rule is applied by the service that holds the data.")
    String home_intro();

    @Message("The audit ledger and its verification.")
    String home_ledger();

    @Message("Record consent terms, themes and the cases it belongs to.")
    String home_log_interview();

    @Message("The cases shared with your organisation.")
    String home_partner_cases();

    @Message("What is public, for everyone.")
    String home_register();

    @Message("Requests waiting for a second approver.")
    String home_requests();

    @Message("Staff, partners, admins and auditors.")
    String home_sign_in();

    @Message("Signed in as")
    String home_signed_in_as();

    @Message("Welcome to Parley")
    String home_title();

    @Message("Goes to the identity vault only; nobody but the identity custodian can read it.")
    String identity_hint();

    @Message("Every reveal is recorded with its reason. Use it only when you must.")
    String identity_intro();

    @Message("Real identity (optional)")
    String identity_optional();

    @Message("Indicator")
    String indicator();

    @Message("The interview")
    String interview_details();

    @Message("Interviewees are recorded without names: give a pseudonym and a descriptor.")
    String interview_form_intro();

    @Message("Interview reference")
    String interview_reference();

    @Message("The interview's id, as given by the case team.")
    String interview_reference_hint();

    @Message("Interviewee")
    String interviewee();

    @Message("Interviewers")
    String interviewers();

    @Message("Interviews whose every linked case has you on its team.")
    String interviews_intro();

    @Message("Interviews")
    String interviews_title();

    @Message("Invalid checkpoints")
    String invalid_checkpoints();

    @Message("A filter is not valid; check the case id and the dates.")
    String invalid_filter();

    @Message("Grant a partner access")
    String issue_grant();

    @Message("Kind")
    String kind();

    @Message("Language (e.g. es, pt-BR)")
    String language();

    @Message("Every event, hash-chained: ids, types and times, never content.")
    String ledger_intro();

    @Message("Linked cases")
    String linked_cases();

    @Message("You must be on the team of every case you link.")
    String linked_cases_hint();

    @Message("Tightening applies at once; loosening files a request that a second secrecy admin must approve.")
    String loosening_hint();

    @Message("Loses")
    String loses();

    @Message("May be quoted")
    String may_quote();

    @Message("Quotes may be shared with partners")
    String may_share();

    @Message("Mode")
    String mode();

    @Message("Month")
    String month();

    @Message("Name")
    String name();

    @Message("Cases")
    String nav_cases();

    @Message("Compare")
    String nav_compare();

    @Message("Compare cases")
    String compare_title();

    @Message(
            "Compare the cases you may see along the codebook's coded dimensions: side by side, two dimensions counted against each other, and a truth table. A value shows and counts only where you may see its section.")
    String compare_intro();

    @Message("Cases side by side")
    String compare_matrix_heading();

    @Message("Dimensions")
    String compare_dims();

    @Message("Case")
    String compare_matrix_case();

    @Message("{#if total == 1}1 case you may see{#else}{total} cases you may see{/if}")
    String compare_matrix_total(long total);

    @Message("Not visible to you")
    String compare_hidden();

    @Message("Download this page as CSV")
    String compare_csv();

    @Message("Two dimensions counted against each other")
    String compare_crosstab_heading();

    @Message("Truth table")
    String compare_truthtable_heading();

    @Message("Outcome")
    String compare_outcome();

    @Message("Cases")
    String compare_cases();

    @Message("The conditions are the chosen dimensions other than the outcome, at most {max}; the rest are left out.")
    String compare_conditions_cut(int max);

    @Message("Click a column's heading to sort by it.")
    String compare_sort_hint();

    @Message("Comparable cases")
    String section_comparable();

    @Message("The cases you may see most like this one, compared only on what you may see of both.")
    String comparable_intro();

    @Message("Alike in")
    String comparable_matching();

    @Message("Different in")
    String comparable_differing();

    @Message("No case you may see can be compared with this one yet.")
    String comparable_none();

    @Message("Links to other cases")
    String section_links();

    @Message("No link to a case you may see.")
    String links_none();

    @Message("Link this case to another")
    String link_add();

    @Message("Other case")
    String link_target();

    @Message("Find a case to link to (words of its title or text)")
    String link_search();

    @Message("No case you may see matches these words.")
    String link_search_none();

    @Message("More links")
    String links_more();

    @Message("First links")
    String links_first();

    @Message("What this case was for the other")
    String link_kind();

    @Message("this case")
    String link_this_case();

    @Message("Rows")
    String compare_rows();

    @Message("Columns")
    String compare_cols();

    @Message("Count")
    String compare_button();

    @Message("{#if total == 1}1 case counted{#else}{total} cases counted{/if}")
    String compare_total(long total);

    @Message("Not coded")
    String compare_uncoded();

    @Message("No case you may see has both dimensions' sections visible to you.")
    String compare_empty();

    @Message("Effects across cases")
    String compare_effects_heading();

    @Message("Indicator")
    String compare_indicator();

    @Message("No case whose results you may see has this indicator with a figure before and after.")
    String compare_effects_none();

    @Message("Excerpts")
    String nav_excerpts();

    @Message("Identity vault")
    String nav_identity();

    @Message("Interviews")
    String nav_interviews();

    @Message("Main")
    String nav_label();

    @Message("Audit ledger")
    String nav_ledger();

    @Message("Log an interview")
    String nav_log_interview();

    @Message("Public register")
    String nav_register();

    @Message("Approvals")
    String nav_requests();

    @Message("Shared cases")
    String nav_shared_cases();

    @Message("New case")
    String new_case();

    @Message("Open a new case")
    String new_case_title();

    @Message("You will be the case's lead. It is born secret: only its team and your organisation's secrecy admins"
            + " know it exists until a secrecy admin changes its tier.")
    String new_case_intro();

    @Message("Choose…")
    String choose();

    @Message("Cancel")
    String cancel();

    @Message("Open the case")
    String open_case();

    @Message("The cases service refused a value this form does not show: please try again, or tell an administrator.")
    String new_case_other_problem();

    @Message("New tier")
    String new_tier();

    @Message("Next page")
    String next_page();

    @Message("There are no cases you can link.")
    String no_cases_to_link();

    @Message("No entries match.")
    String no_entries();

    @Message("No excerpts.")
    String no_excerpts();

    @Message("No grants.")
    String no_grants();

    @Message("Nothing recorded yet.")
    String no_history();

    @Message("No interviews.")
    String no_interviews();

    @Message("No requests.")
    String no_requests();

    @Message("No cases match.")
    String no_results();

    @Message("No timeline entries yet.")
    String no_timeline();

    @Message("There is nothing here. The address may be wrong, or what it named is not available to you.")
    String not_found_text();

    @Message("Not found")
    String not_found_title();

    @Message("Not released")
    String not_released();

    @Message("Notes")
    String notes();

    @Message("Nothing")
    String nothing();

    @Message("Occurred")
    String occurred();

    @Message("On this page")
    String on_this_page();

    @Message("One per line.")
    String one_per_line();

    @Message("ongoing")
    String ongoing();

    @Message("open the interview")
    String open_interview();

    @Message("Organisation")
    String organisation();

    @Message(
            "You filed this request, so you do not decide on it: a different secrecy admin approves or rejects it. Withdrawing ends it; nobody can approve it afterwards.")
    String own_request();

    @Message("Owner")
    String owner();

    @Message("Period")
    String period();

    @Message("Policy version")
    String policy_version();

    @Message("Timeline")
    String process_timeline();

    @Message("Propose for sharing")
    String propose_excerpt();

    @Message("Pseudonym")
    String pseudonym();

    @Message("e.g. \"Official B\"; never a real name.")
    String pseudonym_hint();

    @Message("Quotes")
    String quotes();

    @Message("One quote per line; they are numbered in order.")
    String quotes_hint();

    @Message("Name")
    String real_name();

    @Message("Reason")
    String reason();

    @Message("Reason (optional)")
    String reason_optional();

    @Message("Record the interview")
    String record_interview();

    @Message("Region")
    String region();

    @Message("Cases whose existence or results have been made public.")
    String register_intro();

    @Message("Public register")
    String register_title();

    @Message("Reject")
    String reject();

    @Message("Withdraw the request")
    String withdraw();

    @Message("Release the results")
    String release_results();

    @Message("Released")
    String released();

    @Message("Remove")
    String remove();

    @Message("Secrecy change request")
    String request_title();

    @Message("Requested")
    String requested_at();

    @Message("Requested by")
    String requested_by();

    @Message("by")
    String edited_by();

    @Message("a former team member")
    String former_team_member();

    @Message("Loosening changes wait here for a second secrecy admin.")
    String requests_intro();

    @Message("Approvals")
    String requests_title();

    @Message("Results released")
    String results_released();

    @Message("Reveal the identity")
    String reveal();

    @Message("Recorded with the reveal, e.g. a court order's reference.")
    String reveal_reason_hint();

    @Message("Shown once. This reveal has been recorded.")
    String revealed_hint();

    @Message("Identity")
    String revealed_identity();

    @Message("Revoke")
    String revoke();

    @Message("Role")
    String role();

    @Message("Save")
    String save();

    @Message("Scope")
    String scope();

    @Message("Search")
    String search_button();

    @Message("Search")
    String search_label();

    @Message("words, \"phrases\", -excluded")
    String search_placeholder();

    @Message("Secrecy admins")
    String secrecy_admins();

    @Message("Tier, release of results and grants of this case.")
    String secrecy_intro();

    @Message("Context")
    String section_context();

    @Message("Edit")
    String section_edit();

    @Message("Nothing written yet.")
    String section_empty();

    @Message("History")
    String section_history();

    @Message("Interviews")
    String section_interviews();

    @Message("Process")
    String section_process();

    @Message("Results")
    String section_results();

    @Message("Secrecy")
    String section_secrecy();

    @Message("Team")
    String section_team();

    @Message("The process timeline, from the first to the last dated entry")
    String section_timeline_strip();

    @Message("Sees after")
    String sees_after();

    @Message("The cases shared with your organisation, and the public ones.")
    String shared_cases_intro();

    @Message("Shared cases")
    String shared_cases_title();

    @Message(
            "Quotes from this case's interviews that the case team approved for sharing with your organisation, attributed as each interviewee consented.")
    String shared_excerpts_intro();

    @Message("My cases")
    String my_cases_title();

    @Message("My cases")
    String nav_my_cases();

    @Message("Only cases whose team I am on")
    String only_my_cases();

    @Message("Who revealed this identity, and why")
    String reveal_log();

    @Message("You")
    String you();

    @Message("Shared with your organisation")
    String shared_with_you();

    @Message("Show excerpts")
    String show_excerpts();

    @Message("Sign in")
    String sign_in();

    @Message("Your session has ended. Please sign in again.")
    String sign_in_again_text();

    @Message("Please sign in again")
    String sign_in_again_title();

    @Message("Sign out")
    String sign_out();

    @Message("Signing out ends your session in the console and at the sign-in service.")
    String sign_out_text();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Start")
    String start();

    @Message("Status")
    String status();

    @Message("Summary")
    String summary();

    @Message("Research question")
    String research_question();

    @Message("Research questions")
    String research_questions();

    @Message("The research questions it informs")
    String research_questions_hint();

    @Message("Theme")
    String theme();

    @Message("Themes")
    String themes();

    @Message("Tier")
    String tier();

    @Message("Title")
    String title();

    @Message("To")
    String to();

    @Message("Transcript")
    String transcript();

    @Message("unattributed")
    String unattributed();

    @Message("A service is briefly unavailable. Please try again in a moment.")
    String unavailable_text();

    @Message("A service has answered \"not found\" to you too often in the last minute, and answers nothing else"
            + " until the minute is over. Please wait, then try again.")
    String too_many_text();

    @Message("Too many requests")
    String too_many_title();

    @Message("Temporarily unavailable")
    String unavailable_title();

    @Message("Username")
    String username();

    @Message("When")
    String when();

    @Message("Who")
    String who();

    @Message("Anyone else at")
    String who_other_of();

    @Message("{entries} entries and {checkpoints} signed checkpoints checked.")
    String chain_checked(long entries, long checkpoints);

    @Message(
            "{#if count == 1}One other viewer would see no change.{#else}{count} other viewers would see no change.{/if}")
    String dry_run_unchanged(int count);

    @Message("{#if total == 1}1 interview{#else}{total} interviews{/if}")
    String interviews_count(long total);

    @Message("{#if total == 1}1 case{#else}{total} cases{/if}")
    String results_count(long total);
}
