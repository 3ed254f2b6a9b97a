package org.parley.events.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.parley.events.support.EventsStackTest;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.proto.v1.CaseLinked;
import org.parley.proto.v1.CaseUnlinked;
import org.parley.proto.v1.Envelope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link between two cases reaches the ledger as the cases service writes it: one event per end, each about its own
 * case, so each owner's auditors see the entry about their case. No timeline shows it: a reader of one case's
 * timeline may not know the other case.
 */
@QuarkusTest
class CaseLinkLedgerTest extends EventsStackTest {

    @Test
    void aLinkIsInEachEndsLedgerAndOnNoTimeline() throws Exception {
        String source = UUID.randomUUID().toString();
        String target = UUID.randomUUID().toString();
        String sofia = subjectOf("sofia");
        List<Envelope> appended = new ArrayList<>();
        appended.add(recordPolicy(source, HOST, sofia));
        appended.add(recordPolicy(target, "oas", "someone-at-oas"));
        awaitPolicyVersion(source, 1);
        awaitPolicyVersion(target, 1);
        String linkId = UUID.randomUUID().toString();
        Envelope linked = append(Topics.AUDIT, linked(source, sofia, linkId, "SOURCE"));
        Envelope linkedTarget = append(Topics.AUDIT, linked(target, sofia, linkId, "TARGET"));
        Envelope unlinked = append(
                Topics.AUDIT,
                Envelopes.about(source, sofia, HOST, Instant.now())
                        .setCaseUnlinked(CaseUnlinked.newBuilder()
                                .setLinkId(linkId)
                                .setKind("DETERRED")
                                .setEnd("SOURCE")));
        appended.addAll(List.of(linked, linkedTarget, unlinked));
        awaitLedger(ids(appended), Duration.ofSeconds(60));

        JsonPath ledger = as("irene")
                .queryParam("case", source)
                .get("/ledger")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(ledger.getList("items.eventId")).contains(linked.getEventId(), unlinked.getEventId());
        assertThat(ledger.getList("items.type")).contains("CaseLinked", "CaseUnlinked");
        // The entry about the other organisation's case is that organisation's, not the host's auditors'.
        assertThat(as("irene")
                        .queryParam("case", target)
                        .get("/ledger")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.eventId"))
                .doesNotContain(linkedTarget.getEventId());

        try (Connection connection = events();
                PreparedStatement query =
                        connection.prepareStatement("SELECT count(*) FROM timeline_entry WHERE event_id = ANY (?)")) {
            query.setArray(
                    1,
                    connection.createArrayOf(
                            "uuid",
                            List.of(linked, linkedTarget, unlinked).stream()
                                    .map(event -> UUID.fromString(event.getEventId()))
                                    .toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                assertThat(result.getLong(1)).isZero();
            }
        }
    }

    /** As the cases service writes it for one end of a new link. */
    private static Envelope.Builder linked(String caseId, String actor, String linkId, String end) {
        return Envelopes.about(caseId, actor, HOST, Instant.now())
                .setCaseLinked(CaseLinked.newBuilder()
                        .setLinkId(linkId)
                        .setKind("DETERRED")
                        .setEnd(end));
    }
}
