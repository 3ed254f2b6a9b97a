package org.parley.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of an interview's life ({@code {iv:...}} in templates) that {@link Msg} does not have: editing it, a
 * conflict with a newer version, the withdrawal of consent, its versions. English by default, Spanish in
 * {@code messages/iv_es.properties}.
 */
@MessageBundle(value = "iv", locale = "en")
public interface InterviewMsg {

    @Message("Edit")
    String edit();

    @Message("Edit the interview")
    String edit_title();

    @Message(
            "Every field can be changed. A change of consent, pseudonym, descriptor or category takes the approved excerpts from partners until the lead approves them again.")
    String edit_intro();

    @Message("Back to the interview")
    String back_to_interview();

    @Message("Save changes")
    String save_changes();

    @Message(
            "Someone saved a newer version while you were editing. Your values are kept below; the newer ones are shown beside each field that differs. Save again to replace them with yours.")
    String conflict();

    @Message("Saved meanwhile:")
    String newer_value();

    @Message("Some values were not accepted: they are marked below, as you typed them.")
    String invalid_fields();

    @Message("This value was not accepted.")
    String field_invalid();

    @Message("Find a case of your team (words of its title or text)")
    String case_search();

    @Message("Find")
    String find_cases();

    @Message("No case of your team matches these words.")
    String case_search_none();

    @Message("Record a withdrawal of consent")
    String withdraw_title();

    @Message(
            "When the interviewee withdraws consent, record it here. Every approved excerpt of this interview stops being shown to partners at once, and the audit ledger records it.")
    String withdraw_intro();

    @Message("Which consent was withdrawn")
    String withdraw_what();

    @Message("To be quoted")
    String withdraw_quote();

    @Message("To be shared with partners")
    String withdraw_share();

    @Message("Both")
    String withdraw_both();

    @Message("I confirm that the interviewee withdrew this consent.")
    String withdraw_confirm();

    @Message("Record the withdrawal")
    String withdraw_button();

    @Message("Versions")
    String history_title();

    @Message("Version {n}")
    String version_n(long n);

    @Message("recorded")
    String history_recorded();

    @Message("changed:")
    String history_changed();

    @Message("saved without a change")
    String history_nothing();

    @Message("The versions cannot be shown right now.")
    String history_unavailable();
}
