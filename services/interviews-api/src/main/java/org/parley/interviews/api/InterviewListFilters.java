package org.parley.interviews.api;

import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters of {@code GET /interviews}, named once for the service that reads them and the clients that send
 * them. Values travel as text: the service checks them and answers a bad one with a 400 naming the parameter
 * (JAX-RS would turn an unconvertible typed parameter into a 404). Repeated {@code case} and {@code theme} must
 * all match; repeated {@code question} matches interviews tagged with any of them.
 *
 * <p>A class with fields rather than a record: that is the form both the server's parameter injection and the
 * REST client's parameter reading support.
 */
public class InterviewListFilters {

    @Parameter(description = "linked case id; repeat for several (all must match)")
    @QueryParam("case")
    private List<String> cases;

    @Parameter(description = "coded theme; repeat for several (all must match)")
    @QueryParam("theme")
    private List<String> themes;

    @Parameter(description = "research question code of the codebook (RQ1 to RQ8); repeat for several (any may match)")
    @QueryParam("question")
    private List<String> questions;

    @Parameter(description = "interviewee category")
    @QueryParam("category")
    private String category;

    @Parameter(description = "ISO 3166-1 alpha-2 country code")
    @QueryParam("country")
    private String country;

    @Parameter(description = "first month, YYYY-MM")
    @QueryParam("from")
    private String from;

    @Parameter(description = "last month, YYYY-MM")
    @QueryParam("to")
    private String to;

    @Parameter(description = "language tag of the interview, such as es or pt-BR")
    @QueryParam("language")
    private String language;

    @Parameter(description = "nextCursor of the previous page")
    @QueryParam("cursor")
    private String cursor;

    @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER))
    @QueryParam("limit")
    private String limit;

    /** For the server, which fills the fields from the query. */
    public InterviewListFilters() {}

    private InterviewListFilters(
            List<String> cases,
            List<String> themes,
            List<String> questions,
            String category,
            String country,
            String cursor,
            String limit) {
        this.cases = cases;
        this.themes = themes;
        this.questions = questions;
        this.category = category;
        this.country = country;
        this.cursor = cursor;
        this.limit = limit;
    }

    /** The interviews linked to one case, first page of {@code limit}. */
    public static InterviewListFilters ofCase(String caseId, int limit) {
        return new InterviewListFilters(List.of(caseId), null, null, null, null, null, Integer.toString(limit));
    }

    /** What the console's list page filters by; a null value does not filter. */
    public static InterviewListFilters of(
            String caseId, String theme, String question, String category, String country, String cursor, int limit) {
        return new InterviewListFilters(
                caseId == null ? null : List.of(caseId),
                theme == null ? null : List.of(theme),
                question == null ? null : List.of(question),
                category,
                country,
                cursor,
                Integer.toString(limit));
    }

    public List<String> cases() {
        return cases;
    }

    public List<String> themes() {
        return themes;
    }

    public List<String> questions() {
        return questions;
    }

    public String category() {
        return category;
    }

    public String country() {
        return country;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public String language() {
        return language;
    }

    public String cursor() {
        return cursor;
    }

    public String limit() {
        return limit;
    }
}
