package org.parley.interviews.api;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The criteria of the identity custodian's lookup ({@code GET /identity/interviews}), named once for the service and
 * the console. Values travel as text: the service checks them and answers a bad one with a 400 naming the parameter.
 * Every criterion given must match; none given finds every interview the vault holds an identity for.
 *
 * <p>A class with fields rather than a record: that is the form both the server's parameter injection and the REST
 * client's parameter reading support.
 */
public class InterviewLookupFilters {

    @Parameter(description = "part of the pseudonym, in any letter case")
    @QueryParam("pseudonym")
    private String pseudonym;

    @Parameter(description = "first month, YYYY-MM")
    @QueryParam("from")
    private String from;

    @Parameter(description = "last month, YYYY-MM")
    @QueryParam("to")
    private String to;

    @Parameter(description = "interviewee category")
    @QueryParam("category")
    private String category;

    @Parameter(description = "ISO 3166-1 alpha-2 country code")
    @QueryParam("country")
    private String country;

    @Parameter(description = "nextCursor of the previous page")
    @QueryParam("cursor")
    private String cursor;

    @Parameter(description = "Page size, 1 to 100 (20 when absent)", schema = @Schema(type = SchemaType.INTEGER))
    @QueryParam("limit")
    private String limit;

    /** For the server, which fills the fields from the query. */
    public InterviewLookupFilters() {}

    /** What the console's lookup form sends; a null value does not filter. */
    public static InterviewLookupFilters of(
            String pseudonym, String from, String to, String category, String country, String cursor, int limit) {
        InterviewLookupFilters filters = new InterviewLookupFilters();
        filters.pseudonym = pseudonym;
        filters.from = from;
        filters.to = to;
        filters.category = category;
        filters.country = country;
        filters.cursor = cursor;
        filters.limit = Integer.toString(limit);
        return filters;
    }

    public String pseudonym() {
        return pseudonym;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public String category() {
        return category;
    }

    public String country() {
        return country;
    }

    public String cursor() {
        return cursor;
    }

    public String limit() {
        return limit;
    }

    @Override
    public String toString() {
        // what was searched for stays out of every log line
        return "InterviewLookupFilters[redacted]";
    }
}
