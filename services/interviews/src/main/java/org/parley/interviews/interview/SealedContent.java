package org.parley.interviews.interview;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.parley.interviews.api.Quote;
import org.parley.interviews.crypto.Purpose;
import org.parley.interviews.crypto.RecordCrypto;
import org.parley.interviews.crypto.RecordIntegrityException;

/**
 * Moves an interview's confidential fields in and out of their row: every write seals all four under a
 * fresh data key (so a row never mixes keys), every read opens them with the row's own key.
 */
@ApplicationScoped
public class SealedContent {

    static final String DESCRIPTOR = "descriptor";
    static final String NOTES = "notes";
    static final String TRANSCRIPT = "transcript";
    static final String QUOTES = "quotes";

    private static final TypeReference<List<Quote>> QUOTE_LIST = new TypeReference<>() {};

    private final RecordCrypto crypto;
    private final ObjectMapper json;

    @Inject
    public SealedContent(RecordCrypto crypto, ObjectMapper json) {
        this.crypto = crypto;
        this.json = json;
    }

    /** The decrypted confidential fields of one interview. */
    public record Content(String descriptor, String notes, String transcript, List<Quote> quotes) {
        @Override
        public String toString() {
            return "Content[redacted]";
        }
    }

    public void seal(InterviewRecord row, Content content) {
        RecordCrypto.Sealer sealer = crypto.sealer(Purpose.CONTENT, row.id);
        row.dataKey = sealer.wrappedKey();
        row.kekKeyId = sealer.kekKeyId();
        row.descriptor = sealer.seal(DESCRIPTOR, content.descriptor());
        row.notes = sealer.seal(NOTES, content.notes());
        row.transcript = sealer.seal(TRANSCRIPT, content.transcript());
        try {
            row.quotes = sealer.seal(QUOTES, json.writeValueAsString(content.quotes()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("quotes cannot be serialised", e);
        }
    }

    public Content open(InterviewRecord row) {
        RecordCrypto.Opener opener = crypto.opener(Purpose.CONTENT, row.id, row.dataKey, row.kekKeyId);
        return new Content(
                opener.open(DESCRIPTOR, row.descriptor),
                opener.open(NOTES, row.notes),
                opener.open(TRANSCRIPT, row.transcript),
                quotes(row, opener));
    }

    /** Only the descriptor, for attributing excerpts. */
    public String descriptor(InterviewRecord row) {
        return crypto.opener(Purpose.CONTENT, row.id, row.dataKey, row.kekKeyId).open(DESCRIPTOR, row.descriptor);
    }

    /** Only the quotes, for proposing and showing excerpts. */
    public List<Quote> quotes(InterviewRecord row) {
        return quotes(row, crypto.opener(Purpose.CONTENT, row.id, row.dataKey, row.kekKeyId));
    }

    private List<Quote> quotes(InterviewRecord row, RecordCrypto.Opener opener) {
        String text = opener.open(QUOTES, row.quotes);
        try {
            return json.readValue(text, QUOTE_LIST);
        } catch (JsonProcessingException e) {
            // Authenticated but unreadable can only come from a bug; never echo the text.
            throw new RecordIntegrityException(row.id, QUOTES);
        }
    }
}
