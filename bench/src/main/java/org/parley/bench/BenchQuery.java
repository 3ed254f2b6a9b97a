package org.parley.bench;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One query of the list benchmark as the bench writes it, the query string of {@code GET /cases} ({@code ""},
 * {@code country=MX}, {@code q=word} …): one filter at most, so that the naive SQL can be written from it without the
 * service's own query classes.
 */
record BenchQuery(String text, String country, String status, String tier) {

    static final int LIMIT = 20;

    static BenchQuery parse(String query) {
        if (query.isEmpty()) {
            return new BenchQuery(null, null, null, null);
        }
        String[] pair = query.split("=", 2);
        String value = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
        return switch (pair[0]) {
            case "q" -> new BenchQuery(value, null, null, null);
            case "country" -> new BenchQuery(null, value, null, null);
            case "status" -> new BenchQuery(null, null, value, null);
            case "tier" -> new BenchQuery(null, null, null, value);
            default -> throw new IllegalArgumentException(query);
        };
    }

    /** The query string of a text search for {@code words}. */
    static String search(String words) {
        return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }
}
