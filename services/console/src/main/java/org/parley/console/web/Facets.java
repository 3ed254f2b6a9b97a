package org.parley.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.parley.cases.api.CaseList;

/** The facet counts of a listing, ready for checkboxes; only values the service counted are offered. */
public final class Facets {

    private Facets() {}

    public record Value(String value, long count, boolean checked) {}

    /**
     * One facet's values. {@code param} is the query parameter a ticked box sends: the facet's name, or
     * {@code coded} for a codebook facet, whose boxes send {@code <key>:<value>}.
     */
    public record Group(String name, String param, List<Value> values) {
        public boolean anyChecked() {
            return values.stream().anyMatch(Value::checked);
        }

        /** Whether the facet is a codebook dimension, labelled from the codebook. */
        public boolean coded() {
            return CODED.equals(param);
        }

        /** What a ticked box of this value sends. */
        public String sent(Value value) {
            return coded() ? name + ":" + value.value() : value.value();
        }
    }

    /** The query parameter of every codebook facet. */
    public static final String CODED = "coded";

    /**
     * @param selected the values ticked, by facet name; for the codebook facets by {@link #CODED}, as
     *     {@code <key>:<value>}
     */
    public static List<Group> of(Map<String, Map<String, Long>> facets, Map<String, List<String>> selected) {
        List<Group> groups = new ArrayList<>();
        if (facets == null) {
            return groups;
        }
        for (String name : CaseList.FACETS) {
            group(name, name, facets.get(name), selected.getOrDefault(name, List.of()), groups);
        }
        List<String> codedChosen = selected.getOrDefault(CODED, List.of());
        for (String key : CaseList.COUNTED_FACETS) {
            List<String> chosen = codedChosen.stream()
                    .filter(pair -> pair.startsWith(key + ":"))
                    .map(pair -> pair.substring(key.length() + 1))
                    .toList();
            group(key, CODED, facets.get(key), chosen, groups);
        }
        return groups;
    }

    private static void group(
            String name, String param, Map<String, Long> counts, List<String> chosen, List<Group> groups) {
        if (counts == null || counts.isEmpty()) {
            return;
        }
        List<Value> values = new ArrayList<>();
        counts.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> values.add(new Value(e.getKey(), e.getValue(), chosen.contains(e.getKey()))));
        if (!values.isEmpty()) {
            groups.add(new Group(name, param, values));
        }
    }
}
