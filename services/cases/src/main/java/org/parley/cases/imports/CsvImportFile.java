package org.parley.cases.imports;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.parley.cases.api.ImportApi;
import org.parley.cases.api.SpreadsheetCell;
import org.parley.cases.export.CsvColumns;
import org.parley.web.ControlCharacters;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * A CSV import file: what the CSV export writes (RFC 4180 quoting, read by Jackson's CSV parser). Its leading
 * {@code #} comment lines (the export's watermark) are skipped and a UTF-8 byte order mark is accepted; the header row
 * must name every column of the export, once each, in any order. Anything else about the file as a whole is a 400
 * that names the row or column, never quoting a cell.
 */
final class CsvImportFile {

    private static final CsvMapper CSV = new CsvMapper();
    private static final Set<String> COLUMNS = Set.copyOf(CsvColumns.NAMES);

    private CsvImportFile() {}

    /** The file's rows, by column name. Row n is the n-th record after the header row. */
    static List<ImportedRow> read(byte[] body) {
        String text = utf8(body);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (ControlCharacters.refusal(text).isPresent()) {
            throw new ProblemException(Problems.badRequest(
                    "The file holds control characters (other than tab and line breaks): it is not CSV text."));
        }
        text = withoutLeadingComments(text);
        List<String> header = null;
        List<ImportedRow> rows = new ArrayList<>();
        try (MappingIterator<String[]> records = CSV.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                .readValues(text)) {
            while (records.hasNextValue()) {
                String[] record = records.nextValue();
                if (header == null) {
                    header = header(record);
                    continue;
                }
                int number = rows.size() + 1;
                if (number > ImportApi.MAX_ROWS) {
                    throw new ProblemException(Problems.badRequest("The file holds more than " + ImportApi.MAX_ROWS
                            + " rows; an import takes at most " + ImportApi.MAX_ROWS + ". Split it."));
                }
                rows.add(row(number, header, record));
            }
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the text: only where it stopped is said
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ProblemException(Problems.badRequest("The CSV is malformed"
                    + (line > 0 ? " near line " + line + " after the comment lines" : "")
                    + " (a quote left open, or a character after a closing quote)."));
        } catch (IOException e) {
            throw new ProblemException(Problems.badRequest("The CSV is malformed."));
        }
        if (header == null) {
            throw new ProblemException(Problems.badRequest("The file has no header row."));
        }
        return rows;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(
                    Problems.badRequest("The file is not UTF-8 text: save it as CSV UTF-8 and import it again."));
        }
    }

    /** The text after its leading comment lines ({@code #…}, the export's watermark). */
    private static String withoutLeadingComments(String text) {
        String rest = text;
        while (rest.startsWith("#")) {
            int end = rest.indexOf('\n');
            rest = end < 0 ? "" : rest.substring(end + 1);
        }
        return rest;
    }

    /** The header row: every column of the export, each once; a 400 names what is missing, unknown or repeated. */
    private static List<String> header(String[] record) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String name : record) {
            if (!COLUMNS.contains(name)) {
                errors.add(new Problem.FieldError(
                        shortened(name), "is not a column of the export (the header row names the export's columns)"));
            } else if (!seen.add(name)) {
                errors.add(new Problem.FieldError(name, "is named twice in the header row"));
            }
        }
        for (String name : CsvColumns.NAMES) {
            if (!seen.contains(name)) {
                errors.add(new Problem.FieldError(name, "is missing from the header row"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
        return List.of(record);
    }

    /** A header cell named back in an error: a column name, not case text, but kept short. */
    private static String shortened(String name) {
        return name.length() > 100 ? name.substring(0, 100) + "…" : name;
    }

    private static ImportedRow row(int number, List<String> header, String[] record) {
        if (record.length != header.size()) {
            throw new ProblemException(Problems.invalid(List.of(new Problem.FieldError(
                    "row " + number, "has " + record.length + " cells where the header row has " + header.size()))));
        }
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < record.length; i++) {
            String cell = record[i];
            // at most 4 bytes a character: only a long cell is measured
            if (cell.length() > ImportApi.MAX_CELL_BYTES / 4
                    && cell.getBytes(StandardCharsets.UTF_8).length > ImportApi.MAX_CELL_BYTES) {
                throw new ProblemException(Problems.invalid(List.of(new Problem.FieldError(
                        "row " + number + ", column " + header.get(i),
                        "is over " + ImportApi.MAX_CELL_BYTES / 1024 + " KiB"))));
            }
            cells.put(header.get(i), SpreadsheetCell.read(cell));
        }
        return new CsvRow(number, new LinkedHashMap<>(cells));
    }
}
