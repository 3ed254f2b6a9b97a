package org.parley.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the "To do" page and its count in the navigation ({@code {todo:...}} in templates) that {@link Msg}
 * does not have. English by default, Spanish in {@code messages/todo_es.properties}.
 */
@MessageBundle(value = "todomsg", locale = "en")
public interface TodoMsg {

    @Message("To do")
    String title();

    @Message("{count} waiting")
    String count_label(int count);

    @Message("What waits for you, from the services that own it: only what you may see is listed or counted.")
    String intro();

    @Message("Nothing waits for you.")
    String nothing();

    @Message("Requests waiting for your decision")
    String requests_waiting();

    @Message("No request waits for you: those you made wait for another secrecy admin.")
    String no_requests();

    @Message("Grants expiring within {days} days")
    String expiring_grants(int days);

    @Message("No grant on your organisation's cases expires within {days} days.")
    String no_expiring(int days);

    @Message("Excerpts waiting for your approval")
    String excerpts_waiting();

    @Message("No proposed excerpt waits for your approval.")
    String no_excerpts_waiting();

    @Message("Quote")
    String quote();

    @Message("Proposed")
    String proposed_at();

    @Message("Interview")
    String interview();

    @Message("Newly shared with your organisation")
    String newly_shared();

    @Message("Since your last visit to this page ({when}).")
    String since_last_visit(String when);

    @Message("Everything shared with your organisation so far: this is your first visit to this page.")
    String first_visit();

    @Message("From now on, these are no longer new.")
    String no_longer_new();

    @Message("Cases")
    String shared_cases();

    @Message("No case newly shared.")
    String no_shared_cases();

    @Message("Excerpts")
    String shared_excerpts();

    @Message("No excerpt newly shared.")
    String no_shared_excerpts();

    @Message("Shared")
    String shared_at();

    @Message("Approved")
    String approved_at();

    @Message("Nothing waits for your approval. Your reveals of the last {days} days")
    String recent_reveals(int days);

    @Message("No reveal in the last {days} days.")
    String no_recent_reveals(int days);

    @Message("Revealed")
    String revealed_at();

    @Message("Issued by")
    String issued_by();

    @Message("A case you may not open")
    String untitled_case();
}
