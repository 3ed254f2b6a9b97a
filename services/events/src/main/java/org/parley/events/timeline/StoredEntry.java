package org.parley.events.timeline;

import java.time.Instant;
import java.util.Map;

import org.parley.events.api.TimelineKind;

/**
 * One {@code timeline_entry} row as read back, before any reader's filter.
 *
 * @param grantOrganisation the grantee organisation of a grant entry; null for every other kind
 */
record StoredEntry(
        String eventId, TimelineKind kind, Instant occurredAt, String grantOrganisation, Map<String, Object> details) {

    /** A detail as text, or null when absent. */
    String detail(String name) {
        Object value = details.get(name);
        return value == null ? null : value.toString();
    }
}
