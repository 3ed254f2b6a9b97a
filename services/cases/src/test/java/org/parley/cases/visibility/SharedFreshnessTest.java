package org.parley.cases.visibility;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.CasesTestResource;
import org.parley.testing.Jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Heartbeats across replicas. The replica that receives access's single partition writes its freshness to the service's database, in
 * the transaction that applies the event, so the other replicas (which receive nothing) stay fresh too.
 * How a replica reads it is tested in parley-messaging (PolicyProjectionFreshnessTest).
 */
@QuarkusTest
class SharedFreshnessTest {

    static final Class<?> STACK = CasesTestResource.class;

    @Test
    void everyAppliedHeartbeatMovesTheSharedWatermarkForward() throws Exception {
        // Not AccessStub.ensureFresh(): with this module's one-hour staleness bound it publishes nothing while the
        // projection is fresh, so the watermark could be as old as the previous test class (on a busy machine,
        // minutes): that, not a lost heartbeat, is what once failed this test with a 1 min 54 s old watermark.
        Instant before = Optional.ofNullable(sharedWatermark()).orElse(Instant.EPOCH);
        Thread.sleep(20);
        Instant published = Instant.now();
        String heartbeat = AccessStub.publishHeartbeat();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Optional.ofNullable(sharedWatermark())
                        .map(watermark -> watermark.isAfter(before))
                        .orElse(false));
        Instant after = sharedWatermark();
        assertThat(after)
                .as("the watermark is the heartbeat's own time, not the time it was applied")
                .isAfterOrEqualTo(published.minusMillis(1))
                .isBeforeOrEqualTo(Instant.now().plusSeconds(1));
        // applied, but not remembered: a heartbeat every second would otherwise grow the inbox forever
        assertThat(inboxRows(heartbeat)).isZero();
    }

    private static long inboxRows(String eventId) throws SQLException {
        try (Connection connection = Jdbc.connectToTestDatabase("cases");
                PreparedStatement select =
                        connection.prepareStatement("SELECT count(*) FROM processed_event WHERE event_id = ?")) {
            select.setObject(1, java.util.UUID.fromString(eventId));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Instant sharedWatermark() throws SQLException {
        try (Connection connection = Jdbc.connectToTestDatabase("cases");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT heard_as_of FROM policy_freshness WHERE id = 1")) {
            return row.next() ? row.getTimestamp(1).toInstant() : null;
        }
    }
}
