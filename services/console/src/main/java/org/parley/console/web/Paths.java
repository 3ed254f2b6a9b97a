package org.parley.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.parley.policy.RecordIds;

/** Small helpers for the console's own URLs. */
public final class Paths {

    private Paths() {}

    /** Only a path on this site ("/..."), never another origin; anything else becomes "/". */
    public static String local(String uri) {
        if (uri == null || !uri.startsWith("/") || uri.startsWith("//") || uri.startsWith("/\\")) {
            return "/";
        }
        for (int i = 0; i < uri.length(); i++) {
            if (Character.isISOControl(uri.charAt(i))) {
                return "/";
            }
        }
        return uri;
    }

    /** Whether the value is a record id as every service reads one; anything else is "not found" without asking. */
    public static boolean isId(String value) {
        return RecordIds.parse(value).isPresent();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code name=v1&name=v2} for each non-blank value. */
    public static String params(String name, List<String> values) {
        StringBuilder query = new StringBuilder();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    query.append('&').append(name).append('=').append(encode(value));
                }
            }
        }
        return query.toString();
    }

    public static String param(String name, String value) {
        return value == null || value.isBlank() ? "" : "&" + name + "=" + encode(value);
    }

    /** The If-Match of a change made from this version (a service's ETag: the version in quotes). */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Blank form values are absent values. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Drops blank values, so an empty filter is no filter. */
    public static List<String> nonBlank(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
