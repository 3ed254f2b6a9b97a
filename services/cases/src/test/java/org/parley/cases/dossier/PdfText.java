package org.parley.cases.dossier;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF read back as PDFBox extracts it: its text page by page (whitespace runs as one space), and its fonts. */
record PdfText(List<String> pages, List<String> fonts) {

    static PdfText of(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            List<String> fonts = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document).replaceAll("\\s+", " "));
            }
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name).getName());
                }
            }
            return new PdfText(pages, fonts);
        }
    }

    /** The text without any whitespace: a long value the page wrapped (the stripper may add a space there) in one piece. */
    String compact() {
        return text().replaceAll("\\s", "");
    }

    /** Every page's text, in order. */
    String text() {
        return String.join(" ", pages);
    }
}
