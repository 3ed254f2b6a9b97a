package org.parley.cases.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.parley.cases.api.CodedCase;
import org.parley.cases.api.codebook.Block;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.Dimension;
import org.parley.cases.api.codebook.Label;
import org.parley.cases.export.Ceiling;
import org.parley.cases.export.Watermark;
import org.parley.policy.Tier;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A case dossier as an XHTML document: the watermark as every page's footer, the header, then each section the coded
 * view holds (a section it does not hold is not named at all), every coded value under its codebook label with its
 * citations' numbers, the effects' chart in RESULTS, and the numbered sources. Only the coded view is read, so
 * nothing hidden from the reader can reach the page.
 */
final class DossierDocument {

    /** A block with at most this many dimensions is one table (a row per entry); a larger one, a table per entry. */
    private static final int COLUMNS = 4;

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String CSS = css();

    private final Xhtml html;
    private final Codebook codebook;
    private final String language;
    private final CodedValues values;
    private final SourceList sources = new SourceList();

    private DossierDocument(Codebook codebook, String language) {
        this.html = Xhtml.create(language);
        this.codebook = codebook;
        this.language = language;
        this.values = new CodedValues(language);
    }

    /** The dossier of this coded view, in {@code language} ("en" or "es"). */
    static Document of(CodedCase coded, Codebook codebook, String language, Ceiling ceiling, Watermark watermark) {
        return new DossierDocument(codebook, language).build(coded, ceiling, watermark);
    }

    private Document build(CodedCase coded, Ceiling ceiling, Watermark watermark) {
        CodedCase.Header header = coded.header();
        String title = header != null && header.title() != null ? header.title() : Words.CASE.in(language);
        Element head = html.add(html.root(), "head");
        html.text(head, "title", title);
        html.text(head, "style", CSS);
        Element body = html.add(html.root(), "body");
        footer(body, watermark);

        html.text(body, "p", "kicker", Words.DOSSIER.in(language));
        html.text(body, "h1", title);
        html.text(
                body,
                "p",
                "meta",
                Words.CEILING.in(language) + ": " + Words.tier(ceiling.tier()).in(language) + " · "
                        + Words.CASE.in(language) + " " + coded.id());
        html.text(body, "p", "confidential", Words.CONFIDENTIAL.in(language));

        if (header != null) {
            header(body, header);
        }
        section(body, Words.CONTEXT, "CONTEXT", coded.context());
        section(body, Words.PROCESS, "PROCESS", coded.process());
        section(body, Words.RESULTS, "RESULTS", coded.results());

        html.text(body, "h2", Words.SOURCES.in(language));
        sources.render(html, body, language);
        return html.document();
    }

    /** Every page's footer (a running element the page's margin box shows): reader, time, ledger entry, page. */
    private void footer(Element body, Watermark watermark) {
        Element footer = html.add(body, "div", "footer");
        footer.setAttribute("id", "footer");
        html.append(
                footer,
                "Parley · " + Words.PREPARED_FOR.in(language) + " " + watermark.reader() + " · "
                        + UTC.format(watermark.at()) + " · " + Words.LEDGER.in(language) + " " + watermark.ledger()
                        + " · ");
        html.add(footer, "span", "page-number");
    }

    private void header(Element body, CodedCase.Header header) {
        html.text(body, "h2", Words.HEADER.in(language));
        Element table = html.add(body, "table", "facts");
        row(table, label("header.title"), header.title(), null);
        row(table, label("header.country"), country(header.country()), null);
        row(table, label("header.region"), header.region(), null);
        if (header.period() != null) {
            row(table, label("header.period.start"), header.period().start(), null);
            row(table, label("header.period.end"), header.period().end(), null);
        }
        if (header.status() != null) {
            row(
                    table,
                    label("header.status"),
                    codebook.dimension("header.status")
                            .flatMap(d -> d.value(header.status().name()))
                            .map(v -> v.label().in(language))
                            .orElse(header.status().name()),
                    null);
        }
        if (header.tier() != null) {
            row(
                    table,
                    Words.TIER.in(language),
                    Words.tier(Tier.valueOf(header.tier().name())).in(language),
                    null);
        }
        row(
                table,
                Words.RESULTS_RELEASED.in(language),
                (header.resultsReleased() ? Words.YES : Words.NO).in(language),
                null);
    }

    /** "Colombia (CO)" in the dossier's language; the code alone when the JDK has no name for it. */
    private String country(String code) {
        if (code == null) {
            return null;
        }
        String name = new Locale("", code).getDisplayCountry(Locale.forLanguageTag(language));
        return name.isBlank() || name.equals(code) ? code : name + " (" + code + ")";
    }

    /**
     * One section in the codebook's order: runs of dimensions a case holds once as one table, each block (at its first
     * dimension) as its own table(s); uncoded values are left out. RESULTS starts with the effects' chart.
     */
    private void section(Element body, Label title, String section, JsonNode document) {
        if (document == null) {
            return;
        }
        html.text(body, "h2", title.in(language));
        String prefix = section.toLowerCase(Locale.ROOT) + ".";
        if (section.equals("RESULTS")) {
            new EffectsChart(html, codebook, values, language).render(body, document.get("effects"));
        }
        Element facts = null;
        Set<String> blocksDone = new HashSet<>();
        boolean any = false;
        for (Dimension dimension : codebook.dimensions()) {
            if (!section.equals(dimension.section())) {
                continue;
            }
            if (dimension.block() == null) {
                Located at = Located.in(document, dimension.key().substring(prefix.length()));
                Optional<String> value = values.format(dimension, at.value());
                if (value.isPresent()) {
                    if (facts == null) {
                        facts = html.add(body, "table", "facts");
                    }
                    row(facts, dimension.label().in(language), value.get(), sources.refs(at.container(), at.field()));
                    any = true;
                }
            } else if (blocksDone.add(dimension.block())) {
                facts = null;
                Optional<Block> block = codebook.block(dimension.block());
                if (block.isPresent()) {
                    JsonNode entries = Located.in(document, block.get().key().substring(prefix.length()))
                            .value();
                    any |= block(body, block.get(), entries);
                }
            }
        }
        if (!any) {
            html.text(body, "p", "quiet", Words.NOTHING_CODED.in(language));
        }
    }

    /** A block's entries: one table with a row per entry when it has few dimensions, else a table per entry. */
    private boolean block(Element body, Block block, JsonNode entries) {
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            return false;
        }
        List<Dimension> dimensions = codebook.inBlock(block.key());
        String prefix = block.key() + ".";
        html.text(body, "h3", block.label().in(language));
        if (dimensions.size() <= COLUMNS) {
            Element table = html.add(body, "table", "grid");
            Element head = html.add(html.add(table, "thead"), "tr");
            dimensions.forEach(d -> html.text(head, "th", d.label().in(language)));
            Element rows = html.add(table, "tbody");
            for (JsonNode entry : entries) {
                Element row = html.add(rows, "tr");
                for (Dimension dimension : dimensions) {
                    Located at = Located.in(entry, dimension.key().substring(prefix.length()));
                    cell(
                            html.add(row, "td"),
                            values.format(dimension, at.value()).orElse(""),
                            sources.refs(at.container(), at.field()));
                }
            }
            return true;
        }
        int number = 0;
        for (JsonNode entry : entries) {
            number++;
            List<String[]> rows = new ArrayList<>();
            for (Dimension dimension : dimensions) {
                Located at = Located.in(entry, dimension.key().substring(prefix.length()));
                values.format(dimension, at.value())
                        .ifPresent(value -> rows.add(new String[] {
                            dimension.label().in(language), value, sources.refs(at.container(), at.field())
                        }));
            }
            html.text(body, "p", "entry", "#" + number);
            Element table = html.add(body, "table", "facts");
            rows.forEach(row -> row(table, row[0], row[1], row[2]));
        }
        return true;
    }

    private void row(Element table, String label, String value, String refs) {
        if (value == null) {
            return;
        }
        Element row = html.add(table, "tr");
        html.text(row, "th", label);
        cell(html.add(row, "td"), value, refs);
    }

    private void cell(Element cell, String value, String refs) {
        html.append(cell, value);
        if (refs != null) {
            html.text(cell, "span", "refs", " " + refs);
        }
    }

    private String label(String key) {
        return codebook.dimension(key).map(d -> d.label().in(language)).orElse(key);
    }

    /**
     * Where a dimension's value sits in a coded document: the object that holds it (whose {@code sources} cite it)
     * and its field; {@code a.b.c} is field {@code c} of object {@code a.b}.
     */
    private record Located(JsonNode container, String field) {

        static Located in(JsonNode document, String path) {
            String[] parts = path.split("\\.");
            JsonNode container = document;
            for (int i = 0; i < parts.length - 1 && container != null; i++) {
                container = container.get(parts[i]);
            }
            return new Located(container, parts[parts.length - 1]);
        }

        JsonNode value() {
            return container == null || !container.isObject() ? null : container.get(field);
        }
    }

    private static String css() {
        try (InputStream css = DossierDocument.class.getResourceAsStream("dossier.css")) {
            if (css == null) {
                throw new IllegalStateException("dossier.css is not on the class path");
            }
            return new String(css.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
