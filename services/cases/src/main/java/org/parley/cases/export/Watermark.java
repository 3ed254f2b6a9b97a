package org.parley.cases.export;

import java.time.Instant;

import io.quarkus.security.identity.SecurityIdentity;
import org.parley.policy.Viewer;

/**
 * What marks an export as one reader's: who, when, and the ledger entry that records it.
 *
 * @param reader the reader's user name (the token's {@code preferred_username}), or their subject when it has none
 * @param ledger the ledger id: the event id of the export's {@code ExportMade}, the {@code eventId} of its entry in
 *     {@code GET /ledger}
 */
public record Watermark(String reader, String subject, Instant at, String ledger) {

    /** The name a watermark gives the reader: their user name, or their subject when the token names none. */
    public static String readerName(SecurityIdentity identity, Viewer reader) {
        String name =
                identity.getPrincipal() == null ? null : identity.getPrincipal().getName();
        return name == null || name.isBlank() ? reader.subject() : name;
    }
}
