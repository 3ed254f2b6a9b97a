package org.parley.events.ledger;

import java.time.Instant;

/**
 * One ledger entry as stored and hashed: ids, types, times and hashes, never content.
 *
 * @param caseId null for events about no case
 * @param owningOrganisation the case's owner when the entry was written; null when unknown then
 * @param eventDigest SHA-256 (hex) of the event's deterministic protobuf bytes
 */
public record LedgerEntry(
        long sequence,
        String eventId,
        String type,
        String caseId,
        String actorSubject,
        String actorOrganisation,
        String owningOrganisation,
        Instant occurredAt,
        Instant recordedAt,
        String eventDigest,
        String prevHash,
        String hash) {}
