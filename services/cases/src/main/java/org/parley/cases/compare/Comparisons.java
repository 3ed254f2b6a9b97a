package org.parley.cases.compare;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CompareApi;
import org.parley.cases.api.CrossTab;
import org.parley.cases.api.TruthTable;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.Dimension;
import org.parley.cases.api.codebook.DimensionType;
import org.parley.cases.search.ListQuery;
import org.parley.cases.search.VisibleCases;
import org.parley.gate.CaseGate;
import org.parley.policy.Viewer;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/** Cross-tabulations and truth tables of coded dimensions over the cases a viewer may see, counted in the list's SQL. */
@ApplicationScoped
public class Comparisons {

    private final EntityManager entityManager;
    private final CaseGate access;

    @Inject
    public Comparisons(EntityManager entityManager, CaseGate access) {
        this.entityManager = entityManager;
        this.access = access;
    }

    /**
     * The dimension a {@code rows} or {@code cols} parameter names: a key of {@link CaseList#CODED_FACETS}.
     *
     * @throws ProblemException a 400 naming the parameter, never quoting it
     */
    public static Dimension codedDimension(String parameter, String key) {
        if (key == null || !CaseList.CODED_FACETS.contains(key)) {
            throw new ProblemException(Problems.invalid(
                    List.of(new Problem.FieldError(parameter, "must be a codebook key of " + CaseList.CODED_FACETS))));
        }
        return Codebook.standard().dimension(key).orElseThrow();
    }

    /** The cross-tabulation; while the policy projection is stale, nobody gets one (503), as for the list. */
    @Transactional
    public CrossTab crosstab(Viewer viewer, Dimension rows, Dimension cols, ListQuery query, boolean mine) {
        if (access.isStale()) {
            throw access.stale();
        }
        VisibleCases.Statement statement = VisibleCases.crosstab(viewer, query, mine, rows.key(), cols.key());
        List<CrossTab.Cell> cells = new ArrayList<>();
        long total = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (Statement settings = connection.createStatement()) {
                settings.execute(VisibleCases.GENERIC_PLAN);
            }
            long counted = 0;
            try (PreparedStatement prepared = statement.prepare(connection);
                    ResultSet result = prepared.executeQuery()) {
                while (result.next()) {
                    cells.add(new CrossTab.Cell(
                            value(rows, result.getString(1)), value(cols, result.getString(2)), result.getLong(3)));
                    counted = result.getLong(4);
                }
            }
            return counted;
        });
        cells.sort(Comparator.comparingInt((CrossTab.Cell cell) -> rows.rank(cell.row()))
                .thenComparingInt(cell -> cols.rank(cell.col())));
        return new CrossTab(rows.key(), cols.key(), List.copyOf(cells), total);
    }

    /**
     * The {@code conditions} parameter: 1 to {@link CompareApi#MAX_CONDITIONS} distinct keys of coded facets,
     * comma-separated.
     */
    public static List<Dimension> codedDimensions(String parameter, String keys) {
        List<String> split = keys == null ? List.of() : List.of(keys.split(",", -1));
        if (split.isEmpty()
                || split.size() > CompareApi.MAX_CONDITIONS
                || split.stream().distinct().count() != split.size()) {
            throw new ProblemException(Problems.invalid(List.of(new Problem.FieldError(
                    parameter,
                    "must be 1 to " + CompareApi.MAX_CONDITIONS + " distinct codebook keys, comma-separated"))));
        }
        return split.stream().map(key -> codedDimension(parameter, key.strip())).toList();
    }

    /** The truth table; while the policy projection is stale, nobody gets one (503), as for the list. */
    @Transactional
    public TruthTable truthTable(
            Viewer viewer, List<Dimension> conditions, Dimension outcome, ListQuery query, boolean mine) {
        if (access.isStale()) {
            throw access.stale();
        }
        List<String> keys = conditions.stream().map(Dimension::key).toList();
        VisibleCases.Statement statement = VisibleCases.truthTable(viewer, query, mine, keys, outcome.key());
        int width = conditions.size();
        Map<List<Object>, Long> cases = new HashMap<>();
        Map<List<Object>, Map<String, Long>> outcomes = new HashMap<>();
        long total = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (Statement settings = connection.createStatement()) {
                settings.execute(VisibleCases.GENERIC_PLAN);
            }
            long counted = 0;
            try (PreparedStatement prepared = statement.prepare(connection);
                    ResultSet result = prepared.executeQuery()) {
                while (result.next()) {
                    List<Object> configuration = new ArrayList<>();
                    for (int i = 0; i < width; i++) {
                        configuration.add(value(conditions.get(i), result.getString(i + 1)));
                    }
                    long number = result.getLong(width + 3);
                    if (result.getInt(width + 2) == 1) {
                        cases.put(configuration, number);
                    } else {
                        String value = result.getString(width + 1);
                        outcomes.computeIfAbsent(configuration, c -> new LinkedHashMap<>())
                                .put(value == null ? "null" : value, number);
                    }
                    counted = result.getLong(width + 4);
                }
            }
            return counted;
        });
        Comparator<List<Object>> byCodebook = (a, b) -> 0;
        for (int i = 0; i < width; i++) {
            int at = i;
            byCodebook = byCodebook.thenComparingInt(
                    configuration -> conditions.get(at).rank(configuration.get(at)));
        }
        List<TruthTable.Row> rows = new ArrayList<>();
        cases.keySet().stream().sorted(byCodebook).forEach(configuration -> {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < width; i++) {
                values.put(keys.get(i), configuration.get(i));
            }
            Map<String, Long> spread = new LinkedHashMap<>();
            outcomes.getOrDefault(configuration, Map.of()).entrySet().stream()
                    .sorted(Comparator.comparingInt(entry ->
                            outcome.rank("null".equals(entry.getKey()) ? null : value(outcome, entry.getKey()))))
                    .forEach(entry -> spread.put(entry.getKey(), entry.getValue()));
            rows.add(new TruthTable.Row(values, cases.get(configuration), spread));
        });
        return new TruthTable(keys, outcome.key(), List.copyOf(rows), total);
    }

    /** A stored value as the answer gives it: a code, a Boolean for a yes/no dimension, or null. */
    private static Object value(Dimension dimension, String stored) {
        if (stored == null || dimension.type() != DimensionType.BOOLEAN) {
            return stored;
        }
        return Boolean.valueOf(stored);
    }
}
