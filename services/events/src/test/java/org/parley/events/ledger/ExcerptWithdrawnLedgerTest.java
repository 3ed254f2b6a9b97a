package org.parley.events.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.parley.events.support.EventsStackTest;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.ExcerptWithdrawal;
import org.parley.proto.v1.ExcerptWithdrawn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When partners stop seeing an approved excerpt (consent withdrawn, attribution changed), interviews says so
 * with ExcerptWithdrawn: the ledger records it for the owner's auditors, like every other event, and no
 * case timeline shows it.
 */
@QuarkusTest
class ExcerptWithdrawnLedgerTest extends EventsStackTest {

    @Test
    void aWithdrawnExcerptIsInTheOwnersLedgerAndOnNoTimeline() throws Exception {
        String caseId = UUID.randomUUID().toString();
        String sofia = subjectOf("sofia");
        String mateo = subjectOf("mateo");
        Envelope policy = recordPolicy(caseId, HOST, sofia);
        // The owner the ledger records comes from the policy projection: the policy (on access's topic) must be
        // there before the withdrawal (on interviews' topic) arrives, as it is for any real interview's case.
        awaitPolicyVersion(caseId, 1);
        Envelope withdrawn = append(
                Topics.INTERVIEWS,
                Envelopes.about(caseId, mateo, HOST, Instant.now())
                        .setExcerptWithdrawn(ExcerptWithdrawn.newBuilder()
                                .setInterviewId(UUID.randomUUID().toString())
                                .setExcerptNumber(2)
                                .setReason(ExcerptWithdrawal.CONSENT_WITHDRAWN)));
        awaitLedger(ids(List.of(policy, withdrawn)), Duration.ofSeconds(60));

        JsonPath ledger = as("irene")
                .queryParam("case", caseId)
                .get("/ledger")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(ledger.getList("items.type")).contains("ExcerptWithdrawn");
        int index = ledger.getList("items.eventId").indexOf(withdrawn.getEventId());
        assertThat(index).isNotNegative();
        assertThat(ledger.getString("items[" + index + "].actorSubject")).isEqualTo(mateo);
        assertThat(ledger.getString("items[" + index + "].owningOrganisation")).isEqualTo(HOST);

        try (Connection connection = events();
                PreparedStatement query =
                        connection.prepareStatement("SELECT count(*) FROM timeline_entry WHERE event_id = ?")) {
            query.setObject(1, UUID.fromString(withdrawn.getEventId()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                assertThat(result.getLong(1)).isZero();
            }
        }
    }
}
