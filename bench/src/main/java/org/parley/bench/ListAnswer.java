package org.parley.bench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a list answers that the bench compares: the total, every facet's counts (named facets and coded keys alike,
 * empty ones left out, sorted) and the ids of the page, in order. Read from the HTTP body or from a statement's rows,
 * so the service over HTTP, its SQL over JDBC and the naive SQL can be checked against each other.
 */
record ListAnswer(long total, Map<String, Map<String, Long>> facets, List<UUID> page) {

    /** The member of the list statement's facets JSON that holds every coded facet, by codebook key. */
    private static final String CODED = "coded";

    /** From {@code GET /cases} or {@code GET /public/cases}'s body. */
    static ListAnswer ofHttp(byte[] body) throws java.io.IOException {
        JsonNode answer = Bench.JSON.readTree(body);
        List<UUID> page = new ArrayList<>();
        answer.path("items")
                .forEach(item -> page.add(UUID.fromString(item.path("id").asText())));
        return new ListAnswer(answer.path("total").asLong(-1), facets(answer.path("facets")), page);
    }

    /**
     * From the rows of a statement shaped as the naive SQL's (the former single list statement's): every row carries the total (column 1)
     * and the facets JSON (column 2, coded keys under "coded"); column 3 is the case id, null on the one row of an
     * empty page; at most {@code limit} ids are the page (a further row only says there is a next one). Every column
     * of every row is read, as the service reads them.
     */
    static ListAnswer ofRows(ResultSet rows, int limit) throws SQLException, java.io.IOException {
        long total = 0;
        String facets = "{}";
        List<UUID> page = new ArrayList<>();
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
            for (int c = 1; c <= columns; c++) {
                rows.getObject(c);
            }
            total = rows.getLong(1);
            facets = rows.getString(2);
            UUID id = rows.getObject(3, UUID.class);
            if (id != null && page.size() < limit) {
                page.add(id);
            }
        }
        return new ListAnswer(total, facetsOfStatement(facets), page);
    }

    /** A statement's facets JSON (coded keys under "coded") as every facet's counts, empty ones left out. */
    static Map<String, Map<String, Long>> facetsOfStatement(String json) throws java.io.IOException {
        ObjectNode tree = (ObjectNode) Bench.JSON.readTree(json);
        JsonNode coded = tree.remove(CODED);
        Map<String, Map<String, Long>> all = facets(tree);
        if (coded != null) {
            all.putAll(facets(coded));
        }
        return all;
    }

    private static Map<String, Map<String, Long>> facets(JsonNode node) {
        Map<String, Map<String, Long>> facets = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> facet = it.next();
            Map<String, Long> counts = new TreeMap<>();
            facet.getValue()
                    .fields()
                    .forEachRemaining(
                            value -> counts.put(value.getKey(), value.getValue().asLong()));
            if (!counts.isEmpty()) {
                facets.put(facet.getKey(), counts);
            }
        }
        return facets;
    }

    /** Where two answers differ, in a line (total, facets, page), or null when they agree. */
    String differenceFrom(ListAnswer other) {
        List<String> differences = new ArrayList<>();
        if (total != other.total) {
            differences.add("total " + total + " vs " + other.total);
        }
        if (!facets.equals(other.facets)) {
            List<String> keys = new ArrayList<>();
            for (String key : new java.util.TreeSet<>(concat(facets.keySet(), other.facets.keySet()))) {
                if (!java.util.Objects.equals(facets.get(key), other.facets.get(key))) {
                    keys.add(key);
                }
            }
            differences.add("facets " + keys);
        }
        if (!page.equals(other.page)) {
            differences.add("page of " + page.size() + " vs " + other.page.size() + " ids");
        }
        return differences.isEmpty() ? null : String.join("; ", differences);
    }

    private static List<String> concat(java.util.Set<String> a, java.util.Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
