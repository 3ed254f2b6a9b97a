package org.parley.interviews.crypto;

import java.util.UUID;

/**
 * A stored ciphertext failed authentication: it was altered, or moved from another record or field
 * (the record id and field name are its associated data), or its data key was wrapped by a KEK version
 * this service no longer holds. Names the record and field only, never a value.
 */
public class RecordIntegrityException extends RuntimeException {

    private final UUID recordId;
    private final String field;

    public RecordIntegrityException(UUID recordId, String field) {
        super("record " + recordId + " failed its integrity check on " + field, null, false, false);
        this.recordId = recordId;
        this.field = field;
    }

    public UUID recordId() {
        return recordId;
    }

    public String field() {
        return field;
    }
}
