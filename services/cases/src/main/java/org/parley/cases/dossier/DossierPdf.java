package org.parley.cases.dossier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.jboss.logging.Logger;
import org.w3c.dom.Document;

/**
 * A dossier's XHTML rendered as PDF (openhtmltopdf on PDFBox) straight into the response: the renderer lays the
 * document out and writes the file once, so nothing but the renderer's own pages is held. DejaVu Sans is embedded
 * (subset) so every Spanish letter, and far more, prints as written. Nothing outside the document is ever fetched.
 */
final class DossierPdf {

    private static final Logger LOG = Logger.getLogger(DossierPdf.class);

    static final String FONT_FAMILY = "DejaVu Sans";

    static {
        // The renderer's own logger would print its messages, some quoting case text; diagnostics still reach
        // the consumer each rendering sets, which logs their ids only.
        XRLog.setLoggerImpl(new Silent());
    }

    private static final byte[] REGULAR = font("DejaVuSans.ttf");
    private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");

    private DossierPdf() {}

    /**
     * Writes the PDF of {@code document} to {@code out}. The renderer's diagnostics are logged by their id only:
     * some of them quote the text being laid out, which is case text.
     */
    static void render(Document document, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withW3cDocument(document, null);
        builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        for (ExternalResourceControlPriority when : ExternalResourceControlPriority.values()) {
            builder.useExternalResourceAccessControl((uri, type) -> false, when);
        }
        builder.withProducer("Parley");
        builder.withDiagnosticConsumer(diagnostic -> {
            if (diagnostic.getLevel().intValue() >= Level.WARNING.intValue()) {
                LOG.warnf("dossier rendering: %s", diagnostic.getLogMessageId().getEnum());
            }
        });
        builder.toStream(out);
        builder.run();
    }

    /** Logs nothing itself: a message's arguments may be case text. */
    private static final class Silent implements XRLogger {

        @Override
        public void log(String where, Level level, String message) {}

        @Override
        public void log(String where, Level level, String message, Throwable error) {}

        @Override
        public void setLevel(String logger, Level level) {}

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return false;
        }
    }

    private static byte[] font(String name) {
        try (InputStream font = DossierPdf.class.getResourceAsStream("fonts/" + name)) {
            if (font == null) {
                throw new IllegalStateException("the font " + name + " is not on the class path");
            }
            return font.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
