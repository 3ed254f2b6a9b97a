package org.parley.cases.web;

import jakarta.ws.rs.core.EntityTag;

/** HTTP details shared by the resources: ETags, If-Match, listings. */
public final class Http {

    /** Set on a listing cut to the caller's own team cases while access decisions are stale. */

    /** An If-Match that names no version: it matches nothing, so the change fails its precondition. */
    private static final long NO_VERSION = -1;

    private Http() {}

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match names; null when absent or "*" (no precondition). */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            return version > 0 ? version : NO_VERSION;
        } catch (NumberFormatException e) {
            return NO_VERSION;
        }
    }
}
