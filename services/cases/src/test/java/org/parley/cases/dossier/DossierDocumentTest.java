package org.parley.cases.dossier;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseStatus;
import org.parley.cases.api.CodedCase;
import org.parley.cases.api.Tier;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.export.Ceiling;
import org.parley.cases.export.Watermark;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dossier's document and its PDF without the service (the service's answers are DossierTest's): what a coded view
 * prints, that its text never becomes markup, and how long the largest case the limits allow takes to render.
 */
class DossierDocumentTest {

    static final Watermark WATERMARK = new Watermark(
            "reader",
            "subject",
            Instant.parse("2026-01-31T12:00:00Z"),
            UUID.randomUUID().toString());

    /** The rendering thread's own CPU time: the machine's load changes the wall time, not this. */
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    final ObjectMapper json = new ObjectMapper();

    @Test
    void caseTextStaysTextInTheDocumentAndThePdf() throws Exception {
        String markup = "<h1>x</h1><style>body{display:none}</style><img src=\"http://127.0.0.1:9/y\"/>&amp;";
        ObjectNode context = json.createObjectNode().put("level", "LOCAL");
        context.putArray("groups").add(json.createObjectNode().put("name", markup));
        CodedCase coded = new CodedCase(UUID.randomUUID().toString(), null, 1, header(markup), context, null, null);

        Document document = DossierDocument.of(coded, Codebook.standard(), "en", ceiling(), WATERMARK);
        assertThat(document.getElementsByTagName("img").getLength()).isZero();
        assertThat(document.getElementsByTagName("h1").getLength())
                .as("the dossier's own title only")
                .isOne();
        assertThat(document.getElementsByTagName("style").getLength()).isOne();

        PdfText pdf = PdfText.of(render(document));
        String text = pdf.text();
        assertThat(pdf.compact()).contains(markup.replaceAll("\\s", ""));
        assertThat(text).contains("Prepared for reader", "2026-01-31 12:00:00 UTC");
        assertThat(text)
                .as("a section the view does not hold is not even named")
                .doesNotContain("Process", "Effects: before and after", "Measured effects");
    }

    @Test
    void theLargestCaseTheLimitsAllowRenders() throws Exception {
        ObjectNode context = json.createObjectNode().put("level", "LOCAL");
        ArrayNode groups = context.putArray("groups");
        for (int i = 0; i < 200; i++) {
            groups.add(json.createObjectNode()
                    .put("name", "Group " + i)
                    .put("type", "STREET_GANG")
                    .put("territorialControlNotes", "Controls some streets of the old town. ".repeat(8)));
        }
        ObjectNode process = json.createObjectNode();
        ArrayNode timeline = process.putArray("timeline");
        for (int i = 0; i < 1000; i++) {
            timeline.add(json.createObjectNode()
                    .put("date", "2011-03")
                    .put("kind", "MEETING")
                    .put("summary", "Meeting " + i));
        }
        ObjectNode results = json.createObjectNode();
        ArrayNode effects = results.putArray("effects");
        for (int i = 0; i < 200; i++) {
            effects.add(json.createObjectNode()
                    .put("indicator", "HOMICIDES")
                    .put("unit", "PER_YEAR")
                    .put("before", 14 + i)
                    .put("after", 5));
        }
        CodedCase coded =
                new CodedCase(UUID.randomUUID().toString(), null, 1, header("Large"), context, process, results);
        byte[] pdf = new byte[0];
        for (int round = 1; round <= 2; round++) {
            long started = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            pdf = render(DossierDocument.of(coded, Codebook.standard(), "es", ceiling(), WATERMARK));
            // the first round includes the renderer's start (fonts, default CSS, cold code): measured, not asserted
            System.out.printf(
                    "dossier of the largest case (200 groups, 1,000 meetings, 200 effects), round %d: %d ms (CPU %d"
                            + " ms), %d bytes%n",
                    round,
                    (System.nanoTime() - started) / 1_000_000,
                    (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000,
                    pdf.length);
        }
        PdfText text = PdfText.of(pdf);
        System.out.printf(
                "dossier of the largest case: %d pages%n", text.pages().size());
        assertThat(text.pages()).hasSizeGreaterThan(20);
        assertThat(text.pages()).allMatch(page -> page.contains("Preparado para reader"));
        assertThat(text.text()).contains("Meeting 999", "Group 199", "Homicidios (Por año)");
    }

    private static CodedCase.Header header(String title) {
        return new CodedCase.Header(
                title,
                "CO",
                "Antioquia",
                new CodedCase.WrittenPeriod("2010", null),
                CaseStatus.ACTIVE,
                Tier.SECRET,
                false);
    }

    private static Ceiling ceiling() {
        return Ceiling.of("SECRET").orElseThrow();
    }

    private static byte[] render(Document document) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DossierPdf.render(document, out);
        return out.toByteArray();
    }
}
