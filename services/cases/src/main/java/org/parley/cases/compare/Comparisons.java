package org.parley.cases.compare;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.cases.api.CaseEffects;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseMatrix;
import org.parley.cases.api.ComparableCase;
import org.parley.cases.api.CompareApi;
import org.parley.cases.api.CrossTab;
import org.parley.cases.api.TruthTable;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.Dimension;
import org.parley.cases.api.codebook.DimensionType;
import org.parley.cases.audit.CaseAudit;
import org.parley.cases.casefile.CaseFile;
import org.parley.cases.search.CaseSearch;
import org.parley.cases.search.Cursor;
import org.parley.cases.search.ListQuery;
import org.parley.cases.search.RegisterAnswers;
import org.parley.cases.search.VisibleCases;
import org.parley.gate.CaseGate;
import org.parley.policy.Section;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/** The matrix, cross-tabulations, truth tables and comparable cases of coded dimensions over the cases a viewer may see, counted in the list's SQL. */
@ApplicationScoped
public class Comparisons {

    private final CaseGate access;
    private final CaseAudit audit;
    private final ObjectMapper json;
    private final CaseSearch search;
    private final RegisterAnswers registerAnswers;

    @Inject
    public Comparisons(
            CaseGate access, CaseAudit audit, ObjectMapper json, CaseSearch search, RegisterAnswers registerAnswers) {
        this.access = access;
        this.audit = audit;
        this.json = json;
        this.search = search;
        this.registerAnswers = registerAnswers;
    }

    /**
     * The dimension a {@code rows}, {@code cols} or {@code outcome} parameter names: a key of {@link
     * CaseList#CODED_FACETS}.
     *
     * @throws ProblemException a 400 naming the parameter, never quoting it
     */
    public static Dimension codedDimension(String parameter, String key) {
        return CaseList.codedFacet(key)
                .orElseThrow(() -> new ProblemException(Problems.invalid(List.of(
                        new Problem.FieldError(parameter, "must be a codebook key of " + CaseList.CODED_FACETS)))));
    }

    /** {@code compare}'s parameters, each checked (a 400 names the first bad one), then {@link #matrix}. */
    @Transactional
    public CaseMatrix matrix(Viewer viewer, String dims, CaseListFilters filters, boolean mine) {
        List<Dimension> dimensions = codedDimensions("dims", dims, CompareApi.MAX_DIMENSIONS);
        return matrix(viewer, dimensions, ListQuery.parse(filters), mine);
    }

    /** {@code crosstab}'s parameters, each checked (a 400 names the first bad one), then {@link #crosstab}. */
    @Transactional
    public CrossTab crosstab(Viewer viewer, String rows, String cols, CaseListFilters filters, boolean mine) {
        Dimension rowDimension = codedDimension("rows", rows);
        Dimension colDimension = codedDimension("cols", cols);
        return crosstab(viewer, rowDimension, colDimension, ListQuery.parse(filters), mine);
    }

    /** {@code truthtable}'s parameters, each checked (a 400 names the first bad one), then {@link #truthTable}. */
    @Transactional
    public TruthTable truthTable(
            Viewer viewer, String conditions, String outcome, CaseListFilters filters, boolean mine) {
        List<Dimension> conditionDimensions = codedDimensions("conditions", conditions, CompareApi.MAX_CONDITIONS);
        Dimension outcomeDimension = codedDimension("outcome", outcome);
        return truthTable(viewer, conditionDimensions, outcomeDimension, ListQuery.parse(filters), mine);
    }

    /** The cross-tabulation; while the policy projection is stale, nobody gets one (503), as for the list. */
    @Transactional
    public CrossTab crosstab(Viewer viewer, Dimension rows, Dimension cols, ListQuery query, boolean mine) {
        Counts counts = counts(
                List.of("crosstab", query.filters(), rows.key(), cols.key()),
                2,
                VisibleCases.crosstabAbove(viewer, query, mine, rows.key(), cols.key()),
                VisibleCases.crosstabRegister(query, rows.key(), cols.key()),
                mine);
        List<CrossTab.Cell> cells = new ArrayList<>();
        counts.counts()
                .forEach((group, count) ->
                        cells.add(new CrossTab.Cell(value(rows, group.get(0)), value(cols, group.get(1)), count)));
        cells.sort(Comparator.comparingInt((CrossTab.Cell cell) -> rows.rank(cell.row()))
                .thenComparingInt(cell -> cols.rank(cell.col())));
        return new CrossTab(rows.key(), cols.key(), List.copyOf(cells), counts.total());
    }

    /**
     * Grouped counts of cases (group columns as text → count) and how many cases were counted, at a listing version.
     * The register's plus the corrections over the viewer's cases above it are the viewer's; a group whose count comes
     * to zero is left out, as one no case is in.
     */
    private record Counts(long version, long registerVersion, Map<List<String>, Long> counts, long total)
            implements RegisterAnswers.Part {

        Counts plus(Counts other) {
            Map<List<String>, Long> sum = new LinkedHashMap<>(counts);
            RegisterAnswers.add(sum, other.counts, 1);
            if (total + other.total < 0) {
                throw new IllegalStateException("a total came out negative");
            }
            return new Counts(version, registerVersion, sum, total + other.total);
        }
    }

    /**
     * The viewer's counts: those of {@code register} (kept per {@code key} and version) plus those of {@code above},
     * both statements of {@link VisibleCases}' signed shape with {@code width} group columns; with {@code mine} only
     * the viewer's team cases count, and {@code above} alone is the answer.
     */
    private Counts counts(
            List<Object> key, int width, VisibleCases.Statement above, VisibleCases.Statement register, boolean mine) {
        if (mine) {
            return signedCounts(above, width);
        }
        return registerAnswers.answer(
                key, () -> signedCounts(above, width), () -> signedCounts(register, width), Counts::plus);
    }

    /**
     * Reads rows {@code (version, sign, group columns…, count, total, register_version)}: each group's count times its
     * sign, summed, and the total of each sign's rows times the sign, summed. A row with a null sign only carries the
     * versions.
     */
    private Counts signedCounts(VisibleCases.Statement statement, int width) {
        long[] version = new long[2];
        Map<Integer, Long> totals = new HashMap<>();
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        run(statement, result -> {
            version[0] = result.getLong(1);
            version[1] = result.getLong(5 + width);
            int sign = result.getInt(2);
            if (result.wasNull()) {
                return;
            }
            List<String> group = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                group.add(result.getString(3 + i));
            }
            counts.merge(group, sign * result.getLong(3 + width), Long::sum);
            totals.put(sign, result.getLong(4 + width));
        });
        counts.values().removeIf(count -> count == 0);
        long total = totals.entrySet().stream()
                .mapToLong(entry -> entry.getKey() * entry.getValue())
                .sum();
        return new Counts(version[0], version[1], counts, total);
    }

    /**
     * A parameter of 1 to {@code most} distinct keys of coded facets, comma-separated ({@code conditions}, {@code
     * dims}).
     */
    public static List<Dimension> codedDimensions(String parameter, String keys, int most) {
        List<String> split = keys == null ? List.of() : List.of(keys.split(",", -1));
        if (split.isEmpty() || split.size() > most || split.stream().distinct().count() != split.size()) {
            throw new ProblemException(Problems.invalid(List.of(new Problem.FieldError(
                    parameter, "must be 1 to " + most + " distinct codebook keys, comma-separated"))));
        }
        return split.stream().map(key -> codedDimension(parameter, key.strip())).toList();
    }

    /**
     * A page of the comparison matrix; while the policy projection is stale, nobody gets one (503), as for the list.
     * Each row's restricted sections are recorded as read, as the list records them.
     */
    @Transactional
    public CaseMatrix matrix(Viewer viewer, List<Dimension> dimensions, ListQuery query, boolean mine) {
        Page page = page(VisibleCases.matrix(viewer, query, mine), query, mine);
        List<CaseMatrix.Row> rows = new ArrayList<>();
        List<CaseAudit.Read> reads = new ArrayList<>();
        for (Found row : page.found()) {
            JsonNode coded = readTree(row.column());
            Map<String, Object> values = new LinkedHashMap<>();
            Set<Section> returned = EnumSet.noneOf(Section.class);
            if (row.title() != null) {
                returned.add(Section.HEADER);
            }
            for (Dimension dimension : dimensions) {
                JsonNode stored = coded.get(dimension.key());
                if (stored != null) {
                    values.put(dimension.key(), matrixValue(dimension, stored));
                    returned.add(Section.valueOf(dimension.section()));
                }
            }
            reads.add(new CaseAudit.Read(row.id().toString(), row.tier(), row.released(), returned));
            rows.add(new CaseMatrix.Row(row.id().toString(), row.title(), values));
        }
        audit.readAll(viewer, reads);
        List<CaseMatrix.Column> columns = dimensions.stream()
                .map(dimension -> new CaseMatrix.Column(dimension.key(), dimension.section(), dimension.label()))
                .toList();
        return new CaseMatrix(columns, List.copyOf(rows), page.total(), page.nextCursor());
    }

    /** A case of a page: its id, order, policy, title (null where the HEADER is hidden) and the statement's column. */
    private record Found(UUID id, LocalDate periodStart, Tier tier, boolean released, String title, String column) {}

    /** A page of cases: at most the query's limit, the total, and where the next page starts (null on the last). */
    private record Page(List<Found> found, long total, String nextCursor) {}

    /** The statement's page with the corrections to the register's total, at a listing and a register version. */
    private record Corrected(long version, long registerVersion, List<Found> found, long mine, long minePublic)
            implements RegisterAnswers.Part {}

    /**
     * Runs a statement of {@link VisibleCases#matrix}'s shape; its total is the register's (shared with the list's)
     * plus its corrections, and the row beyond the limit gives the next cursor.
     */
    private Page page(VisibleCases.Statement statement, ListQuery query, boolean mine) {
        Corrected[] read = new Corrected[1];
        long total;
        if (mine) {
            // Only the viewer's team cases: the register takes no part.
            read[0] = corrected(statement);
            total = read[0].mine();
        } else {
            total = registerAnswers.answer(
                    CaseSearch.summaryKey(query),
                    () -> read[0] = corrected(statement),
                    () -> search.registerSummary(query),
                    (part, register) -> register.total() + part.mine() - part.minePublic());
        }
        List<Found> found = read[0].found();
        if (found.size() <= query.limit()) {
            return new Page(found, total, null);
        }
        Found last = found.get(query.limit() - 1);
        return new Page(found.subList(0, query.limit()), total, new Cursor(last.periodStart(), last.id()).encode());
    }

    private Corrected corrected(VisibleCases.Statement statement) {
        List<Found> found = new ArrayList<>();
        long[] read = new long[4];
        run(statement, result -> {
            read[0] = result.getLong(1);
            read[1] = result.getLong(2);
            read[2] = result.getLong(3);
            read[3] = result.getLong(10);
            UUID id = result.getObject(4, UUID.class);
            if (id != null) {
                found.add(new Found(
                        id,
                        result.getDate(5).toLocalDate(),
                        Tier.valueOf(result.getString(6)),
                        result.getBoolean(7),
                        result.getString(8),
                        result.getString(9)));
            }
        });
        return new Corrected(read[0], read[3], found, read[1], read[2]);
    }

    /** {@code effects}' parameters, each checked (a 400 names the first bad one), then {@link #effects}. */
    @Transactional
    public CaseEffects effects(Viewer viewer, String indicator, CaseListFilters filters, boolean mine) {
        Dimension indicators = Codebook.standard().dimension(INDICATOR).orElseThrow();
        if (indicator == null || indicators.value(indicator).isEmpty()) {
            throw new ProblemException(Problems.invalid(List.of(new Problem.FieldError(
                    "indicator", "must be a code of " + INDICATOR + ": " + indicators.codes()))));
        }
        ListQuery asked = ListQuery.parse(filters);
        // Only cases that coded the indicator where the reader sees RESULTS: the list's own coded filter says which.
        Map<String, List<Object>> coded = new LinkedHashMap<>(asked.coded());
        coded.put(INDICATOR, List.of(indicator));
        ListQuery query = new ListQuery(
                asked.text(),
                asked.countries(),
                asked.statuses(),
                asked.tiers(),
                asked.entityTypes(),
                asked.groupTypes(),
                Map.copyOf(coded),
                asked.from(),
                asked.to(),
                asked.cursor(),
                asked.limit());
        Page page = page(VisibleCases.results(viewer, query, mine), query, mine);
        List<CaseEffects.Row> rows = new ArrayList<>();
        List<CaseAudit.Read> reads = new ArrayList<>();
        for (Found row : page.found()) {
            List<ObjectNode> effects = new ArrayList<>();
            for (JsonNode effect : readTree(row.column()).path("effects")) {
                if (indicator.equals(effect.path("indicator").asText())) {
                    ObjectNode entry = ((ObjectNode) effect).deepCopy();
                    entry.remove("sources");
                    effects.add(entry);
                }
            }
            Set<Section> returned = EnumSet.of(Section.RESULTS);
            if (row.title() != null) {
                returned.add(Section.HEADER);
            }
            reads.add(new CaseAudit.Read(row.id().toString(), row.tier(), row.released(), returned));
            rows.add(new CaseEffects.Row(row.id().toString(), row.title(), List.copyOf(effects)));
        }
        audit.readAll(viewer, reads);
        return new CaseEffects(indicator, List.copyOf(rows), page.nextCursor());
    }

    /** The codebook key of an effect's coded indicator. */
    private static final String INDICATOR = "results.effects.indicator";

    /**
     * A stored array of values as the matrix gives it: the one value (or null) of a dimension a case holds once, the
     * distinct values in the codebook's order (or null for none) of one with several values or in a block.
     */
    private static Object matrixValue(Dimension dimension, JsonNode stored) {
        List<Object> distinct = new ArrayList<>();
        for (JsonNode element : stored) {
            Object value = value(dimension, element.isNull() ? null : element.asText());
            if (value != null && !distinct.contains(value)) {
                distinct.add(value);
            }
        }
        if (distinct.isEmpty()) {
            return null;
        }
        if (dimension.block() == null && dimension.type() != DimensionType.SEVERAL) {
            return distinct.get(0);
        }
        distinct.sort(Comparator.comparingInt(dimension::rank));
        return List.copyOf(distinct);
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("coded values not readable", null);
        }
    }

    /** The truth table; while the policy projection is stale, nobody gets one (503), as for the list. */
    @Transactional
    public TruthTable truthTable(
            Viewer viewer, List<Dimension> conditions, Dimension outcome, ListQuery query, boolean mine) {
        List<String> keys = conditions.stream().map(Dimension::key).toList();
        int width = conditions.size();
        // Group columns: the conditions' values, the outcome's, and 1 where the row counts a configuration alone.
        Counts counts = counts(
                List.of("truthtable", query.filters(), keys, outcome.key()),
                width + 2,
                VisibleCases.truthTableAbove(viewer, query, mine, keys, outcome.key()),
                VisibleCases.truthTableRegister(query, keys, outcome.key()),
                mine);
        Map<List<Object>, Long> cases = new HashMap<>();
        Map<List<Object>, Map<String, Long>> outcomes = new HashMap<>();
        counts.counts().forEach((group, number) -> {
            List<Object> configuration = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                configuration.add(value(conditions.get(i), group.get(i)));
            }
            if ("1".equals(group.get(width + 1))) {
                cases.put(configuration, number);
            } else {
                String value = group.get(width);
                outcomes.computeIfAbsent(configuration, c -> new LinkedHashMap<>())
                        .put(value == null ? "null" : value, number);
            }
        });
        long total = counts.total();
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

    /**
     * The cases most like the one with this id among those the list would show the viewer; a case they may not know
     * exists is the same 404 as one that never did. Each row's restricted sections are recorded as read.
     */
    @Transactional
    public List<ComparableCase> comparable(Viewer viewer, String rawId, ListQuery query) {
        if (query.cursor() != null) {
            throw new ProblemException(Problems.invalid(
                    List.of(new Problem.FieldError("cursor", "must be absent: comparable cases come in one page"))));
        }
        CaseGate.Opened opened = access.open(viewer, rawId);
        CaseFile file = CaseFile.findById(opened.id());
        if (file == null || file.isDeleted()) {
            throw CaseGate.neverExisted(CaseGate.CASE);
        }
        Set<Section> seen = opened.decision().sections();
        List<String> anchorKeys = CaseList.CODED_FACETS.stream()
                .filter(key -> seen.contains(VisibleCases.sectionOf(key)))
                .toList();
        VisibleCases.Statement statement = VisibleCases.comparable(viewer, query, opened.id(), anchorKeys);
        List<ComparableCase> similar = new ArrayList<>();
        List<CaseAudit.Read> reads = new ArrayList<>();
        run(statement, result -> {
            String id = result.getObject(1, UUID.class).toString();
            String title = result.getString(4);
            List<String> matching = keys(result.getArray(5));
            List<String> differing = keys(result.getArray(6));
            Set<Section> returned = EnumSet.noneOf(Section.class);
            if (title != null) {
                returned.add(Section.HEADER);
            }
            java.util.stream.Stream.concat(matching.stream(), differing.stream())
                    .forEach(key -> returned.add(VisibleCases.sectionOf(key)));
            reads.add(new CaseAudit.Read(id, Tier.valueOf(result.getString(2)), result.getBoolean(3), returned));
            double score = (double) matching.size() / (matching.size() + differing.size());
            similar.add(new ComparableCase(id, title, score, matching, differing));
        });
        audit.readAll(viewer, reads);
        return List.copyOf(similar);
    }

    /** An array of codebook keys from SQL, in the codebook's order; none for NULL. */
    private static List<String> keys(java.sql.Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return java.util.Arrays.stream((String[]) array.getArray())
                .sorted(Comparator.comparingInt(CaseList.CODED_FACETS::indexOf))
                .toList();
    }

    /** Reads one row of a statement's result. */
    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * Runs a statement of {@link VisibleCases} in the caller's transaction ({@link CaseSearch#run}), passing each row to
     * {@code reader}. While the policy projection is stale, nobody gets an answer (503), as for the list.
     */
    private void run(VisibleCases.Statement statement, RowReader reader) {
        if (access.isStale()) {
            throw access.stale();
        }
        search.run(statement, rows -> {
            while (rows.next()) {
                reader.read(rows);
            }
            return null;
        });
    }

    /** A stored value as the answer gives it: a code, a Boolean for a yes/no dimension, or null. */
    private static Object value(Dimension dimension, String stored) {
        if (stored == null || dimension.type() != DimensionType.BOOLEAN) {
            return stored;
        }
        return Boolean.valueOf(stored);
    }
}
