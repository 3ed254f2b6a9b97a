package org.parley.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the auditor's ledger pages ({@code {ledger:...}} in templates) that {@link Msg} does not have,
 * English by default, Spanish in {@code messages/ledger_es.properties}. The event types' names are {@link Labels}
 * ({@code ledgerType_*}).
 */
@MessageBundle(value = "ledger", locale = "en")
public interface LedgerMsg {

    @Message("Any type")
    String any_type();

    @Message("Ledger entry {sequence}")
    String entry_title(long sequence);

    @Message("Sequence")
    String sequence();

    @Message("Event id")
    String event_id();

    @Message("Recorded")
    String recorded();

    @Message("Event digest (SHA-256 of the event)")
    String event_digest();

    @Message("Previous hash")
    String prev_hash();

    @Message("Checkpoint")
    String checkpoint();

    @Message("Signed at sequence {sequence}: the signature covers this entry and every one before it.")
    String checkpoint_covers(long sequence);

    @Message("No signed checkpoint covers this entry yet; one follows within the checkpoint interval.")
    String no_checkpoint();

    @Message("Signed")
    String signed_at();

    @Message("Key")
    String key_id();

    @Message("Signature")
    String signature();

    @Message("Public key of the checkpoints")
    String public_key();

    @Message("Download these dates with their proof (JSON Lines)")
    String export_link();

    @Message(
            "Verify the file offline: ./parley verify-ledger FILE --public-key KEY (the key is on every entry's page).")
    String export_help();

    @Message("These filters are not valid:")
    String invalid_fields();

    @Message("Details")
    String details();

    @Message("Back to the ledger")
    String back_to_ledger();

    @Message("Newest first.")
    String newest_first();
}
