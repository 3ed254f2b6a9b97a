package org.parley.cases.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.ExportApi;
import org.parley.cases.search.ListQuery;
import org.parley.policy.Tier;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * An export asked for, checked: its format, its tier ceiling, the list's filters ({@link ListQuery}, read as the list
 * reads them) and {@code team}.
 *
 * @param filters the filters as parameters, for the ledger and the watermark: only checked codes, dates and keys, never
 *     the free-text query
 * @param textFiltered whether a free-text query {@code q} narrowed the export (its words are not in {@code filters})
 */
public record ExportRequest(
        ExportFormat format,
        Ceiling ceiling,
        ListQuery query,
        boolean mine,
        List<Filter> filters,
        boolean textFiltered) {

    /** One filter as a query parameter: {@code country=MX}. */
    public record Filter(String name, String value) {}

    /**
     * The request's parameters checked: every bad one is a 400 naming it, never quoting it; format and ceiling are
     * named together, then the list's filters as the list names them.
     */
    public static ExportRequest parse(String format, String ceiling, CaseListFilters filters, String team) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ExportFormat exportFormat = ExportFormat.of(format).orElse(null);
        if (exportFormat == null) {
            errors.add(new Problem.FieldError("format", "must be one of " + ExportApi.FORMATS));
        }
        Ceiling tier = Ceiling.of(ceiling).orElse(null);
        if (tier == null) {
            errors.add(new Problem.FieldError("ceiling", "must be one of " + Ceiling.NAMES));
        }
        // An export holds every case the filters match: a page of it would be a different file.
        if (filters.cursor() != null && !filters.cursor().isEmpty()) {
            errors.add(new Problem.FieldError("cursor", "an export has no pages"));
        }
        if (filters.limit() != null) {
            errors.add(new Problem.FieldError("limit", "an export has no pages"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
        ListQuery query = ListQuery.parse(filters);
        boolean mine = ListQuery.mine(team);
        if (mine && tier.tier() == Tier.PUBLICLY_KNOWN) {
            throw new ProblemException(Problems.invalid(List.of(new Problem.FieldError(
                    "team", "cannot narrow a PUBLICLY_KNOWN export, which is the same for everyone"))));
        }
        return new ExportRequest(exportFormat, tier, query, mine, filtersOf(query, mine), query.text() != null);
    }

    /** The checked filters in the order of the list's parameters; values as the list understood them. */
    private static List<Filter> filtersOf(ListQuery query, boolean mine) {
        List<Filter> filters = new ArrayList<>();
        query.countries().forEach(value -> filters.add(new Filter("country", value)));
        query.statuses().forEach(value -> filters.add(new Filter("status", value)));
        query.tiers().forEach(value -> filters.add(new Filter("tier", value)));
        query.entityTypes().forEach(value -> filters.add(new Filter("entityType", value)));
        query.groupTypes().forEach(value -> filters.add(new Filter("groupType", value)));
        for (Map.Entry<String, List<Object>> coded : query.coded().entrySet()) {
            coded.getValue().forEach(value -> filters.add(new Filter("coded", coded.getKey() + ":" + value)));
        }
        addDate(filters, "from", query.from());
        addDate(filters, "to", query.to());
        if (mine) {
            filters.add(new Filter("team", "mine"));
        }
        return List.copyOf(filters);
    }

    private static void addDate(List<Filter> filters, String name, LocalDate date) {
        if (date != null) {
            filters.add(new Filter(name, date.toString()));
        }
    }
}
