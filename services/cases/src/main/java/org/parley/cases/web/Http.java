package org.parley.cases.web;

import jakarta.ws.rs.core.EntityTag;

import org.parley.web.Preconditions;

/** HTTP details shared by the resources: ETags and If-Match. */
public final class Http {

    private Http() {}

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match names; null when absent or "*" (see {@link Preconditions#ifMatch}). */
    public static Long ifMatch(String header) {
        return Preconditions.ifMatch(header);
    }
}
