package org.parley.interviews.search;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.parley.gate.CaseGate;
import org.parley.interviews.api.InterviewListFilters;
import org.parley.interviews.api.InterviewMode;
import org.parley.interviews.api.InterviewPage;
import org.parley.interviews.api.InterviewSummary;
import org.parley.interviews.api.IntervieweeCategory;
import org.parley.interviews.api.Theme;
import org.parley.interviews.config.InterviewsConfig;
import org.parley.interviews.interview.Formats;
import org.parley.interviews.questions.ResearchQuestions;
import org.parley.policy.RecordIds;
import org.parley.policy.SecrecySql;
import org.parley.policy.SqlFragment;
import org.parley.policy.Viewer;
import org.parley.projection.ProjectionFacts;
import org.parley.web.PageCursor;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * Searching interviews. Visibility is applied in SQL, joined against the policy projection: only
 * interviews whose content the caller may read (every linked case has the caller on its team, {@link
 * #visible}), and the total is counted by the same
 * WHERE clause as the page, so it cannot count what the page hides. Search returns no content, only the
 * fields kept in clear.
 */
@ApplicationScoped
public class InterviewSearch {

    /**
     * Interviews {@code i} whose content the viewer may read, generated from the policy ({@link
     * SecrecySql#interviewContentVisible}): every linked case exists in the projection (not deleted) and the
     * viewer reads content there; an interview with no link is nobody's.
     */
    static SqlFragment visible(Viewer viewer) {
        return SecrecySql.interviewContentVisible(
                viewer,
                "FROM interview_case_link l WHERE l.interview_id = i.id",
                "FROM case_policy p WHERE p.case_id = l.case_id AND NOT p.deleted",
                ProjectionFacts.ofPolicyRow(viewer, "p"));
    }

    private final EntityManager entityManager;
    private final InterviewsConfig config;
    private final CaseGate gate;

    @Inject
    public InterviewSearch(EntityManager entityManager, InterviewsConfig config, CaseGate gate) {
        this.entityManager = entityManager;
        this.config = config;
        this.gate = gate;
    }

    /** The query's filters, checked: a bad value is a 400 naming the parameter, never echoing it. */
    public record Filter(
            List<UUID> cases,
            List<Theme> themes,
            List<String> questions,
            IntervieweeCategory category,
            String country,
            LocalDate from,
            LocalDate to,
            String language,
            Cursor after,
            Integer limit) {

        public static Filter parse(InterviewListFilters query) {
            List<Problem.FieldError> errors = new ArrayList<>();
            List<UUID> caseIds = new ArrayList<>();
            for (String raw : query.cases() == null ? List.<String>of() : query.cases()) {
                RecordIds.parse(raw)
                        .ifPresentOrElse(
                                caseIds::add, () -> errors.add(new Problem.FieldError("case", "must be a case id")));
            }
            List<Theme> themeList = new ArrayList<>();
            for (String raw : query.themes() == null ? List.<String>of() : query.themes()) {
                Theme theme = enumOf(Theme.class, raw);
                if (theme == null) {
                    errors.add(new Problem.FieldError("theme", "must be one of " + Arrays.toString(Theme.values())));
                } else {
                    themeList.add(theme);
                }
            }
            List<String> questionList = ResearchQuestions.filter(query.questions(), errors);
            IntervieweeCategory categoryValue = category(query.category(), errors);
            country(query.country(), errors);
            LocalDate fromMonth = month("from", query.from(), errors);
            LocalDate toMonth = month("to", query.to(), errors);
            if (query.language() != null && !query.language().matches(Formats.LANGUAGE)) {
                errors.add(new Problem.FieldError("language", "must be a language tag such as es or pt-BR"));
            }
            Cursor after = cursor(query.cursor(), errors);
            Integer limitValue = null;
            if (query.limit() != null) {
                try {
                    limitValue = Integer.parseInt(query.limit());
                } catch (NumberFormatException e) {
                    limitValue = -1;
                }
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(Problems.invalid(errors));
            }
            return new Filter(
                    caseIds,
                    themeList,
                    questionList,
                    categoryValue,
                    query.country(),
                    fromMonth,
                    toMonth,
                    query.language(),
                    after,
                    limitValue);
        }

        // The readers of the parameters the member's search and the custodian's lookup share: each adds a named
        // error for a bad value (never echoing it) and answers null for it.

        static IntervieweeCategory category(String value, List<Problem.FieldError> errors) {
            if (value == null) {
                return null;
            }
            IntervieweeCategory category = enumOf(IntervieweeCategory.class, value);
            if (category == null) {
                errors.add(new Problem.FieldError(
                        "category", "must be one of " + Arrays.toString(IntervieweeCategory.values())));
            }
            return category;
        }

        static String country(String value, List<Problem.FieldError> errors) {
            if (value != null && !Formats.isCountry(value)) {
                errors.add(new Problem.FieldError("country", "must be an ISO 3166-1 alpha-2 code"));
                return null;
            }
            return value;
        }

        static Cursor cursor(String value, List<Problem.FieldError> errors) {
            if (value == null) {
                return null;
            }
            Cursor after = Cursor.decode(value);
            if (after == null) {
                errors.add(new Problem.FieldError("cursor", "is not a cursor this search returned"));
            }
            return after;
        }

        static LocalDate month(String field, String value, List<Problem.FieldError> errors) {
            if (value == null) {
                return null;
            }
            if (!value.matches(Formats.MONTH)) {
                errors.add(new Problem.FieldError(field, "must be a month, YYYY-MM"));
                return null;
            }
            return Formats.firstDayOf(value);
        }

        static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            return null;
        }
    }

    /** Where the next page starts: after this (month, id), in the order month descending, id ascending. */
    public record Cursor(LocalDate month, UUID id) {
        private static final String KIND = "interviews";

        String encode() {
            return PageCursor.encode(KIND, month.toString(), id.toString());
        }

        static Cursor decode(String value) {
            try {
                return PageCursor.decode(KIND, 2, value)
                        .flatMap(fields -> RecordIds.parse(fields.get(1))
                                .map(id -> new Cursor(LocalDate.parse(fields.get(0)), id)))
                        .orElse(null);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** A page of the interviews the viewer may read; the total and the page are read on one connection. */
    @Transactional
    public InterviewPage search(Viewer viewer, Filter filter) {
        // Visibility comes from the projection's memberships: while it is stale, none of them is trusted.
        gate.refuseWhileStale();
        int limit = filter.limit() == null ? 20 : filter.limit();
        if (limit < 1 || limit > config.limits().maxPageSize()) {
            throw new ProblemException(Problems.invalid(List.of(new Problem.FieldError(
                    "limit", "must be between 1 and " + config.limits().maxPageSize()))));
        }
        List<Object> params = new ArrayList<>();
        SqlFragment visible = visible(viewer);
        StringBuilder where = new StringBuilder(visible.sql());
        params.addAll(visible.parameters());
        for (UUID caseId : filter.cases()) {
            where.append(" AND EXISTS (SELECT 1 FROM interview_case_link c WHERE c.interview_id = i.id"
                    + " AND c.case_id = ?)");
            params.add(caseId);
        }
        if (!filter.themes().isEmpty()) {
            where.append(" AND i.themes @> ARRAY[")
                    .append(String.join(
                            ", ", java.util.Collections.nCopies(filter.themes().size(), "?")))
                    .append("]::text[]");
            filter.themes().forEach(theme -> params.add(theme.name()));
        }
        if (!filter.questions().isEmpty()) {
            // any of them: an interview informs a question, the filter gathers the evidence of several
            where.append(" AND i.research_questions && ARRAY[")
                    .append(String.join(
                            ", ",
                            java.util.Collections.nCopies(filter.questions().size(), "?")))
                    .append("]::text[]");
            params.addAll(filter.questions());
        }
        narrow(where, params, filter.category(), filter.country(), filter.from(), filter.to());
        if (filter.language() != null) {
            where.append(" AND i.language = ?");
            params.add(filter.language());
        }
        Paged<InterviewSummary> page = page(
                new Rows<>(
                        SUMMARY_COLUMNS,
                        InterviewSearch::summary,
                        hit -> new Cursor(Formats.firstDayOf(hit.date()), hit.id())),
                where.toString(),
                params,
                filter.after(),
                limit);
        return new InterviewPage(page.items(), page.total(), page.nextCursor());
    }

    /** The conditions on the columns in clear that the search and the custodian's lookup share; null: any. */
    static void narrow(
            StringBuilder where,
            List<Object> params,
            IntervieweeCategory category,
            String country,
            LocalDate from,
            LocalDate to) {
        if (category != null) {
            where.append(" AND i.category = ?");
            params.add(category.name());
        }
        if (country != null) {
            where.append(" AND i.country = ?");
            params.add(country);
        }
        if (from != null) {
            where.append(" AND i.interview_month >= ?");
            params.add(Date.valueOf(from));
        }
        if (to != null) {
            where.append(" AND i.interview_month <= ?");
            params.add(Date.valueOf(to));
        }
    }

    /** One row of a page, read from its result set. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** What a page is made of: the columns selected, how a row is read, and where a read row stands in the order. */
    record Rows<T>(String columns, RowReader<T> reader, java.util.function.Function<T, Cursor> positionOf) {}

    /** A page of rows of {@code interview i}, with the total of the same WHERE clause and the next page's cursor. */
    record Paged<T>(List<T> items, long total, String nextCursor) {}

    /**
     * The page after {@code after} of the interviews {@code where} selects (on {@code interview i}), in the order
     * month descending, id ascending, and their total; both read on one connection.
     */
    <T> Paged<T> page(Rows<T> rows, String where, List<Object> params, Cursor after, int limit) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try {
                return page(connection, rows, where, params, after, limit);
            } catch (SQLException e) {
                throw new IllegalStateException("interview search failed: " + e.getSQLState());
            }
        });
    }

    private static <T> Paged<T> page(
            Connection connection, Rows<T> shape, String where, List<Object> params, Cursor after, int limit)
            throws SQLException {
        long total = count(connection, where, params);
        List<Object> pageParams = new ArrayList<>(params);
        StringBuilder pageWhere = new StringBuilder(where);
        if (after != null) {
            pageWhere.append(" AND (i.interview_month < ? OR (i.interview_month = ? AND i.id > ?))");
            pageParams.add(Date.valueOf(after.month()));
            pageParams.add(Date.valueOf(after.month()));
            pageParams.add(after.id());
        }
        pageParams.add(limit + 1);
        String sql = "SELECT " + shape.columns() + " FROM interview i WHERE " + pageWhere
                + " ORDER BY i.interview_month DESC, i.id LIMIT ?";
        List<T> items = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, pageParams);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.add(shape.reader().read(rows));
                }
            }
        }
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            next = shape.positionOf().apply(items.get(limit - 1)).encode();
        }
        return new Paged<>(List.copyOf(items), total, next);
    }

    private static long count(Connection connection, String where, List<Object> params) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT count(*) FROM interview i WHERE " + where)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static final String SUMMARY_COLUMNS = "i.id, i.pseudonym, i.category, i.interview_month, i.country,"
            + " i.mode, i.language, i.themes, i.research_questions, ARRAY(SELECT CAST(l.case_id AS text)"
            + " FROM interview_case_link l WHERE l.interview_id = i.id ORDER BY l.position) AS cases";

    private static InterviewSummary summary(ResultSet rows) throws SQLException {
        return new InterviewSummary(
                rows.getObject("id", UUID.class),
                rows.getString("pseudonym"),
                IntervieweeCategory.valueOf(rows.getString("category")),
                Formats.monthOf(rows.getDate("interview_month").toLocalDate()),
                rows.getString("country"),
                InterviewMode.valueOf(rows.getString("mode")),
                rows.getString("language"),
                Arrays.stream((String[]) rows.getArray("themes").getArray())
                        .map(Theme::valueOf)
                        .toList(),
                ResearchQuestions.of(
                        (String[]) rows.getArray("research_questions").getArray()),
                List.of((String[]) rows.getArray("cases").getArray()));
    }

    private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }
}
