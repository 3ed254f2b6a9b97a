package org.parley.cases.imports;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.parley.cases.api.ImportReport;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.messaging.outbox.Outbox;
import org.parley.policy.Viewer;
import org.parley.proto.v1.ImportMade;

/**
 * The ledger's record of a real import: {@code ImportMade} through the outbox, about no case, by the importer, in
 * the transaction that writes the cases, so the ledger holds an import exactly when its cases were written. Counts
 * and the format only: never a reference or a case's text (each case's own events name it, by id).
 */
@ApplicationScoped
public class ImportLedger {

    /** The ledger's name for what was imported, as in the other audit events of this service. */
    static final String KIND = "case";

    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public ImportLedger(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Viewer importer, String format, int rows, ImportReport report) {
        outbox.append(
                Topics.AUDIT,
                Envelopes.about(null, importer.subject(), importer.organisation(), clock.instant())
                        .setImportMade(ImportMade.newBuilder()
                                .setResourceKind(KIND)
                                .setRowCount(rows)
                                .setCreated(report.created())
                                .setUpdated(report.updated())
                                .setUnchanged(report.unchanged())
                                .setFormat(format)));
    }
}
