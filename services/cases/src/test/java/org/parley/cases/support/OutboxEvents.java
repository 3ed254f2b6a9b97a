package org.parley.cases.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.google.protobuf.InvalidProtocolBufferException;
import org.parley.proto.v1.Envelope;
import org.parley.testing.Jdbc;

import static org.assertj.core.api.Assertions.assertThat;

/** The cases service's outbox read back by event id: what it recorded for the ledger, and whether the relay sent it. */
public final class OutboxEvents {

    private OutboxEvents() {}

    /** The envelope written with this event id (the test fails if there is none). */
    public static Envelope byId(String eventId) throws SQLException {
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                PreparedStatement statement =
                        db.prepareStatement("SELECT payload FROM outbox_event WHERE event_id = ?::uuid")) {
            statement.setString(1, eventId);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("the outbox event " + eventId).isTrue();
                return Envelope.parseFrom(rows.getBytes(1));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Whether the relay has published the event with this id. */
    public static boolean published(String eventId) throws SQLException {
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                PreparedStatement statement = db.prepareStatement(
                        "SELECT published_at IS NOT NULL FROM outbox_event WHERE event_id = ?::uuid")) {
            statement.setString(1, eventId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** How many of this case's events the relay has not published yet. */
    public static long unpublishedOfCase(String caseId) throws SQLException {
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                PreparedStatement statement = db.prepareStatement(
                        "SELECT count(*) FROM outbox_event WHERE message_key = ? AND published_at IS NULL")) {
            statement.setString(1, caseId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
