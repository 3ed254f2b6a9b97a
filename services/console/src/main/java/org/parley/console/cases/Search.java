package org.parley.console.cases;

import java.util.List;
import java.util.Map;

import org.parley.console.clients.Cases.CaseList;
import org.parley.console.web.Paths;

/**
 * The filters of a case listing, as typed and ticked in the search form; {@code mine} keeps only the
 * cases whose team the viewer is on (the cases service decides who that is).
 */
public record Search(
        String base,
        String q,
        List<String> country,
        List<String> status,
        List<String> tier,
        List<String> entityType,
        List<String> groupType,
        String from,
        String to,
        boolean mine) {

    public static Search of(
            String base,
            String q,
            List<String> country,
            List<String> status,
            List<String> tier,
            List<String> entityType,
            List<String> groupType,
            String from,
            String to,
            String team) {
        return new Search(
                base,
                Paths.blankToNull(q),
                Paths.nonBlank(country),
                Paths.nonBlank(status),
                Paths.nonBlank(tier),
                Paths.nonBlank(entityType),
                Paths.nonBlank(groupType),
                date(from),
                date(to),
                "mine".equals(team));
    }

    /** Case lists come a page of this many at a time. */
    static final int PAGE_SIZE = 20;

    /** A case listing's one call, as the cases service and its public register both answer it. */
    @FunctionalInterface
    public interface Lister {
        CaseList list(
                String q,
                List<String> country,
                List<String> status,
                List<String> tier,
                List<String> entityType,
                List<String> groupType,
                String from,
                String to,
                String cursor,
                Integer limit);
    }

    /** One page of the listing for these filters, from the cursor's position. */
    public CaseList ask(Lister lister, String cursor) {
        return lister.list(
                q, country, status, tier, entityType, groupType, from, to, Paths.blankToNull(cursor), PAGE_SIZE);
    }

    /** The address of the page after this one, or null at the end. */
    public String nextUrl(CaseList page) {
        return page.nextCursor() == null ? null : url(page.nextCursor());
    }

    public Map<String, List<String>> selected() {
        return Map.of(
                "country", country, "status", status, "tier", tier, "entityType", entityType, "groupType", groupType);
    }

    public boolean filtered() {
        return mine
                || q != null
                || from != null
                || to != null
                || !country.isEmpty()
                || !status.isEmpty()
                || !tier.isEmpty()
                || !entityType.isEmpty()
                || !groupType.isEmpty();
    }

    /** This search's URL, continuing at a cursor. */
    public String url(String cursor) {
        String query = Paths.param("q", q)
                + Paths.params("country", country)
                + Paths.params("status", status)
                + Paths.params("tier", tier)
                + Paths.params("entityType", entityType)
                + Paths.params("groupType", groupType)
                + Paths.param("from", from)
                + Paths.param("to", to)
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
