package org.parley.cases.visibility;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

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
        AccessStub.ensureFresh();
        Instant before = sharedWatermark();
        assertThat(before).isNotNull();
        assertThat(Duration.between(before, Instant.now()).abs()).isLessThan(Duration.ofSeconds(60));

        Thread.sleep(20);
        String heartbeat = AccessStub.publishHeartbeat();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> sharedWatermark().isAfter(before));
        assertThat(sharedWatermark()).isBeforeOrEqualTo(Instant.now().plusSeconds(1));
        // applied, but not remembered: a heartbeat every 2 s would otherwise grow the inbox forever
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
