package org.parley.interviews.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.parley.interviews.api.InterviewLookupFilters;
import org.parley.interviews.api.InterviewLookupPage;
import org.parley.interviews.api.InterviewMatch;
import org.parley.interviews.api.IntervieweeCategory;
import org.parley.interviews.config.InterviewsConfig;
import org.parley.interviews.events.InterviewEvents;
import org.parley.interviews.interview.Formats;
import org.parley.interviews.search.InterviewSearch.Cursor;
import org.parley.interviews.search.InterviewSearch.Filter;
import org.parley.interviews.search.InterviewSearch.Paged;
import org.parley.interviews.vault.IdentityVault;
import org.parley.policy.Viewer;
import org.parley.web.PageLimit;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * The identity custodian's lookup: the interviews the vault holds an identity for, found by the columns kept in
 * clear (pseudonym, month, category, country; none of them is encrypted, so the database filters them all), and
 * answered without content. The custodian is no member of the interviews' cases and needs none: the lookup shows
 * what a reveal needs to start and no more, and every lookup is ledgered, as every reveal is.
 */
@ApplicationScoped
public class InterviewLookup {

    /** The longest pseudonym part searched for: a pseudonym itself has at most 120 characters. */
    static final int MAX_PSEUDONYM = 120;

    static final int DEFAULT_PAGE = 20;

    private final InterviewSearch search;
    private final InterviewEvents events;
    private final InterviewsConfig config;

    @Inject
    public InterviewLookup(InterviewSearch search, InterviewEvents events, InterviewsConfig config) {
        this.search = search;
        this.events = events;
        this.config = config;
    }

    /** The checked criteria; a bad value is a 400 naming its parameter, never echoing it. */
    record Criteria(
            String pseudonym,
            LocalDate from,
            LocalDate to,
            IntervieweeCategory category,
            String country,
            Cursor after,
            int limit) {

        static Criteria parse(InterviewLookupFilters query, int mostPerPage) {
            List<Problem.FieldError> errors = new ArrayList<>();
            String pseudonym = query.pseudonym() == null || query.pseudonym().isBlank()
                    ? null
                    : query.pseudonym().strip();
            if (pseudonym != null && pseudonym.length() > MAX_PSEUDONYM) {
                errors.add(new Problem.FieldError("pseudonym", "must be at most " + MAX_PSEUDONYM + " characters"));
            }
            Criteria criteria = new Criteria(
                    pseudonym,
                    Filter.month("from", query.from(), errors),
                    Filter.month("to", query.to(), errors),
                    Filter.category(query.category(), errors),
                    Filter.country(query.country(), errors),
                    Filter.cursor(query.cursor(), errors),
                    PageLimit.parse(query.limit(), DEFAULT_PAGE, mostPerPage, errors));
            if (!errors.isEmpty()) {
                throw new ProblemException(Problems.invalid(errors));
            }
            return criteria;
        }

        /** The names of the criteria given, for the ledger: never their values. */
        List<String> names() {
            List<String> names = new ArrayList<>();
            if (pseudonym != null) {
                names.add("pseudonym");
            }
            if (from != null) {
                names.add("from");
            }
            if (to != null) {
                names.add("to");
            }
            if (category != null) {
                names.add("category");
            }
            if (country != null) {
                names.add("country");
            }
            return names;
        }
    }

    /**
     * A page of matches for the custodian, ledgered in the same transaction (InterviewLookupMade: the counts and the
     * criteria's names). Anyone else gets the vault's refusal before a criterion is read, so a bad criterion tells
     * them nothing either.
     */
    @Transactional
    public InterviewLookupPage lookup(Viewer viewer, InterviewLookupFilters query) {
        IdentityVault.refuseAnyoneButTheCustodian(viewer);
        Criteria criteria = Criteria.parse(query, config.limits().maxPageSize());
        // Only interviews with an identity in the vault: the lookup leads to a reveal, nothing else.
        StringBuilder where =
                new StringBuilder("EXISTS (SELECT 1 FROM interview_identity v WHERE v.interview_id = i.id)");
        List<Object> params = new ArrayList<>();
        if (criteria.pseudonym() != null) {
            // a part, in any letter case; strpos takes the text as it is, so % and _ are plain characters
            where.append(" AND strpos(lower(i.pseudonym), lower(?)) > 0");
            params.add(criteria.pseudonym());
        }
        InterviewSearch.narrow(where, params, criteria.category(), criteria.country(), criteria.from(), criteria.to());
        Paged<InterviewMatch> page = search.page(
                new InterviewSearch.Rows<>(
                        "i.id, i.pseudonym, i.interview_month,"
                                + " (SELECT count(*) FROM interview_case_link l WHERE l.interview_id = i.id) AS linked",
                        row -> new InterviewMatch(
                                row.getObject("id", UUID.class),
                                row.getString("pseudonym"),
                                Formats.monthOf(row.getDate("interview_month").toLocalDate()),
                                row.getInt("linked")),
                        match -> new Cursor(Formats.firstDayOf(match.date()), match.id())),
                where.toString(),
                params,
                criteria.after(),
                criteria.limit());
        events.lookupMade(viewer, page.total(), page.items().size(), criteria.names());
        return new InterviewLookupPage(page.items(), page.total(), page.nextCursor());
    }
}
