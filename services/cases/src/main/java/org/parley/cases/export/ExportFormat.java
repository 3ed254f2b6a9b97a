package org.parley.cases.export;

import java.util.Optional;

import jakarta.ws.rs.core.MediaType;

import org.parley.cases.api.ExportApi;

/** The formats of an export, by their wire names ({@code format=csv}). */
public enum ExportFormat {
    CSV("csv", ExportApi.CSV + "; charset=UTF-8"),
    JSON("json", MediaType.APPLICATION_JSON);

    private final String wireName;
    private final String mediaType;

    ExportFormat(String wireName, String mediaType) {
        this.wireName = wireName;
        this.mediaType = mediaType;
    }

    public String wireName() {
        return wireName;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of this wire name, exactly; empty for anything else (null included). */
    public static Optional<ExportFormat> of(String wireName) {
        for (ExportFormat format : values()) {
            if (format.wireName.equals(wireName)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
