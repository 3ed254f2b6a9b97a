package org.parley.cases.export;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.parley.cases.api.CodedCase;

/** Writes one export file case by case, holding nothing but the case at hand. */
interface ExportWriter {

    /** The watermark and what comes before the first case. */
    void begin(Watermark watermark, ExportRequest request, long count) throws IOException;

    void write(CodedCase coded) throws IOException;

    /** What comes after the last case; flushes. */
    void end() throws IOException;

    static ExportWriter of(ExportFormat format, OutputStream out, ObjectMapper json) throws IOException {
        return switch (format) {
            case CSV -> new CsvExportWriter(out, json);
            case JSON -> new JsonExportWriter(out, json);
        };
    }
}
