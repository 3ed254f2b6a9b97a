package org.parley.cases.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.parley.cases.api.CodedCase;

/**
 * The JSON export: {@code {"meta": {…}, "cases": [<coded case>, …]}}, each case written as the service's coded view
 * writes it, streamed.
 */
final class JsonExportWriter implements ExportWriter {

    /** The watermark and what the file holds. */
    record Meta(
            String reader,
            String subject,
            Instant at,
            String ledger,
            String format,
            String ceiling,
            List<ExportRequest.Filter> filters,
            boolean textFiltered,
            long count) {}

    private final JsonGenerator out;

    JsonExportWriter(OutputStream stream, ObjectMapper json) throws IOException {
        this.out = json.getFactory().createGenerator(stream, JsonEncoding.UTF8);
    }

    @Override
    public void begin(Watermark watermark, ExportRequest request, long count) throws IOException {
        out.writeStartObject();
        out.writeFieldName("meta");
        out.writeObject(new Meta(
                watermark.reader(),
                watermark.subject(),
                watermark.at(),
                watermark.ledger(),
                request.format().wireName(),
                request.ceiling().name(),
                request.filters(),
                request.textFiltered(),
                count));
        out.writeArrayFieldStart("cases");
    }

    @Override
    public void write(CodedCase coded) throws IOException {
        out.writeObject(coded);
    }

    @Override
    public void end() throws IOException {
        out.writeEndArray();
        out.writeEndObject();
        out.flush();
    }
}
