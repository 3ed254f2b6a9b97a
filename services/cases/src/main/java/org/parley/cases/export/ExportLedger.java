package org.parley.cases.export;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.messaging.outbox.Outbox;
import org.parley.policy.Viewer;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.ExportFilter;
import org.parley.proto.v1.ExportMade;

/**
 * The ledger's record of an export: {@code ExportMade} through the outbox, by the reader; about no case for a list's
 * export, about its case for a case dossier (format {@code pdf}). Committed in a transaction of its own before the
 * file's first byte, so an export that was served is always recorded (one that then fails midway is recorded too, with
 * the count it would have had).
 */
@ApplicationScoped
public class ExportLedger {

    /** The ledger's name for what was exported, as in the other audit events of this service. */
    static final String KIND = "case";

    /** The format a case dossier is recorded with. */
    public static final String DOSSIER_FORMAT = "pdf";

    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public ExportLedger(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records the export; its envelope's event id is the ledger id the watermark names. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Envelope record(Viewer reader, ExportRequest request, long count) {
        ExportMade.Builder made = ExportMade.newBuilder()
                .setResourceKind(KIND)
                .setRecordCount(Math.toIntExact(count))
                .setFormat(request.format().wireName())
                .setCeiling(request.ceiling().name())
                .setTextFiltered(request.textFiltered());
        request.filters()
                .forEach(filter -> made.addFilters(
                        ExportFilter.newBuilder().setName(filter.name()).setValue(filter.value())));
        return outbox.append(
                Topics.AUDIT,
                Envelopes.about(null, reader.subject(), reader.organisation(), clock.instant())
                        .setExportMade(made));
    }

    /**
     * Records a case dossier: one case, its ceiling, format {@code pdf}, the envelope about that case (so the ledger
     * shows it to the case owner's auditors, as it shows a read of the case). The case's text is never in it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Envelope recordDossier(Viewer reader, String caseId, Ceiling ceiling) {
        return outbox.append(
                Topics.AUDIT,
                Envelopes.about(caseId, reader.subject(), reader.organisation(), clock.instant())
                        .setExportMade(ExportMade.newBuilder()
                                .setResourceKind(KIND)
                                .setRecordCount(1)
                                .setFormat(DOSSIER_FORMAT)
                                .setCeiling(ceiling.name())));
    }
}
