package org.parley.events.ledger;

import java.util.List;

import com.google.protobuf.Descriptors;
import org.junit.jupiter.api.Test;
import org.parley.events.api.LedgerEntryView;
import org.parley.proto.v1.Envelope;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's list of event types is the proto's payloads, but for the two kinds the ledger never records. */
class LedgerEventTypesTest {

    @Test
    void theListedTypesAreTheEnvelopesPayloadsTheLedgerRecords() {
        List<String> payloads = Envelope.getDescriptor().getOneofs().stream()
                .filter(oneof -> oneof.getName().equals("payload"))
                .flatMap(oneof -> oneof.getFields().stream())
                .map(Descriptors.FieldDescriptor::getMessageType)
                .map(Descriptors.Descriptor::getName)
                .filter(name -> !name.equals("AccessHeartbeat") && !name.equals("LedgerCheckpointed"))
                .toList();
        assertThat(payloads).hasSizeGreaterThan(20);
        assertThat(LedgerEntryView.EVENT_TYPES).containsExactlyElementsOf(payloads);
    }
}
