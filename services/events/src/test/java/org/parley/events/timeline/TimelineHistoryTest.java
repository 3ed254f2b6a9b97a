package org.parley.events.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.events.api.TimelineKind;
import org.parley.policy.CaseHistory.GrantPeriod;

import static org.assertj.core.api.Assertions.assertThat;

/** A grant's life as read off the timeline: a replaced grant ends when its wider successor is issued. */
class TimelineHistoryTest {

    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant REPLACED = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant REVOKED = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void aReplacedGrantEndsWhenTheWiderOneIsIssuedSoARevocationEndsTheOrganisationsAccess() {
        List<StoredEntry> entries = List.of(
                entry(TimelineKind.GRANT_ISSUED, ISSUED, Map.of("grantId", "g1")),
                entry(TimelineKind.GRANT_ISSUED, REPLACED, Map.of("grantId", "g2", TimelineHistory.REPLACES, "g1")),
                entry(TimelineKind.GRANT_REVOKED, REVOKED, Map.of("grantId", "g2")));

        assertThat(TimelineHistory.grants(entries))
                .containsExactly(new GrantPeriod("oas", ISSUED, REPLACED), new GrantPeriod("oas", REPLACED, REVOKED));
    }

    @Test
    void aGrantReplacingOneTheTimelineNeverSawStillCounts() {
        List<StoredEntry> entries = List.of(
                entry(TimelineKind.GRANT_ISSUED, REPLACED, Map.of("grantId", "g2", TimelineHistory.REPLACES, "gone")));

        assertThat(TimelineHistory.grants(entries)).containsExactly(new GrantPeriod("oas", REPLACED, null));
    }

    private static StoredEntry entry(TimelineKind kind, Instant at, Map<String, Object> details) {
        return new StoredEntry(kind + "-" + at, kind, at, "oas", details);
    }
}
