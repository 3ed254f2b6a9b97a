package org.parley.cases.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.parley.cases.api.CodedCase;
import org.parley.cases.api.SpreadsheetCell;

/**
 * The CSV export (RFC 4180 quoting by Jackson's CSV generator): a comment line with the watermark, a header row, then
 * a row per case ({@link CsvColumns}).
 */
final class CsvExportWriter implements ExportWriter {

    private static final CsvMapper CSV = new CsvMapper();

    private final Writer text;
    private final ObjectMapper json;
    private CsvGenerator rows;

    CsvExportWriter(OutputStream out, ObjectMapper json) {
        this.text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.json = json;
    }

    @Override
    public void begin(Watermark watermark, ExportRequest request, long count) throws IOException {
        text.write("# Parley export format=" + request.format().wireName() + " ceiling="
                + request.ceiling().name()
                + " reader=" + word(watermark.reader()) + " subject=" + word(watermark.subject()) + " at="
                + watermark.at() + " ledger=" + watermark.ledger() + " count=" + count + filters(request) + "\n");
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        CsvColumns.NAMES.forEach(name -> schema.addColumn(name, CsvSchema.ColumnType.STRING));
        rows = CSV.getFactory().createGenerator(text);
        rows.setSchema(schema.build());
    }

    @Override
    public void write(CodedCase coded) throws IOException {
        rows.writeStartArray();
        for (String cell : CsvColumns.cells(json.valueToTree(coded))) {
            rows.writeString(SpreadsheetCell.written(cell));
        }
        rows.writeEndArray();
    }

    @Override
    public void end() throws IOException {
        rows.flush();
        text.flush();
    }

    /** The checked filters as the query named them ({@code country=MX}), and that a text query was used. */
    private static String filters(ExportRequest request) {
        String named = request.filters().stream()
                .map(filter -> " " + filter.name() + "=" + filter.value())
                .collect(Collectors.joining());
        return named + (request.textFiltered() ? " q=(text)" : "");
    }

    /** One word of the comment line: a name with a space or a line break would break the line's reading. */
    private static String word(String value) {
        return value.codePoints()
                .map(c -> Character.isWhitespace(c) || Character.isISOControl(c) ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
