package org.parley.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the identity custodian's page ({@code {vault:...}} in templates) that {@link Msg} does not have: the
 * lookup that leads to a reveal. English by default, Spanish in {@code messages/vault_es.properties}.
 */
@MessageBundle(value = "vault", locale = "en")
public interface VaultMsg {

    @Message("Find the interview")
    String lookup_title();

    @Message(
            "By pseudonym, month, category or country. Only each interview's pseudonym, month and number of linked cases are shown; every search is recorded in the audit ledger (how many matched, never what you typed).")
    String lookup_intro();

    @Message("Pseudonym, or part of it")
    String pseudonym_part();

    @Message("From (month)")
    String from_month();

    @Message("To (month)")
    String to_month();

    @Message("Find")
    String find();

    @Message("{#if total == 1}1 interview found{#else}{total} interviews found{/if}")
    String found(long total);

    @Message("No interview matches.")
    String no_matches();

    @Message("Reveal")
    String reveal_this();

    @Message("Reveal the identity behind {pseudonym}")
    String reveal_this_label(String pseudonym);

    @Message("More results")
    String more();

    @Message("These search values are not valid:")
    String invalid_fields();

    @Message("Reveal an identity")
    String reveal_title();

    @Message("No interview has this reference. Check it, or find the interview above.")
    String not_found();
}
