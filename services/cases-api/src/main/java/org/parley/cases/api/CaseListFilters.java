package org.parley.cases.api;

import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters of a case listing ({@code GET /cases} and {@code GET /public/cases}), named once for the
 * service that reads them and the clients that send them. Values travel as text: the service checks them
 * and answers a bad one with a 400 problem naming the parameter, which typed fields could not do (JAX-RS
 * turns an unconvertible query parameter into a 404). Filters taking several values are repeated
 * ({@code country=MX&country=CO}).
 *
 * <p>A class with fields rather than a record: that is the form both the server's parameter injection and
 * the REST client's parameter reading support.
 */
public class CaseListFilters {

    /** The most characters (UTF-16 code units, as a browser's {@code maxlength} counts them) a search text may have. */
    public static final int MAX_TEXT = 1000;

    @Parameter(
            description =
                    "Full-text query (web search syntax: words, \"phrases\", -excluded), at most 1,000 characters",
            schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TEXT))
    @QueryParam("q")
    private String q;

    @Parameter(description = "ISO 3166-1 alpha-2 country code")
    @QueryParam("country")
    private List<String> country;

    @Parameter(description = "Case status")
    @QueryParam("status")
    private List<String> status;

    @Parameter(description = "Secrecy tier")
    @QueryParam("tier")
    private List<String> tier;

    @Parameter(description = "Negotiating entity type (matches only cases whose CONTEXT you see)")
    @QueryParam("entityType")
    private List<String> entityType;

    @Parameter(description = "Criminal group type (matches only cases whose CONTEXT you see)")
    @QueryParam("groupType")
    private List<String> groupType;

    @Parameter(
            description = "A coded value, as <codebook key>:<value> (context.groups.internalControl:FRAGMENTED,"
                    + " results.dealReached:true), for the keys of CaseList.CODED_FACETS; matches only cases whose"
                    + " section of that key you see. Repeat: values of one key match any, different keys all")
    @QueryParam("coded")
    private List<String> coded;

    @Parameter(description = "Period overlaps from this date (YYYY-MM-DD)")
    @QueryParam("from")
    private String from;

    @Parameter(description = "Period overlaps up to this date (YYYY-MM-DD)")
    @QueryParam("to")
    private String to;

    @Parameter(description = "nextCursor of the previous page")
    @QueryParam("cursor")
    private String cursor;

    @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
    @QueryParam("limit")
    private String limit;

    /** For the server, which fills the fields from the query. */
    public CaseListFilters() {}

    public CaseListFilters(
            String q,
            List<String> country,
            List<String> status,
            List<String> tier,
            List<String> entityType,
            List<String> groupType,
            String from,
            String to,
            String cursor,
            String limit) {
        this(q, country, status, tier, entityType, groupType, List.of(), from, to, cursor, limit);
    }

    public CaseListFilters(
            String q,
            List<String> country,
            List<String> status,
            List<String> tier,
            List<String> entityType,
            List<String> groupType,
            List<String> coded,
            String from,
            String to,
            String cursor,
            String limit) {
        this.coded = coded;
        this.q = q;
        this.country = country;
        this.status = status;
        this.tier = tier;
        this.entityType = entityType;
        this.groupType = groupType;
        this.from = from;
        this.to = to;
        this.cursor = cursor;
        this.limit = limit;
    }

    /** No filter: the first page of this many cases. */
    public static CaseListFilters firstPage(int limit) {
        return new CaseListFilters(null, null, null, null, null, null, null, null, null, Integer.toString(limit));
    }

    /** The first page of the cases whose text matches these words, every other filter left open. */
    public static CaseListFilters matching(String words, int limit) {
        return new CaseListFilters(
                words,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                Integer.toString(limit));
    }

    public String q() {
        return q;
    }

    public List<String> country() {
        return country;
    }

    public List<String> status() {
        return status;
    }

    public List<String> tier() {
        return tier;
    }

    public List<String> entityType() {
        return entityType;
    }

    public List<String> groupType() {
        return groupType;
    }

    public List<String> coded() {
        return coded;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public String cursor() {
        return cursor;
    }

    public String limit() {
        return limit;
    }
}
