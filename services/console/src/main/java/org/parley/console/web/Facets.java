package org.parley.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.parley.cases.api.CaseList;

/** The facet counts of a listing, ready for checkboxes; only values the service counted are offered. */
public final class Facets {

    private Facets() {}

    public record Value(String value, long count, boolean checked) {}

    public record Group(String name, List<Value> values) {
        public boolean anyChecked() {
            return values.stream().anyMatch(Value::checked);
        }
    }

    public static List<Group> of(Map<String, Map<String, Long>> facets, Map<String, List<String>> selected) {
        List<Group> groups = new ArrayList<>();
        if (facets == null) {
            return groups;
        }
        for (String name : CaseList.FACETS) {
            Map<String, Long> counts = facets.get(name);
            if (counts == null || counts.isEmpty()) {
                continue;
            }
            List<String> chosen = selected.getOrDefault(name, List.of());
            List<Value> values = new ArrayList<>();
            counts.entrySet().stream()
                    .filter(e -> e.getValue() != null && e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> values.add(new Value(e.getKey(), e.getValue(), chosen.contains(e.getKey()))));
            if (!values.isEmpty()) {
                groups.add(new Group(name, values));
            }
        }
        return groups;
    }
}
