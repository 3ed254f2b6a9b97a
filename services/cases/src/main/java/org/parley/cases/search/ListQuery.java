package org.parley.cases.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseStatus;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.api.codebook.Dimension;
import org.parley.cases.api.codebook.DimensionType;
import org.parley.cases.content.IsoCountry;
import org.parley.policy.Tier;
import org.parley.web.PageLimit;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * The filters of {@code GET /cases} and {@code GET /public/cases} ({@link CaseListFilters}), checked: every
 * bad value is a 400 naming the parameter (never quoting it).
 *
 * @param text the full-text query, or null
 * @param from cases whose period ends on or after this date (or has not ended)
 * @param to cases whose period starts on or before this date
 * @param coded the coded values asked for, by codebook key (a code, or a Boolean for a yes/no dimension); a case
 *     matches when, for every key, it has any of the values
 */
public record ListQuery(
        String text,
        List<String> countries,
        List<String> statuses,
        List<String> tiers,
        List<String> entityTypes,
        List<String> groupTypes,
        Map<String, List<Object>> coded,
        LocalDate from,
        LocalDate to,
        Cursor cursor,
        int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_TEXT = CaseListFilters.MAX_TEXT;

    /** The first page of {@code limit} cases, with no filter but the text (null: none). */
    public static ListQuery firstPage(String text, int limit) {
        return new ListQuery(
                text, List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), null, null, null, limit);
    }

    /** The filters alone (no cursor, no page length): what the public register's kept answers are keyed by. */
    public ListQuery filters() {
        return new ListQuery(text, countries, statuses, tiers, entityTypes, groupTypes, coded, from, to, null, 0);
    }

    /** The same query without its text: the cases a text query searches among. */
    public ListQuery withoutText() {
        return new ListQuery(null, countries, statuses, tiers, entityTypes, groupTypes, coded, from, to, cursor, limit);
    }

    public static ListQuery parse(CaseListFilters filters) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String q = filters.q();
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && (text.length() > MAX_TEXT || text.chars().anyMatch(Character::isISOControl))) {
            errors.add(new Problem.FieldError(
                    "q", "must be at most " + MAX_TEXT + " characters, without control characters"));
        }
        List<String> countries = new ArrayList<>();
        for (String value : orEmpty(filters.country())) {
            if (!IsoCountry.Validator.isCountry(value)) {
                errors.add(new Problem.FieldError("country", "must be an ISO 3166-1 alpha-2 country code"));
                break;
            }
            countries.add(value);
        }
        List<String> statuses = names(filters.status(), CaseStatus.class, "status", errors);
        List<String> tiers = names(filters.tier(), Tier.class, "tier", errors);
        List<String> entityTypes = names(filters.entityType(), EntityType.class, "entityType", errors);
        List<String> groupTypes = names(filters.groupType(), GroupType.class, "groupType", errors);
        Map<String, List<Object>> coded = coded(filters.coded(), errors);
        LocalDate fromDate = date(filters.from(), "from", errors);
        LocalDate toDate = date(filters.to(), "to", errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add(new Problem.FieldError("to", "must not be before from"));
        }
        Cursor after = null;
        String cursor = filters.cursor();
        if (cursor != null && !cursor.isEmpty()) {
            after = Cursor.decode(cursor);
            if (after == null) {
                errors.add(new Problem.FieldError("cursor", "is not a cursor this service issued"));
            }
        }
        int size = PageLimit.parse(filters.limit(), DEFAULT_LIMIT, MAX_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
        return new ListQuery(
                text, countries, statuses, tiers, entityTypes, groupTypes, coded, fromDate, toDate, after, size);
    }

    private static <E extends Enum<E>> List<String> names(
            List<String> values, Class<E> type, String field, List<Problem.FieldError> errors) {
        List<String> names = new ArrayList<>();
        for (String value : orEmpty(values)) {
            try {
                names.add(Enum.valueOf(type, value).name());
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(new Problem.FieldError(field, "must be one of " + List.of(type.getEnumConstants())));
                break;
            }
        }
        return names;
    }

    /**
     * The {@code team} parameter of a listing: whether only the caller's team cases count.
     *
     * @throws ProblemException a 400 naming {@code team} for anything but absent or {@code mine}
     */
    public static boolean mine(String team) {
        if (team != null && !"mine".equals(team)) {
            throw new ProblemException(Problems.invalid(List.of(new Problem.FieldError("team", "must be mine"))));
        }
        return team != null;
    }

    /** {@code <key>:<value>} pairs of the coded facets, by key in the order first asked. */
    private static Map<String, List<Object>> coded(List<String> pairs, List<Problem.FieldError> errors) {
        Map<String, List<Object>> coded = new LinkedHashMap<>();
        for (String pair : orEmpty(pairs)) {
            int colon = pair.lastIndexOf(':');
            String key = colon < 0 ? pair : pair.substring(0, colon);
            Optional<Dimension> dimension = CaseList.codedFacet(key);
            if (colon < 0 || dimension.isEmpty()) {
                errors.add(new Problem.FieldError(
                        "coded", "must be <key>:<value> with a key of " + CaseList.CODED_FACETS));
                break;
            }
            String value = pair.substring(colon + 1);
            Object parsed = dimension.get().type() == DimensionType.BOOLEAN
                    ? (value.equals("true") ? Boolean.TRUE : value.equals("false") ? Boolean.FALSE : null)
                    : (dimension.get().codes().contains(value) ? value : null);
            if (parsed == null) {
                errors.add(new Problem.FieldError(
                        "coded",
                        "must give " + key + " one of "
                                + (dimension.get().type() == DimensionType.BOOLEAN
                                        ? "[true, false]"
                                        : dimension.get().codes())));
                break;
            }
            coded.computeIfAbsent(key, k -> new ArrayList<>()).add(parsed);
        }
        return coded;
    }

    private static LocalDate date(String value, String field, List<Problem.FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be an ISO date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static List<String> orEmpty(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> present = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                present.add(value);
            }
        }
        return present;
    }
}
