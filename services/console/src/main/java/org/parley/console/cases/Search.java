package org.parley.console.cases;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseListFilters;
import org.parley.console.web.Facets;
import org.parley.console.web.Paths;

/**
 * A case listing's filters as typed and ticked in the search form, cleaned up: blanks dropped, dates only
 * as YYYY-MM-DD. The page reads them with the service's own {@link CaseListFilters} and hands them on to the
 * service in the same form; {@code mine} keeps only the cases whose team the viewer is on (the cases
 * service decides who that is).
 */
public record Search(String base, CaseListFilters filters, String cursor, boolean mine) {

    /** Case lists come a page of this many at a time, whatever the address asks. */
    static final int PAGE_SIZE = 20;

    public static Search of(String base, CaseListFilters asked, String team) {
        CaseListFilters filters = new CaseListFilters(
                Paths.blankToNull(asked.q()),
                Paths.nonBlank(asked.country()),
                Paths.nonBlank(asked.status()),
                Paths.nonBlank(asked.tier()),
                Paths.nonBlank(asked.entityType()),
                Paths.nonBlank(asked.groupType()),
                Paths.nonBlank(asked.coded()),
                date(asked.from()),
                date(asked.to()),
                null,
                Integer.toString(PAGE_SIZE));
        return new Search(base, filters, Paths.blankToNull(asked.cursor()), "mine".equals(team));
    }

    /** The most characters the search field takes: the cases service's limit, which a browser's maxlength keeps. */
    public int textLimit() {
        return CaseListFilters.MAX_TEXT;
    }

    /** What the service answers for these filters (a page of the listing, from the cursor's position, or a count). */
    public <T> T ask(Function<CaseListFilters, T> lister) {
        return lister.apply(paged(cursor, filters.limit()));
    }

    /** These filters for an export: every case they match, so no cursor and no page size. */
    public CaseListFilters exportFilters() {
        return paged(null, null);
    }

    private CaseListFilters paged(String from, String limit) {
        CaseListFilters f = filters;
        return new CaseListFilters(
                f.q(),
                f.country(),
                f.status(),
                f.tier(),
                f.entityType(),
                f.groupType(),
                f.coded(),
                f.from(),
                f.to(),
                from,
                limit);
    }

    /** One query parameter of this search, for the export form's hidden fields. */
    public record Param(String name, String value) {}

    /** This search's parameters (no cursor): what the export form sends on, so the file holds what the list shows. */
    public List<Param> params() {
        List<Param> params = new java.util.ArrayList<>();
        if (q() != null) {
            params.add(new Param("q", q()));
        }
        selected().forEach((name, values) -> values.forEach(value -> params.add(new Param(name, value))));
        if (from() != null) {
            params.add(new Param("from", from()));
        }
        if (to() != null) {
            params.add(new Param("to", to()));
        }
        if (mine) {
            params.add(new Param("team", "mine"));
        }
        return params;
    }

    public String q() {
        return filters.q();
    }

    public String from() {
        return filters.from();
    }

    public String to() {
        return filters.to();
    }

    /** The address of the page after this one, or null at the end. */
    public String nextUrl(CaseList page) {
        return page.nextCursor() == null ? null : url(page.nextCursor());
    }

    /** The values ticked, by facet name ({@link CaseList#FACETS}). */
    public Map<String, List<String>> selected() {
        return Map.of(
                "country",
                filters.country(),
                "status",
                filters.status(),
                "tier",
                filters.tier(),
                "entityType",
                filters.entityType(),
                "groupType",
                filters.groupType(),
                Facets.CODED,
                filters.coded());
    }

    public boolean filtered() {
        return mine
                || q() != null
                || from() != null
                || to() != null
                || selected().values().stream().anyMatch(values -> !values.isEmpty());
    }

    /** This search's URL, continuing at a cursor. */
    public String url(String cursor) {
        String query = Paths.param("q", q())
                + Paths.params("country", filters.country())
                + Paths.params("status", filters.status())
                + Paths.params("tier", filters.tier())
                + Paths.params("entityType", filters.entityType())
                + Paths.params("groupType", filters.groupType())
                + Paths.params(Facets.CODED, filters.coded())
                + Paths.param("from", from())
                + Paths.param("to", to())
                + Paths.param("team", mine ? "mine" : null)
                + Paths.param("cursor", cursor);
        return query.isEmpty() ? base : base + "?" + query.substring(1);
    }

    /** Only YYYY-MM-DD reaches a service; anything else is dropped. */
    private static String date(String value) {
        String v = Paths.blankToNull(value);
        return v != null && v.matches("\\d{4}-\\d{2}-\\d{2}") ? v : null;
    }
}
