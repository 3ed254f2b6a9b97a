package org.parley.cases.dossier;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.logging.Logger;
import org.parley.cases.api.CodedCase;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.export.Ceiling;
import org.parley.cases.export.ExportLedger;
import org.parley.cases.export.Watermark;
import org.parley.gate.CaseGate;
import org.parley.messaging.Envelopes;
import org.parley.policy.Viewer;
import org.parley.proto.v1.Envelope;
import org.w3c.dom.Document;

/**
 * Case dossiers: the case through the one gate (an invisible case answers as one that never existed), the ceiling as
 * the export applies it, the coded view as {@code GET /cases/{id}/coded} builds it (excerpt citations only as the
 * interviews service allows, fail closed), the ledger entry committed, and only then a body that renders the PDF.
 */
@ApplicationScoped
public class Dossiers {

    private static final Logger LOG = Logger.getLogger(Dossiers.class);

    private final CaseGate access;
    private final ExportLedger ledger;
    private final CaseService cases;

    @Inject
    public Dossiers(CaseGate access, ExportLedger ledger, CaseService cases) {
        this.access = access;
        this.ledger = ledger;
        this.cases = cases;
    }

    /** A dossier ready to stream, already in the ledger. */
    public record Prepared(Watermark watermark, StreamingOutput body) {}

    /**
     * Checks, reads and records the dossier; its body renders the PDF when the response is written.
     *
     * @param readerName the reader's user name, for the watermark
     */
    @Transactional
    public Prepared prepare(Viewer reader, String readerName, String rawId, DossierRequest request) {
        CaseGate.Opened opened = access.open(reader, rawId);
        Ceiling ceiling = request.ceiling();
        // Above the ceiling, the case has no dossier: the same answer as no case, as an export would hold no row.
        if (!ceiling.admits(opened.policy().tier())) {
            throw CaseGate.neverExisted(CaseGate.CASE);
        }
        Viewer as = ceiling.readAs(reader);
        CaseGate.Opened shown = as.isAnonymous() ? access.open(as, rawId) : opened;
        // as GET /cases/{id}/coded builds it; the register's view asks no one about excerpts
        CodedCase coded = cases.codedView(as, shown, CaseService.existing(shown));

        Envelope recorded = ledger.recordDossier(reader, shown.id().toString(), ceiling);
        Watermark watermark = new Watermark(
                readerName, reader.subject(), Envelopes.instant(recorded.getOccurredAt()), recorded.getEventId());
        Document html = DossierDocument.of(coded, Codebook.standard(), request.language(), ceiling, watermark);
        return new Prepared(watermark, out -> {
            try {
                DossierPdf.render(html, out);
            } catch (IOException | RuntimeException e) {
                // The ledger holds the dossier already; the client sees a cut-off file, never a second answer.
                LOG.errorf(
                        "dossier %s failed while rendering (%s)",
                        watermark.ledger(), e.getClass().getName());
                throw new IOException("dossier failed while rendering", null);
            }
        });
    }
}
