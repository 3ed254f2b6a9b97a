package org.parley.console.clients;

import java.util.List;
import java.util.Map;

/** The events service's documents: ids, types, times and hashes, never content. */
public final class Events {

    private Events() {}

    public record Timeline(String caseId, List<Entry> entries) {}

    public record Entry(String eventId, String kind, String occurredAt, Map<String, Object> details) {
        /** A detail as text, or "" when absent. */
        public String detail(String key) {
            Object value = details == null ? null : details.get(key);
            return value == null ? "" : value.toString();
        }
    }

    public record LedgerPage(List<LedgerEntry> items, String nextCursor) {}

    public record LedgerEntry(
            long sequence,
            String eventId,
            String type,
            String caseId,
            String actorSubject,
            String actorOrganisation,
            String owningOrganisation,
            String occurredAt,
            String recordedAt,
            String eventDigest,
            String prevHash,
            String hash) {}

    public record Verification(
            boolean valid,
            long entriesChecked,
            BrokenLink firstBrokenLink,
            Head head,
            long checkpointsChecked,
            List<CheckpointProblem> invalidCheckpoints) {}

    public record BrokenLink(long sequence, String problem, String expected, String found) {}

    public record Head(boolean consistent, long headSequence, long lastEntrySequence) {}

    public record CheckpointProblem(long sequence, String problem) {}
}
