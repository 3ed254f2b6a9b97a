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

    /** What the service answers for these filters (a page of the listing, from the cursor's position, or a count). */
    public <T> T ask(Function<CaseListFilters, T> lister) {
        CaseListFilters f = filters;
        return lister.apply(new CaseListFilters(
                f.q(),
                f.country(),
                f.status(),
                f.tier(),
                f.entityType(),
                f.groupType(),
                f.coded(),
                f.from(),
                f.to(),
                cursor,
                f.limit()));
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
