package org.parley.projection;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Freshness follows applied events' occurred_at, never moves back, never runs ahead of the clock. */
class PolicyProjectionFreshnessTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private PolicyProjection projection;
    /** What the other replicas recorded in the shared database (null: nothing yet). */
    private Instant shared;

    private boolean sharedUnreadable;
    private int sharedReads;

    @BeforeEach
    void projection() {
        ProjectionConfig fifteenSeconds = () -> Duration.ofSeconds(15);
        // No database: the shared watermark is replaced below, and nothing here writes.
        projection = new PolicyProjection(null, fifteenSeconds, clock, null);
        projection.sharedReadInterval = Duration.ZERO;
        projection.sharedWatermark = () -> {
            sharedReads++;
            if (sharedUnreadable) {
                throw new SQLException("database down");
            }
            return shared;
        };
    }

    @Test
    void aReplicaThatReceivesNothingIsFreshWhileAnotherReplicaHearsAccess() {
        assertThat(projection.isStale()).isTrue();
        shared = clock.instant().minusSeconds(3); // another replica applied a heartbeat 3 s ago
        assertThat(projection.lastHeardFromAccess()).isNull();
        assertThat(projection.isStale()).isFalse();
        clock.advance(Duration.ofSeconds(13));
        assertThat(projection.isStale()).isTrue(); // 16 s since anyone heard access
        shared = clock.instant();
        assertThat(projection.isStale()).isFalse();
    }

    @Test
    void anUnreadableSharedWatermarkFailsClosed() {
        shared = clock.instant();
        sharedUnreadable = true;
        assertThat(projection.isStale()).isTrue();
        sharedUnreadable = false;
        assertThat(projection.isStale()).isFalse();
    }

    @Test
    void theSharedWatermarkIsNotReadWhileThisProcessIsFreshAndAtMostOncePerInterval() {
        projection.heardFromAccess(clock.instant());
        projection.isStale();
        assertThat(sharedReads).isZero();
        projection.sharedReadInterval = Duration.ofHours(1);
        clock.advance(Duration.ofSeconds(20));
        for (int i = 0; i < 100; i++) {
            projection.isStale();
        }
        assertThat(sharedReads).isEqualTo(1);
    }

    @Test
    void staleUntilAccessIsHeardFrom() {
        assertThat(projection.isStale()).isTrue();
        projection.heardFromAccess(clock.instant());
        assertThat(projection.isStale()).isFalse();
        clock.advance(Duration.ofSeconds(16));
        assertThat(projection.isStale()).isTrue();
    }

    @Test
    void aReplayedOldBacklogDoesNotCountAsFresh() {
        projection.heardFromAccess(clock.instant().minus(Duration.ofMinutes(10)));
        assertThat(projection.isStale()).isTrue();
        projection.heardFromAccess(clock.instant().minusSeconds(5));
        assertThat(projection.isStale()).isFalse();
    }

    @Test
    void freshnessNeverMovesBackNorPastTheClock() {
        projection.heardFromAccess(clock.instant());
        projection.heardFromAccess(clock.instant().minus(Duration.ofMinutes(1)));
        assertThat(projection.lastHeardFromAccess()).isEqualTo(clock.instant());
        projection.heardFromAccess(clock.instant().plus(Duration.ofHours(1))); // access's clock runs ahead
        assertThat(projection.lastHeardFromAccess()).isEqualTo(clock.instant());
        clock.advance(Duration.ofSeconds(16));
        assertThat(projection.isStale()).isTrue();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
