package org.parley.cases.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.parley.cases.api.CaseList;
import org.parley.policy.AbovePublic;
import org.parley.policy.CaseColumns;
import org.parley.policy.Relationship;
import org.parley.policy.SecrecySql;
import org.parley.policy.Section;
import org.parley.policy.SectionFlags;
import org.parley.policy.SqlFragment;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;

/**
 * The list, search and comparison statements, with the secrecy rules inside them: each case's relationship to the
 * viewer is computed per row ({@link SecrecySql#relationshipOf}, the precedence of {@code
 * SecrecyRules.relationshipOf}), joined with {@code visibility_rule} (written from {@code SecrecyRules.sections}), and
 * only cases with a visible section survive; sections the viewer may not see are masked in the SQL, so their text never
 * leaves the database. Text search matches a section only where the viewer may see it.
 *
 * <p>Lists and counts are the public register's answer ({@link #registerSummary}, {@link #crosstabRegister}, …, kept
 * by {@link RegisterAnswers}) corrected over the few cases where the viewer sees more ({@link #listPage}, {@link
 * #crosstabAbove}, …), so their cost follows those cases, not every case. Comparable cases and exports read one
 * visible set of every case ({@code visible}).
 */
public final class VisibleCases {

    /** A statement and its parameters, in order. */
    public record Statement(String sql, List<Object> parameters) {

        public PreparedStatement prepare(Connection connection) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            int index = 1;
            for (Object parameter : parameters) {
                if (parameter instanceof TextArray array) {
                    statement.setArray(
                            index++,
                            connection.createArrayOf("text", array.values().toArray()));
                } else {
                    statement.setObject(index++, parameter);
                }
            }
            return statement;
        }
    }

    record TextArray(List<String> values) {}

    /**
     * Run in the statement's transaction: the prepared statement keeps one plan instead of planning each time (10–30
     * ms for these statements on the bench's machine); and no parallel workers, whose start cost more than the few
     * rows a reader's statement reads (a search of 100,000 cases matching 100 of them: 11–13 ms with them, 5–7
     * without; no difference at 10,000 matches).
     */
    public static final String PLAN_SETTINGS =
            "SET LOCAL plan_cache_mode = force_generic_plan; SET LOCAL max_parallel_workers_per_gather = 0";

    /** The rule row's flags ({@code visibility_rule v}). */
    /** The keys a list counts, as SQL literals (codebook keys: letters and dots only, checked by CodebookRules). */
    private static final String COUNTED_KEYS = String.join(
            ", ", CaseList.COUNTED_FACETS.stream().map(key -> "'" + key + "'").toList());

    private static final SectionFlags RULE = new SectionFlags("v.");

    /** The same flags as columns of {@code visible}, and of its rows on the page ({@code pg}). */
    private static final SectionFlags VISIBLE = new SectionFlags("s_");

    private static final SectionFlags PAGE = new SectionFlags("pg.s_");

    /** The sections a list shows, in the order of their flag columns in the result. */
    private static final List<Section> LISTED =
            List.of(Section.HEADER, Section.CONTEXT, Section.PROCESS, Section.RESULTS);

    /** The rule's flags as the columns {@code s_header, s_context, …} of a case's row (of visible or known). */
    private static final String RULE_FLAGS = String.join(
            ", ",
            LISTED.stream()
                    .map(section -> RULE.of(section) + " AS " + VISIBLE.of(section))
                    .toList());

    /** A column of the result and the section it belongs to: it is NULL unless that section is visible. */
    private record SectionColumn(Section section, String expression) {}

    /** The masked columns of the result, in order (CaseSearch reads them by position). */
    private static final List<SectionColumn> MASKED = List.of(
            new SectionColumn(Section.HEADER, "c.title"),
            new SectionColumn(Section.HEADER, "c.country"),
            new SectionColumn(Section.HEADER, "c.region"),
            new SectionColumn(Section.HEADER, "c.status"),
            new SectionColumn(Section.HEADER, "c.period_start"),
            new SectionColumn(Section.HEADER, "c.period_end"),
            new SectionColumn(Section.CONTEXT, "c.context::text"),
            new SectionColumn(Section.PROCESS, "c.process::text"),
            new SectionColumn(Section.PROCESS, "c.timeline::text"),
            new SectionColumn(Section.RESULTS, "c.results::text"));

    /** The sections whose dimensions a list counts as coded facets. */
    private static final List<Section> CODED_SECTIONS = List.of(Section.CONTEXT, Section.PROCESS, Section.RESULTS);

    /** The section a codebook key belongs to: its first part ({@code process.risks.kind} is PROCESS). */
    public static Section sectionOf(String key) {
        return Section.valueOf(key.substring(0, key.indexOf('.')).toUpperCase(Locale.ROOT));
    }

    private static String prefixOf(Section section) {
        return section.name().toLowerCase(Locale.ROOT) + ".";
    }

    /** Each section's text-search vector. */
    private static final List<SectionColumn> SEARCHED = List.of(
            new SectionColumn(Section.HEADER, "c.header_tsv"),
            new SectionColumn(Section.CONTEXT, "c.context_tsv"),
            new SectionColumn(Section.PROCESS, "c.process_tsv"),
            new SectionColumn(Section.RESULTS, "c.results_tsv"));

    private final StringBuilder sql = new StringBuilder(4096);
    private final List<Object> parameters = new ArrayList<>();

    /** How this statement finds a text query's matches. */
    private TextMatch textMatch = TextMatch.COLLECTED;

    /** The reader whose cases above the register a part of {@link AboveCases#NONE_BY_KEY} leaves out. */
    private Viewer reader;

    private VisibleCases() {}

    /**
     * How a list finds the cases its text query matches. Either way the answer is the same (each case is decided by
     * its own rules, and a match counts only in a section they show); only the cost differs.
     */
    public enum TextMatch {
        /**
         * Every hit collected from the full-text indexes first ({@code text_hits}), then decided: the cost follows the
         * hits, which suits a rare text.
         */
        COLLECTED,
        /**
         * Each case the statement reads is matched against its own vectors: the register's from the full-text indexes
         * and-ed with the register's own index, the reader's cases above it in the page's order until the page is
         * full. A frequent text fills a page after a few cases, where collecting its hits would read a tenth of every
         * case.
         */
        PER_CASE;

        /**
         * The most cases above the register a page may read in order, matching each against its own vectors (~30–45
         * µs each on the bench's machine, against ~5 µs per collected hit).
         */
        public static final int WALK_BUDGET = 1_000;

        /**
         * The way for a page of {@code limit} of a text that matched {@code registerMatches} of the register's {@code
         * registerCases} cases under the same filters, for a reader who sees {@code readersCases} cases above the
         * register under those filters (null: not known, as before anything is kept). Per case, the register's part
         * reads its matches from the full-text indexes and-ed with its own index, and the reader's part reads their
         * cases in order until the page is full: about {@code (limit + 1) × registerCases / registerMatches} of them
         * if they match as densely as the register does, and never more than they have. Collected, every hit of every
         * case is read and decided, hidden cases' hits too, which grows with all the cases. So: per case while the
         * reader's walk stays within {@link #WALK_BUDGET}.
         */
        public static TextMatch forPage(Long registerMatches, Long registerCases, Long readersCases, int limit) {
            if (readersCases != null && readersCases == 0) {
                // Nothing above the register to walk: the register's matches alone, however many there are.
                return PER_CASE;
            }
            if (registerMatches == null || registerCases == null || readersCases == null) {
                return COLLECTED;
            }
            double walk = registerMatches == 0
                    ? readersCases
                    : Math.min(readersCases, (limit + 1.0) * registerCases / registerMatches);
            return walk <= WALK_BUDGET ? PER_CASE : COLLECTED;
        }
    }

    /** Whether a text query's matches are collected first ({@link TextMatch#COLLECTED}). */
    private boolean hitsCollected(ListQuery query) {
        return query.text() != null && textMatch == TextMatch.COLLECTED;
    }

    /**
     * The entry of hits a part of the statement reads its text query's matches from: every case's ({@link
     * #TEXT_HITS}) when they are collected; the register's own ({@link #REGISTER_HITS}) for the register's part when
     * they are matched per case; none (each case matched against its own vectors) for the reader's part then, or
     * without a text.
     */
    private String hitsOf(Part part, ListQuery query) {
        if (query.text() == null) {
            return null;
        }
        if (textMatch == TextMatch.COLLECTED) {
            return TEXT_HITS;
        }
        return part.name().equals(REGISTER) ? REGISTER_HITS : null;
    }

    /**
     * The WITH entries (each followed by ", ") for the viewer's team cases and their organisation's widest
     * active grant per case; none for an anonymous viewer, whose relationship the viewer alone decides.
     */
    static SqlFragment viewerScopes(Viewer viewer) {
        return viewerScopes(viewer, true);
    }

    /** As {@link #viewerScopes(Viewer)}; without {@code withTeam}, the organisation's grants alone. */
    private static SqlFragment viewerScopes(Viewer viewer, boolean withTeam) {
        if (viewer.isAnonymous()) {
            return SqlFragment.of("");
        }
        SqlFragment grants = SqlFragment.of("viewer_grant AS (" + widestGrants("") + "), ", viewer.organisation());
        if (!withTeam) {
            return grants;
        }
        List<Object> values = new ArrayList<>();
        values.add(viewer.subject());
        values.addAll(grants.parameters());
        return new SqlFragment(
                "viewer_team AS (SELECT case_id FROM case_team_member WHERE subject = ?), " + grants.sql(), values);
    }

    /**
     * The joins that follow a case's policy {@code p} (the case's id is {@code caseId}) to the viewer's
     * relationship {@code r} and its {@code visibility_rule} row {@code v}, through the left joins m (team) and
     * g (grant) of {@link #viewerScopes}.
     */
    /**
     * The viewer's organisation's ({@code ?}) widest active grant per case, {@code (case_id, scope)}, among the grants
     * {@code condition} (on {@code g}, starting with AND) leaves; expiry bites at the instant itself.
     */
    private static String widestGrants(String condition) {
        return "SELECT DISTINCT ON (g.case_id) g.case_id, g.scope " + activeGrants(condition)
                + " ORDER BY g.case_id, s.width DESC";
    }

    /**
     * {@code FROM case_grant g … WHERE …}: the viewer's organisation's ({@code ?}) active grants of a known scope
     * ({@code s}) that {@code condition} leaves; expiry bites at the instant itself.
     */
    private static String activeGrants(String condition) {
        return "FROM case_grant g JOIN visibility_scope s ON s.scope = g.scope" + " WHERE g.organisation = ? AND "
                + SecrecySql.grantActive("g.expires_at", "now()") + condition;
    }

    static SqlFragment ruleOf(Viewer viewer, String caseId) {
        return ruleOf(viewer, caseId, true, false);
    }

    /**
     * As {@link #ruleOf(Viewer, String)}; without {@code teamCounts}, the relationship of someone of the viewer's
     * organisation and roles who is on no team: the organisation's, the same for each of its readers with those
     * roles. With {@code probe}, the team and the grant of each case are looked up by its key (the cost follows the
     * rows, for a few) rather than joined to {@link #viewerScopes}' sets, whose joins a planner that expects a row or
     * two runs as a scan of the set per row.
     */
    private static SqlFragment ruleOf(Viewer viewer, String caseId, boolean teamCounts, boolean probe) {
        boolean anonymous = viewer.isAnonymous();
        SqlFragment relationship = SecrecySql.relationshipOf(
                viewer,
                new CaseColumns(
                        "p.owning_organisation",
                        teamCounts ? SqlFragment.of("m.case_id IS NOT NULL") : SqlFragment.FALSE,
                        SqlFragment.of("g.scope IS NOT NULL")));
        List<Object> values = new ArrayList<>();
        String scopes = "";
        if (!anonymous && probe) {
            if (teamCounts) {
                scopes += "LEFT JOIN LATERAL (SELECT t.case_id FROM case_team_member t WHERE t.subject = ? AND"
                        + " t.case_id = " + caseId + " OFFSET 0) m ON true ";
                values.add(viewer.subject());
            }
            scopes += "LEFT JOIN LATERAL (" + widestGrants(" AND g.case_id = " + caseId) + ") g ON true ";
            values.add(viewer.organisation());
        } else if (!anonymous) {
            scopes = (teamCounts ? "LEFT JOIN viewer_team m ON m.case_id = " + caseId + " " : "")
                    + "LEFT JOIN viewer_grant g ON g.case_id = " + caseId + " ";
        }
        values.addAll(relationship.parameters());
        String joins = scopes
                + "CROSS JOIN LATERAL (SELECT " + relationship.sql() + " AS relationship) r"
                + " JOIN visibility_rule v ON v.relationship = r.relationship AND v.tier = p.tier"
                + " AND v.released = p.results_released"
                // visibility_rule has a row per scope for grantees, and scope '' for everyone else.
                + (anonymous
                        ? " AND v.scope = '' "
                        : " AND v.scope = CASE WHEN r.relationship = '" + Relationship.GRANTEE.name()
                                + "' THEN g.scope ELSE '' END ");
        return new SqlFragment(joins, values);
    }

    private void append(SqlFragment fragment) {
        sql.append(fragment.sql());
        parameters.addAll(fragment.parameters());
    }

    /**
     * A join {@code alias(v)} of the counted cases to each distinct value of a coded key (the rows of {@code
     * case_coded_value}, kept by a trigger from the coded facets), or one NULL for a case without any.
     */
    private void values(String alias, String key, String counted) {
        append(
                " LEFT JOIN case_coded_value " + alias + " ON " + alias + ".case_id = " + counted + ".id AND " + alias
                        + ".key = ?",
                key);
    }

    /**
     * {@code WITH … visible AS MATERIALIZED (…)}: the cases this viewer may know exist that the query's filters
     * match, with the sections they may see as flags ({@code s_header} …); the statements go on from there.
     */
    private void visible(Viewer viewer, ListQuery query, boolean teamOnly) {
        visible(viewer, query, teamOnly, Tier.SECRET);
    }

    /** As {@link #visible(Viewer, ListQuery, boolean)}, leaving out the cases of a tier stricter than {@code strictest}. */
    private void visible(Viewer viewer, ListQuery query, boolean teamOnly, Tier strictest) {
        with(viewer, query);
        cases(new Part(VISIBLE_SET, viewer, null, true), query, teamOnly, strictest);
    }

    /** The cases whose text matches the query's, with the sections that hold a match as bits ({@code id, hits}). */
    private static final String TEXT_HITS = "text_hits";

    /**
     * As {@link #TEXT_HITS}, what the register shows alone: each section's hits from its index over the cases whose
     * section the register shows (cases migration V116), so a hidden case's or section's hit is never read.
     */
    private static final String REGISTER_HITS = "register_hits";

    /**
     * {@code WITH} and the entries every set of {@link #cases} may join: the viewer's scopes ({@link #viewerScopes})
     * and, for a text query, {@code text_hits}: one branch per section, each answered by that section's full-text
     * index, the bit of each section with a hit OR-ed per case ({@link #SEARCHED}'s order), so no stored text-search
     * vector is read again to decide which sections matched.
     */
    private void with(Viewer viewer, ListQuery query) {
        sql.append("WITH ");
        append(viewerScopes(viewer));
        textHits(viewer, query);
    }

    /**
     * {@code text_hits AS …, } of {@link #with}, for a text query. An anonymous viewer's are what the register shows
     * alone: their rules count no other hit, and reading one would make the search's time follow hidden text.
     */
    private void textHits(Viewer viewer, ListQuery query) {
        if (!hitsCollected(query)) {
            return;
        }
        if (viewer.isAnonymous()) {
            hits(TEXT_HITS, query, true);
        } else {
            readersHits(viewer, query);
        }
    }

    /** The keys of the cases a signed-in reader's collected hits are matched among one by one ({@link #readersHits}). */
    private static final String TEXT_KEYS = "text_keys";

    /**
     * The most of a reader's own cases ({@link #TEXT_KEYS}) whose vectors a collected search matches one by one (~30-45
     * µs each on the bench's machine); past it, the hits of every case are read from the full-text indexes.
     */
    static final int OWN_CASES_MATCHED = 1_000;

    /**
     * {@code text_keys AS MATERIALIZED (…), text_hits AS MATERIALIZED (…), } for a signed-in viewer. Off the cases
     * above the register (their team's, their organisation's grants, an admin's own organisation's: {@link
     * SecrecySql#abovePublic}) every reader sees exactly the register, so the hits their rules can count are the
     * register's (from its own indexes, V116) and those of their own cases. Those are matched one by one ({@link
     * #TEXT_KEYS}), so no row of a case the reader may not know, nor of a section of the register's cases the register
     * hides, is read, and the search's time does not grow with hidden text. A reader with more than {@link
     * #OWN_CASES_MATCHED} such cases has every case's hits read from the full-text indexes instead, as before: the cost
     * then follows every hit, hidden ones included (threat model, Known gaps). Which way is decided in the statement,
     * from the count of the reader's own cases alone.
     */
    private void readersHits(Viewer viewer, ListQuery query) {
        AbovePublic above = SecrecySql.abovePublic(viewer);
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (above.team()) {
            keys.add("SELECT case_id FROM case_team_member WHERE subject = ?");
            values.add(viewer.subject());
        }
        if (above.grants()) {
            keys.add("SELECT g.case_id " + activeGrants(""));
            values.add(viewer.organisation());
        }
        if (above.ownOrganisation()) {
            keys.add("SELECT case_id FROM case_policy WHERE owning_organisation = ?");
            values.add(viewer.organisation());
        }
        append(
                TEXT_KEYS + " AS MATERIALIZED ("
                        + (keys.isEmpty()
                                ? "SELECT CAST(NULL AS uuid) AS id WHERE false"
                                : "SELECT case_id AS id FROM (" + String.join(" UNION ", keys) + ") k")
                        + "), ",
                values.toArray());
        // One-time filters (the count is computed once, before any branch runs): a branch whose filter is false reads
        // nothing.
        String few = " AND (SELECT count(*) FROM " + TEXT_KEYS + ") <= " + OWN_CASES_MATCHED;
        String many = " AND (SELECT count(*) FROM " + TEXT_KEYS + ") > " + OWN_CASES_MATCHED;
        List<String> branches = new ArrayList<>();
        List<String> ownBits = new ArrayList<>();
        for (int i = 0; i < SEARCHED.size(); i++) {
            branches.add(sectionHits(i, query, true, few));
            ownBits.add("(CASE WHEN " + SEARCHED.get(i).expression() + " @@ t.q THEN " + (1 << i) + " ELSE 0 END)");
        }
        // The reader's own cases, each looked up by its key and matched against its own vectors. OFFSET 0 keeps the
        // lookups as written: as a join, a planner may read every hit from the indexes and then the table.
        branches.add("SELECT k.id, m.bits AS bit FROM " + TEXT_KEYS
                + " k CROSS JOIN (SELECT websearch_to_tsquery('parley_search', ?) AS q) t CROSS JOIN LATERAL (SELECT "
                + String.join(" | ", ownBits) + " AS bits FROM case_file c WHERE c.id = k.id AND c.deleted_at IS NULL"
                + " OFFSET 0) m WHERE m.bits <> 0" + few);
        parameters.add(query.text());
        for (int i = 0; i < SEARCHED.size(); i++) {
            branches.add(sectionHits(i, query, false, many));
        }
        hitsEntry(TEXT_HITS, branches);
    }

    /**
     * {@code name AS MATERIALIZED (…), }: the cases whose text matches the query's, with the sections that hold a
     * match as bits ({@code id, hits}); with {@code registerAlone}, only in sections the register shows ({@link
     * #REGISTER_HITS}).
     */
    private void hits(String name, ListQuery query, boolean registerAlone) {
        List<String> branches = new ArrayList<>();
        for (int i = 0; i < SEARCHED.size(); i++) {
            branches.add(sectionHits(i, query, registerAlone, ""));
        }
        hitsEntry(name, branches);
    }

    /**
     * {@code SELECT id, bit …}: the cases whose {@code i}th section of {@link #SEARCHED} the query's text matches, from
     * that section's full-text index; with {@code registerAlone}, from its index over what the register shows (V116).
     * {@code condition} (starting with AND, or empty) is added as written.
     */
    private String sectionHits(int i, ListQuery query, boolean registerAlone, String condition) {
        int bit = 1 << i;
        parameters.add(query.text());
        return "SELECT id, " + bit + " AS bit FROM case_file c WHERE "
                + SEARCHED.get(i).expression()
                + " @@ websearch_to_tsquery('parley_search', ?)"
                // Written as the partial indexes' conditions (V116), for the planner to match them.
                + (registerAlone ? " AND c.deleted_at IS NULL AND (c.register_sections & " + bit + ") <> 0" : "")
                + condition;
    }

    /** {@code name AS MATERIALIZED (…), }: the branches' {@code (id, bit)} rows, the bits OR-ed per case. */
    private void hitsEntry(String name, List<String> branches) {
        sql.append(name)
                .append(" AS MATERIALIZED (SELECT id, bit_or(bit) AS hits FROM (")
                .append(String.join(" UNION ALL ", branches))
                .append(") b GROUP BY id), ");
    }

    /**
     * One set of cases a statement reads, as a {@code WITH} entry.
     *
     * @param name the entry's name
     * @param rules whose rules decide the sections: the viewer, or {@link Viewer#anonymous()} for the public register
     * @param teamCounts whether the rules' viewer is on the teams they are on; without, the relationship is their
     *     organisation's ({@link #ruleOf(Viewer, String, boolean)})
     * @param among only these cases (the name of an entry of rows as {@link #ABOVE_ROWS}'s, or of keys and periods in
     *     period order as {@link #orderedKeys}' for a part that is not materialized), or null for every case
     * @param above how the part takes the cases of {@link #ABOVE}
     * @param materialized computed once (it is read more than once); otherwise the planner may push a page's order
     *     and limit into it, and a part of {@code among}'s keys reads them newest first
     * @param probe each case's team and grant looked up by its key ({@link #ruleOf(Viewer, String, boolean,
     *     boolean)}): for a few rows, or rows a page reads in order and stops
     */
    private record Part(
            String name,
            Viewer rules,
            boolean teamCounts,
            String among,
            AboveCases above,
            boolean materialized,
            boolean probe) {

        /** A part whose viewer is on their teams and that takes every case ({@code among} aside), joining its sets. */
        Part(String name, Viewer rules, String among, boolean materialized) {
            this(name, rules, true, among, AboveCases.ANY, materialized, false);
        }
    }

    /** Which cases of {@link #ABOVE} a part takes. */
    private enum AboveCases {
        ANY,
        /** None: the set {@link #ABOVE} left out. */
        NONE,
        /**
         * None of {@link #reader}'s: each case the part reads asked by its key whether it is one, so a page that reads
         * a few cases asks about those few ({@link #notAboveByKey}).
         */
        NONE_BY_KEY
    }

    private static final String VISIBLE_SET = "visible";

    /** The cases on which the viewer may see more than the public register ({@link SecrecySql#abovePublic}). */
    private static final String ABOVE = "above";

    /**
     * The rows of {@link #ABOVE}'s cases that the sets read: each case and its policy looked up by key ({@link #byKey}),
     * once for both {@link #MINE} and {@link #MINE_AS_PUBLIC}, so the cost follows the few cases, not the table; and
     * materialized, so the rule table is joined to the set once rather than once per case.
     */
    private static final String ABOVE_ROWS = "above_rows";

    /**
     * {@code CROSS JOIN LATERAL}s of the case {@code caseAlias} and its (not deleted) policy {@code policyAlias}, each
     * looked up by the key {@code id} of the row before. OFFSET 0 keeps the planner from turning the lookups back into
     * a join that hashes every case and every policy: the cost follows the keys, not the table.
     */
    private static String byKey(String id, String caseAlias, String policyAlias) {
        return " CROSS JOIN LATERAL (SELECT * FROM case_file f WHERE f.id = " + id + " OFFSET 0) " + caseAlias
                + " CROSS JOIN LATERAL (SELECT * FROM case_policy q WHERE q.case_id = " + id + " AND NOT q.deleted"
                + " OFFSET 0) " + policyAlias;
    }

    /** The case columns {@link #cases} reads from a set's rows; the coded facets only for a coded filter. */
    private static String rowColumns(ListQuery query) {
        return "f.id, f.period_start, f.period_end, f.country, f.status, f.entity_type, f.group_types, "
                + (query.coded().isEmpty() ? "" : "f.coded_facets, ") + "f.deleted_at, f.in_register";
    }

    /**
     * {@code name AS [MATERIALIZED] (…)}: the cases of the part that its rules let be known and that the query's
     * filters match, with the sections the rules show as flags ({@code s_header} …).
     */
    private void cases(Part part, ListQuery query, boolean teamOnly, Tier strictest) {
        Viewer viewer = part.rules();
        boolean inOrder = part.among() != null && !part.materialized();
        String hits = hitsOf(part, query);
        sql.append(part.name()).append(part.materialized() ? " AS MATERIALIZED (" : " AS (");
        if (inOrder) {
            // Keys a page reads, newest first as they come from the period indexes ({@link #orderedKeys}), then each
            // case decided in a subquery of its own in that order. The set's id and period are the keys' own, so the
            // page's order needs no sort and deciding stops when the page is full; decided in a join, a planner that
            // expects a few rows decides them all and sorts after. OFFSET 0 keeps each subquery as written.
            sql.append("SELECT ok.id, ok.period_start, d.country, d.status, d.tier, d.results_released,"
                            + " d.entity_type, d.group_types, d.relationship, ")
                    .append(String.join(
                            ", ",
                            LISTED.stream()
                                    .map(section -> "d." + VISIBLE.of(section))
                                    .toList()))
                    .append(" FROM (SELECT k.id, k.period_start")
                    .append(hits != null ? ", th.hits" : "")
                    .append(" FROM ")
                    .append(part.among())
                    // A text query's collected hits are joined once here rather than once per key below.
                    .append(hits != null ? " k JOIN " + hits + " th ON th.id = k.id" : " k")
                    .append(" ORDER BY k.period_start DESC, k.id DESC OFFSET 0) ok CROSS JOIN LATERAL (");
        }
        sql.append("SELECT c.id, c.period_start, c.country, c.status, p.tier,"
                + " p.results_released, c.entity_type, c.group_types, r.relationship, ");
        sql.append(RULE_FLAGS);
        if (inOrder) {
            sql.append(hits != null ? " FROM (SELECT ok.id, ok.hits) th" : " FROM (SELECT ok.id) th")
                    .append(byKey("th.id", "c", "p"))
                    .append(' ');
        } else if (part.among() != null) {
            // The few cases' rows, looked up once (ABOVE_ROWS); the policy's columns are on the same row.
            sql.append(" FROM ")
                    .append(part.among())
                    .append(" c CROSS JOIN LATERAL (SELECT c.owning_organisation, c.tier, c.results_released) p ");
        } else if (hits != null) {
            // Every case the text matches, looked up by key from the full-text indexes' hits:
            // left to the planner, a signed-in reader's search hashed or walked every case (100,000 cases: ~90 ms
            // for a query matching 100 of them).
            sql.append(" FROM " + hits + " th").append(byKey("th.id", "c", "p")).append(' ');
        } else {
            sql.append(" FROM case_file c JOIN case_policy p ON p.case_id = c.id AND NOT p.deleted ");
        }
        append(ruleOf(viewer, "c.id", part.teamCounts(), part.probe()));
        if (hits != null && part.among() != null && !inOrder) {
            sql.append("JOIN " + hits + " th ON th.id = c.id ");
        }
        sql.append("WHERE c.deleted_at IS NULL AND ").append(RULE.anyVisible());
        if (viewer.isAnonymous()) {
            // The register's own rules: only its cases can pass them, and a page walks them alone from their index
            // (case_file_register_order, cases migration V112), not the period index of every case.
            sql.append(" AND c.in_register");
        }
        if (part.above() == AboveCases.NONE) {
            // NOT IN (ids are never null) is a hashed subplan: a page walking the period index asks it per case,
            // which NOT EXISTS answered by scanning the whole set each time.
            sql.append(" AND c.id NOT IN (SELECT id FROM " + ABOVE + ")");
        } else if (part.above() == AboveCases.NONE_BY_KEY) {
            notAboveByKey();
        }
        if (teamOnly) {
            sql.append(" AND r.relationship = '" + Relationship.MEMBER.name() + "'");
        }
        if (strictest != Tier.SECRET) {
            List<String> kept = Arrays.stream(Tier.values())
                    .filter(tier -> !tier.isStricterThan(strictest))
                    .map(Tier::name)
                    .toList();
            append(" AND p.tier = ANY (?)", new TextArray(kept));
        }
        if (!query.countries().isEmpty()) {
            append(" AND c.country = ANY (?)", new TextArray(query.countries()));
        }
        if (!query.statuses().isEmpty()) {
            append(" AND c.status = ANY (?)", new TextArray(query.statuses()));
        }
        if (!query.tiers().isEmpty()) {
            append(" AND p.tier = ANY (?)", new TextArray(query.tiers()));
        }
        // Filters on CONTEXT fields match only cases whose CONTEXT the viewer may see.
        if (!query.entityTypes().isEmpty()) {
            append(
                    " AND " + RULE.of(Section.CONTEXT) + " AND c.entity_type = ANY (?)",
                    new TextArray(query.entityTypes()));
        }
        if (!query.groupTypes().isEmpty()) {
            append(
                    " AND " + RULE.of(Section.CONTEXT) + " AND jsonb_exists_any(c.group_types, ?)",
                    new TextArray(query.groupTypes()));
        }
        // A coded filter matches only cases whose section of that key the viewer may see.
        query.coded().forEach((key, values) -> {
            sql.append(" AND ").append(RULE.of(sectionOf(key))).append(" AND (");
            for (int i = 0; i < values.size(); i++) {
                // keys and values come checked against the codebook (letters, digits, dots, underscores)
                Object value = values.get(i);
                append(
                        (i == 0 ? "" : " OR ") + "c.coded_facets @> CAST(? AS jsonb)",
                        "{\"" + key + "\": [" + (value instanceof Boolean ? value : "\"" + value + "\"") + "]}");
            }
            sql.append(')');
        });
        if (query.to() != null) {
            append(" AND c.period_start <= ?", query.to());
        }
        if (query.from() != null) {
            append(" AND (c.period_end IS NULL OR c.period_end >= ?)", query.from());
        }
        if (query.text() != null) {
            // A case matches where a section the rules show has a hit: from the collected hits, or from the case's
            // own vector of that section.
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < SEARCHED.size(); i++) {
                SectionColumn searched = SEARCHED.get(i);
                if (hits != null) {
                    shown.add("(" + RULE.of(searched.section()) + " AND th.hits & " + (1 << i) + " <> 0)");
                } else {
                    // The query in a subquery of its own: computed once per statement, not once per case.
                    shown.add("(" + RULE.of(searched.section()) + " AND " + searched.expression()
                            + " @@ (SELECT websearch_to_tsquery('parley_search', ?)))");
                    parameters.add(query.text());
                }
            }
            sql.append(" AND (").append(String.join(" OR ", shown)).append(')');
        }
        sql.append(inOrder ? " OFFSET 0) d)" : ")");
    }

    /**
     * Whether the viewer may see the section of the coded key {@code key} (its first part), by the flags {@code
     * flags} of the case's row.
     */
    private static String codedKeyVisible(String key, SectionFlags flags) {
        return "("
                + String.join(
                        " OR ",
                        CODED_SECTIONS.stream()
                                .map(section ->
                                        "(" + key + " LIKE '" + prefixOf(section) + "%' AND " + flags.of(section) + ")")
                                .toList())
                + ")";
    }

    /**
     * The comparison matrix over the cases of {@link #listPage}: one row per case of the page (at most limit + 1),
     * {@code (version, total_mine, total_mine_public, id, period_start, tier, results_released, title, coded values,
     * register_version)} (the total is the register's at that register version plus the first minus the second), or a
     * single row with null case columns when the page is empty. The coded values hold only the keys of sections the
     * viewer may see, so a hidden value never leaves the database; the title is NULL unless the HEADER is visible.
     */
    public static Statement matrix(Viewer viewer, ListQuery query, boolean teamOnly) {
        return pageWith(
                viewer,
                query,
                teamOnly,
                "(SELECT coalesce(jsonb_object_agg(f.key, f.vals), '{}'::jsonb) FROM jsonb_each(c.coded_facets) AS"
                        + " f(key, vals) WHERE " + codedKeyVisible("f.key", PAGE) + ")::text");
    }

    /**
     * The page of {@link #listPage} with each case's RESULTS document where the viewer sees it: rows as {@link #matrix}'s,
     * the last column the document (null where RESULTS is hidden). Effects across cases read it.
     */
    public static Statement results(Viewer viewer, ListQuery query, boolean teamOnly) {
        return pageWith(viewer, query, teamOnly, PAGE.masked(Section.RESULTS, "c.results::text"));
    }

    /**
     * A page of {@link #listPage}: rows {@code (version, total_mine, total_mine_public, id, period_start, tier,
     * results_released, title where the HEADER is seen, the given column, register_version)}, one row with a null id
     * when the page is empty.
     */
    private static Statement pageWith(Viewer viewer, ListQuery query, boolean teamOnly, String column) {
        VisibleCases statement = new VisibleCases();
        statement.parts(viewer, query, teamOnly, true);
        statement.page(pageSets(teamOnly), query);
        statement.sql.append(" SELECT ");
        statement.readerVersion(viewer);
        statement
                .sql
                .append(", (SELECT count(*) FROM " + MINE + "), ")
                .append(teamOnly ? "0" : "(SELECT count(*) FROM " + MINE_AS_PUBLIC + ")")
                .append(", pg.id, pg.period_start, pg.tier, pg.results_released, ")
                .append(PAGE.masked(Section.HEADER, "c.title"))
                .append(", ")
                .append(column)
                .append(", ")
                .append(REGISTER_VERSION)
                .append(" FROM (SELECT 1) AS one LEFT JOIN page pg ON true LEFT JOIN case_file c ON c.id = pg.id"
                        + " ORDER BY pg.period_start DESC, pg.id DESC");
        return new Statement(statement.sql.toString(), List.copyOf(statement.parameters));
    }

    /** The flags of {@code visible}'s rows aliased {@code v}. */
    private static final SectionFlags CANDIDATE = new SectionFlags("v.s_");

    /** Whether a JSON array of coded values holds a value (a JSON null is uncoded). */
    private static String coded(String values) {
        return "EXISTS (SELECT 1 FROM jsonb_array_elements(" + values + ") AS x(value) WHERE jsonb_typeof(x.value)"
                + " <> 'null')";
    }

    /**
     * The cases of {@link #listPage} most like the case {@code anchor}, compared on its coded keys {@code anchorKeys}
     * (those of the sections the viewer sees of it, which the caller decided) wherever the viewer also sees that key's
     * section of the other case and both have it coded: rows {@code (id, tier, results_released, title, matching keys,
     * differing keys)}, the larger share of matching keys first, then more of them, then by id; at most the query's
     * limit.
     * A key matches when the two cases share a value. The anchor itself and cases with no key to compare are left out.
     */
    public static Statement comparable(Viewer viewer, ListQuery query, UUID anchor, List<String> anchorKeys) {
        VisibleCases statement = new VisibleCases();
        statement.visible(viewer, query, false);
        statement.append(
                ", anchor AS (SELECT f.key, f.vals FROM case_file a, jsonb_each(a.coded_facets) AS f(key, vals)"
                        + " WHERE a.id = ? AND f.key = ANY (?) AND " + coded("f.vals") + ")",
                anchor,
                new TextArray(anchorKeys));
        statement.append(
                " SELECT v.id, v.tier, v.results_released, " + CANDIDATE.masked(Section.HEADER, "c.title")
                        + ", array_agg(an.key) FILTER (WHERE o.shared), array_agg(an.key) FILTER (WHERE NOT o.shared)"
                        + " FROM visible v JOIN case_file c ON c.id = v.id CROSS JOIN anchor an"
                        + " CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM jsonb_array_elements(an.vals) AS x(value)"
                        + " WHERE jsonb_typeof(x.value) <> 'null' AND c.coded_facets -> an.key @> jsonb_build_array("
                        + "x.value)) AS shared) o WHERE v.id <> ? AND " + codedKeyVisible("an.key", CANDIDATE) + " AND "
                        + coded("c.coded_facets -> an.key")
                        + " GROUP BY v.id, v.tier, v.results_released, v.s_header, c.title"
                        + " ORDER BY count(*) FILTER (WHERE o.shared)::float8 / count(*) DESC,"
                        + " count(*) FILTER (WHERE o.shared) DESC, v.id LIMIT ?",
                anchor,
                query.limit());
        return new Statement(statement.sql.toString(), List.copyOf(statement.parameters));
    }

    /**
     * {@code SELECT <first>pg.id, c.version, …}: the page's columns as CaseSearch reads them, masked by the page rows'
     * flags, after {@code first} (columns of {@code summary s}), newest period first.
     */
    private void pageColumns(String first, String last) {
        sql.append("SELECT ").append(first).append("pg.id, c.version, pg.tier, pg.results_released, ");
        sql.append(String.join(", ", LISTED.stream().map(PAGE::of).toList())).append(", ");
        sql.append(String.join(
                ", ",
                MASKED.stream()
                        .map(column -> PAGE.masked(column.section(), column.expression()))
                        .toList()));
        sql.append(", c.header_edits, c.context_edits, c.process_edits, c.results_edits")
                .append(last)
                .append(" FROM summary s LEFT JOIN page pg ON true LEFT JOIN case_file c ON c.id = pg.id"
                        + " ORDER BY pg.period_start DESC, pg.id DESC");
    }

    /**
     * {@code (SELECT count(*) FROM set) AS total_<set>, jsonb_build_object(…)::text AS facets_<set>}: how many cases a
     * set holds and its facets, each in one pass over the set.
     */
    private void summaryOf(String set) {
        sql.append("(SELECT count(*) FROM ").append(set).append(") AS total_").append(set);
        sql.append(", jsonb_build_object(");
        facet("country", "SELECT country AS k, count(*) AS n FROM " + set + " GROUP BY country");
        sql.append(", ");
        facet("status", "SELECT status AS k, count(*) AS n FROM " + set + " GROUP BY status");
        sql.append(", ");
        facet("tier", "SELECT tier AS k, count(*) AS n FROM " + set + " GROUP BY tier");
        sql.append(", ");
        facet(
                "entityType",
                "SELECT entity_type AS k, count(*) AS n FROM " + set + " WHERE " + VISIBLE.of(Section.CONTEXT)
                        + " AND entity_type IS NOT NULL GROUP BY entity_type");
        sql.append(", ");
        facet(
                "groupType",
                // A case with two groups of one type counts once.
                "SELECT d.k, count(*) AS n FROM (SELECT DISTINCT s.id, t.k FROM " + set + " s,"
                        + " jsonb_array_elements_text(s.group_types) AS t(k) WHERE s." + VISIBLE.of(Section.CONTEXT)
                        + ") d GROUP BY d.k");
        sql.append(", ");
        // Every coded facet in one pass over the value table (a row per case, key and distinct value, kept by a
        // trigger): a case counts once per value of a key whose section the viewer sees.
        facet(
                "coded",
                "SELECT x.key AS k, jsonb_object_agg(x.value, x.n) AS n FROM (SELECT v.key, v.value, count(*) AS n FROM "
                        + set
                        + " s JOIN case_coded_value v ON v.case_id = s.id WHERE v.value IS NOT NULL AND v.key IN ("
                        + COUNTED_KEYS + ") AND " + codedKeyVisible("v.key", new SectionFlags("s.s_"))
                        + " GROUP BY v.key, v.value) x GROUP BY x.key");
        sql.append(")::text AS facets_").append(set);
    }

    // ---- the public register and the cases above it (issue 18) ---------------------------------------------------
    //
    // Every reader sees at least the public register, and sees exactly it except on the cases SecrecySql.abovePublic
    // names (their team's, their organisation's grants, an admin's own organisation's). So an answer made of counts
    // is the register's (the same for every reader: RegisterAnswers keeps one per filter and version) plus, over the
    // cases above it, what the reader counts there minus what the register counts there. A page is the newest of
    // the reader's cases above the register and the register's other cases, each read from an index in order.

    /** The viewer's cases above the register, with the sections the viewer's rules show. */
    private static final String MINE = "mine";

    /** The same cases with the sections the register shows. */
    private static final String MINE_AS_PUBLIC = "mine_public";

    /** The register's cases, those above it for this viewer left out. */
    private static final String REGISTER = "register";

    /**
     * Kept answers carry the version they were computed at, which every statement below reads too: an organisation's
     * corrections the listing version of its organisation ({@link #organisationVersion}), and a reader's part and team
     * the reader's own ({@link #readerVersion}), which only the writes that may change what they count move (V117) ...
     */
    private static final String LISTING_VERSION = "(SELECT l.version + coalesce((SELECT CAST(sum(v.version) AS bigint)"
            + " FROM case_reader_version v WHERE v.reader IN (?, ?, ?)), 0) FROM case_listing_version l)";

    /** A key of {@code case_reader_version} that no write moves. */
    private static final String NO_READER = "";

    /**
     * {@code (…)}: the listing version of what an organisation sees above the register with {@code viewer}'s roles, on
     * no team: the one listing version (the rules, the scopes) plus the organisation's row as a grantee, which every
     * write to a case granted to it moves, and, where those roles see their organisation's own cases above the
     * register ({@link AbovePublic#ownOrganisation()}), its row as an owner (V117).
     */
    private void organisationVersion(Viewer viewer) {
        append(LISTING_VERSION, grantee(viewer), owner(viewer), NO_READER);
    }

    /**
     * {@code (…)}: the listing version of what {@code viewer} sees above the register: their organisation's, plus
     * their own row as a team member, which every write to a case whose team they are on moves (V117).
     */
    private void readerVersion(Viewer viewer) {
        append(
                LISTING_VERSION,
                grantee(viewer),
                owner(viewer),
                viewer.isAnonymous() ? NO_READER : "subject:" + viewer.subject());
    }

    private static String grantee(Viewer viewer) {
        return viewer.isAnonymous() ? NO_READER : "grantee:" + viewer.organisation();
    }

    private static String owner(Viewer viewer) {
        return viewer.isAnonymous() || !SecrecySql.abovePublic(viewer).ownOrganisation()
                ? NO_READER
                : "owner:" + viewer.organisation();
    }

    /**
     * ... and the register's answers the register version, which only the writes the register can show move (V115),
     * so that what is kept of the register outlives a write to a case above it. A reader's part reads both, in its one
     * snapshot, and goes with a register answer of its register version.
     */
    private static final String REGISTER_VERSION = "(SELECT version FROM case_register_version)";

    /**
     * One row {@code (reader_version, organisation_version, register_version, now())}: {@code viewer}'s listing
     * versions ({@link #readerVersion}, {@link #organisationVersion}), the register version and the instant of the
     * caller's statement.
     */
    public static Statement listingInstant(Viewer viewer) {
        VisibleCases statement = new VisibleCases();
        statement.sql.append("SELECT ");
        statement.readerVersion(viewer);
        statement.sql.append(", ");
        statement.organisationVersion(viewer);
        statement.sql.append(", r.version, now() FROM case_register_version r");
        return new Statement(statement.sql.toString(), List.copyOf(statement.parameters));
    }

    /**
     * {@code WITH} the viewer's scopes, {@code above}, {@code mine}, {@code mine_public} (unless {@code teamOnly},
     * where the register takes no part) and, when {@code withRegister}, {@code register}.
     */
    private void parts(Viewer viewer, ListQuery query, boolean teamOnly, boolean withRegister) {
        with(viewer, query);
        AbovePublic above = SecrecySql.abovePublic(viewer);
        keys(ABOVE, viewer, above.team(), above.grants(), above.ownOrganisation());
        rowsOf(ABOVE_ROWS, ABOVE, query);
        cases(new Part(MINE, viewer, ABOVE_ROWS, true), query, teamOnly, Tier.SECRET);
        if (!teamOnly) {
            sql.append(", ");
            cases(new Part(MINE_AS_PUBLIC, Viewer.anonymous(), ABOVE_ROWS, true), query, false, Tier.SECRET);
            if (withRegister) {
                sql.append(", ");
                register(query);
            }
        }
    }

    /**
     * {@code name AS MATERIALIZED (SELECT id …), }: the union of the viewer's team cases, their organisation's
     * granted cases and its own cases, as asked; no case for an anonymous viewer or when none is asked.
     */
    private void keys(String name, Viewer viewer, boolean team, boolean grants, boolean ownOrganisation) {
        List<String> branches = new ArrayList<>();
        if (!viewer.isAnonymous() && team) {
            branches.add("SELECT case_id FROM viewer_team");
        }
        if (!viewer.isAnonymous() && grants) {
            branches.add("SELECT case_id FROM viewer_grant");
        }
        if (!viewer.isAnonymous() && ownOrganisation) {
            branches.add("SELECT case_id FROM case_policy WHERE owning_organisation = ?");
            parameters.add(viewer.organisation());
        }
        sql.append(name)
                .append(" AS MATERIALIZED (")
                .append(
                        branches.isEmpty()
                                ? "SELECT CAST(NULL AS uuid) AS id WHERE false"
                                : "SELECT case_id AS id FROM (" + String.join(" UNION ", branches) + ") b")
                .append("), ");
    }

    /**
     * {@code name AS (…), }: the keys and periods ({@code id, period_start}) of the cases of {@link #keys}, each once,
     * newest period first, read in that order from the period indexes of the rows that name them (team, grants, own
     * organisation: cases migration V114), so a page that decides them in order reads about a page of them, not all.
     */
    private void orderedKeys(String name, Viewer viewer, boolean team, boolean grants, boolean ownOrganisation) {
        List<String> branches = new ArrayList<>();
        if (!viewer.isAnonymous() && team) {
            branches.add("SELECT t.case_id, t.period_start FROM case_team_member t WHERE t.subject = ?"
                    + " AND t.period_start IS NOT NULL ORDER BY t.period_start DESC, t.case_id DESC");
            parameters.add(viewer.subject());
        }
        if (!viewer.isAnonymous() && grants) {
            branches.add("SELECT g.case_id, g.period_start " + activeGrants(" AND g.period_start IS NOT NULL")
                    + " ORDER BY g.period_start DESC, g.case_id DESC");
            parameters.add(viewer.organisation());
        }
        if (!viewer.isAnonymous() && ownOrganisation) {
            branches.add("SELECT o.case_id, o.period_start FROM case_policy o WHERE o.owning_organisation = ?"
                    + " AND NOT o.deleted AND o.period_start IS NOT NULL ORDER BY o.period_start DESC, o.case_id DESC");
            parameters.add(viewer.organisation());
        }
        sql.append(name).append(" AS (");
        if (branches.isEmpty()) {
            sql.append("SELECT CAST(NULL AS uuid) AS id, CAST(NULL AS date) AS period_start WHERE false");
        } else {
            // Each branch in its index's order, merged; a case named twice (on the team and granted) is kept once.
            sql.append("SELECT DISTINCT ON (k.period_start, k.id) k.id, k.period_start FROM (")
                    .append(String.join(
                            " UNION ALL ",
                            branches.stream().map(b -> "(" + b + ")").toList()))
                    .append(") k (id, period_start) ORDER BY k.period_start DESC, k.id DESC");
        }
        sql.append("), ");
    }

    /**
     * {@code AND …} on a part's case {@code c} and policy {@code p}: the case is none of {@link #reader}'s above the
     * register, asked of its own keys in the tables {@link #keys} reads: the same cases, asked one at a time.
     */
    private void notAboveByKey() {
        if (reader.isAnonymous()) {
            return;
        }
        AbovePublic above = SecrecySql.abovePublic(reader);
        if (above.team()) {
            // OFFSET 0 keeps it a probe by key: as an anti join, a generic plan expects the reader on one team and
            // scans all their team rows once per case (200 rows: ~3 ms of a member's 10 % text page).
            append(
                    " AND NOT EXISTS (SELECT 1 FROM case_team_member t WHERE t.case_id = c.id AND t.subject = ?"
                            + " OFFSET 0)",
                    reader.subject());
        }
        if (above.grants()) {
            append(" AND NOT EXISTS (SELECT 1 " + activeGrants(" AND g.case_id = c.id") + ")", reader.organisation());
        }
        if (above.ownOrganisation()) {
            append(" AND p.owning_organisation <> ?", reader.organisation());
        }
    }

    /** {@code name AS MATERIALIZED (…), }: the rows of the cases of the entry {@code keys}, as {@link #ABOVE_ROWS}. */
    private void rowsOf(String name, String keys, ListQuery query) {
        sql.append(name)
                .append(" AS MATERIALIZED (SELECT ")
                .append(rowColumns(query))
                .append(", q.owning_organisation, q.tier, q.results_released FROM ")
                .append(keys)
                .append(" k")
                .append(byKey("k.id", "f", "q"))
                .append("), ");
    }

    /** {@code register AS …}: the register's cases, those of {@link #ABOVE} left out. */
    private void register(ListQuery query) {
        register(query, AboveCases.NONE);
    }

    /** As {@link #register(ListQuery)}, leaving out the reader's cases as {@code above} says. */
    private void register(ListQuery query, AboveCases above) {
        // A text query's register is its few matches, found from the full-text indexes and then sorted:
        // left to the planner, a page of them walked the period index of every case (100,000 cases: a
        // 0.1 % query's page took ~200 ms).
        Part part = new Part(REGISTER, Viewer.anonymous(), true, null, above, query.text() != null, false);
        if (REGISTER_HITS.equals(hitsOf(part, query))) {
            // Matched per case, the register's part still takes its matches from the indexes, which know each
            // section's: each case's vectors read again to ask which section matched cost ~30 µs a match
            // (100,000 cases, a 10 % text: ~430 matches, 12 ms of a member's 19).
            hits(REGISTER_HITS, query, true);
        }
        cases(part, query, false, Tier.SECRET);
    }

    /**
     * {@code , page AS (…)}: the query's page of the union of {@code sets} (disjoint) and one row more, newest period
     * first; each set is read in that order and stops at the page's length, so a page costs its length, not the sets'.
     */
    private void page(List<String> sets, ListQuery query) {
        sql.append(", page AS (SELECT * FROM (");
        for (int i = 0; i < sets.size(); i++) {
            sql.append(i == 0 ? "(" : " UNION ALL (").append("SELECT * FROM ").append(sets.get(i));
            if (query.cursor() != null) {
                append(
                        " WHERE (period_start, id) < (?, ?)",
                        query.cursor().periodStart(),
                        query.cursor().id());
            }
            sql.append(" ORDER BY period_start DESC, id DESC ");
            limit(query);
            sql.append(')');
        }
        sql.append(") u ORDER BY period_start DESC, id DESC ");
        limit(query);
        sql.append(')');
    }

    /**
     * {@code LIMIT} the page's length and one more, written in rather than bound: with a parameter, a generic plan
     * assumes a tenth of the set and sorts all of it; with the number, it walks the period index and stops (a checked
     * integer: ListQuery bounds it).
     */
    private void limit(ListQuery query) {
        sql.append("LIMIT ").append(query.limit() + 1);
    }

    /** The sets a page of {@link #parts} reads. */
    private static List<String> pageSets(boolean teamOnly) {
        return teamOnly ? List.of(MINE) : List.of(MINE, REGISTER);
    }

    /** The keys of the viewer's cases above the register, newest first ({@link #orderedKeys}). */
    private static final String ABOVE_IN_ORDER = "above_in_order";

    /** The viewer's cases above the register with their rules' sections, for a page: {@link #listPage}'s. */
    private static final String MINE_PAGE = "mine_page";

    /** The viewer's team cases, and their rows as {@link #ABOVE_ROWS}'. */
    private static final String TEAM = "team";

    private static final String TEAM_ROWS = "team_rows";

    /**
     * The list's page, in one statement (one snapshot): rows {@code (version, total_mine, facets_mine, read_at, page
     * columns as the single statement's after its total and facets, register_version)}, one per case of the page (at
     * most limit + 1) or a single row with null case columns when the page is empty; {@code read_at} is the
     * statement's {@code now()}, the instant its grants were judged at. With {@code teamOnly}, the page and the mine
     * pair are the viewer's team cases alone, which make the whole answer; otherwise the page is the newest of the
     * viewer's cases above the register and the register's others, and the mine pair is 0 and empty: the answer's
     * total and facets are the register's ({@link #registerSummary}) plus the organisation's corrections ({@link
     * #organisationSummary}) plus the team's ({@link #teamSummary}), at the page's register and listing versions.
     */
    public static Statement listPage(Viewer viewer, ListQuery query, boolean teamOnly) {
        return listPage(viewer, query, teamOnly, TextMatch.COLLECTED);
    }

    /** As {@link #listPage(Viewer, ListQuery, boolean)}, finding a text query's matches as {@code textMatch} says. */
    public static Statement listPage(Viewer viewer, ListQuery query, boolean teamOnly, TextMatch textMatch) {
        VisibleCases statement = new VisibleCases();
        // The team's page decides its few cases from their rows as read once (TEAM_ROWS), which carry no vectors.
        statement.textMatch = teamOnly ? TextMatch.COLLECTED : textMatch;
        statement.with(viewer, query);
        AbovePublic above = SecrecySql.abovePublic(viewer);
        if (teamOnly) {
            statement.keys(TEAM, viewer, above.team(), false, false);
            statement.rowsOf(TEAM_ROWS, TEAM, query);
            statement.cases(
                    new Part(MINE, viewer, true, TEAM_ROWS, AboveCases.ANY, true, true), query, true, Tier.SECRET);
        } else {
            statement.orderedKeys(ABOVE_IN_ORDER, viewer, above.team(), above.grants(), above.ownOrganisation());
            // Read once, by the page, which decides the cases newest first until the page is full.
            statement.cases(
                    new Part(MINE_PAGE, viewer, true, ABOVE_IN_ORDER, AboveCases.ANY, false, true),
                    query,
                    false,
                    Tier.SECRET);
            statement.sql.append(", ");
            if (statement.hitsCollected(query)) {
                // The register's part is every collected hit, decided at once: the reader's cases left out as a set,
                // hashed once, rather than asked about hit by hit.
                statement.keys(ABOVE, viewer, above.team(), above.grants(), above.ownOrganisation());
                statement.register(query, AboveCases.NONE);
            } else {
                statement.reader = viewer;
                statement.register(query, AboveCases.NONE_BY_KEY);
            }
        }
        statement.page(teamOnly ? List.of(MINE) : List.of(MINE_PAGE, REGISTER), query);
        statement.sql.append(", summary AS (SELECT ");
        statement.readerVersion(viewer);
        statement.sql.append(" AS version, ");
        statement.organisationVersion(viewer);
        statement.sql.append(" AS organisation_version, ");
        if (teamOnly) {
            statement.summaryOf(MINE);
        } else {
            statement.sql.append("0 AS total_mine, '{}' AS facets_mine");
        }
        statement.sql.append(", now() AS read_at, ").append(REGISTER_VERSION).append(" AS register_version) ");
        statement.pageColumns(
                "s.version, s.total_mine, s.facets_mine, s.read_at, ", ", s.organisation_version, s.register_version");
        return new Statement(statement.sql.toString(), List.copyOf(statement.parameters));
    }

    /**
     * Whether a viewer's list has corrections over their team cases ({@link #teamSummary}): a signed-in reader may be
     * on a team.
     */
    public static boolean hasTeamPart(Viewer viewer) {
        return !viewer.isAnonymous() && SecrecySql.abovePublic(viewer).team();
    }

    /**
     * The corrections over the viewer's team cases: one row {@code (version, valid_until, total_mine, facets_mine,
     * total_mine_public, facets_mine_public)}. The mine pair counts the team cases as the viewer sees them, the
     * mine_public pair as their organisation does ({@link #organisationSummary}'s rules); {@code valid_until} as
     * there.
     *
     * <p>Why it adds up: a reader sees exactly the register except on the cases above it; there, off their team they
     * see what their organisation sees (the relationship asks the subject only whether they are on the team), so the
     * organisation's corrections cover every case but the team's, where this pair swaps the organisation's view for
     * the reader's. On a team case the organisation does not see above the register, its view is the register's. It
     * depends on who the viewer is: kept, it is served to them alone.
     */
    public static Statement teamSummary(Viewer viewer, ListQuery query) {
        VisibleCases statement = new VisibleCases();
        statement.with(viewer, query);
        AbovePublic above = SecrecySql.abovePublic(viewer);
        statement.keys(TEAM, viewer, above.team(), false, false);
        statement.rowsOf(TEAM_ROWS, TEAM, query);
        statement.cases(new Part(MINE, viewer, true, TEAM_ROWS, AboveCases.ANY, true, true), query, false, Tier.SECRET);
        statement.sql.append(", ");
        statement.cases(
                new Part(MINE_AS_PUBLIC, viewer, false, TEAM_ROWS, AboveCases.ANY, true, true),
                query,
                false,
                Tier.SECRET);
        statement.sql.append(" SELECT ");
        statement.readerVersion(viewer);
        statement.sql.append(", ");
        statement.grantsValidUntil(viewer, above.grants());
        statement.summaryOf(MINE);
        statement.sql.append(", ");
        statement.summaryOf(MINE_AS_PUBLIC);
        return new Statement(statement.sql.toString(), List.copyOf(statement.parameters));
    }

    /**
     * {@code valid_until, }: the first instant one of the viewer's organisation's grants expires (null when none does
     * or grants count for nothing): an answer that counted them holds until then.
     */
    private void grantsValidUntil(Viewer viewer, boolean grants) {
        if (grants && !viewer.isAnonymous()) {
            append(
                    "(SELECT min(e.expires_at) FROM case_grant e WHERE e.organisation = ? AND e.expires_at > now()), ",
                    viewer.organisation());
        } else {
            sql.append("CAST(NULL AS timestamptz), ");
        }
    }

    /** The cases above the register for the viewer's organisation and roles, on no team. */
    private static final String ORGANISATION_ABOVE = "organisation_above";

    private static final String ORGANISATION_ROWS = "organisation_rows";

    /** Those cases with the sections the organisation's rules show ({@link #ruleOf(Viewer, String, boolean)}). */
    private static final String ORGANISATION = "organisation";

    /** The same cases with the sections the register shows. */
    private static final String ORGANISATION_AS_PUBLIC = "organisation_public";

    /**
     * Whether a viewer's list has corrections of their organisation's ({@link #organisationSummary}): it sees more
     * than the register on its granted or own cases.
     */
    public static boolean hasOrganisationPart(Viewer viewer) {
        AbovePublic above = SecrecySql.abovePublic(viewer);
        return !viewer.isAnonymous() && (above.grants() || above.ownOrganisation());
    }

    /**
     * The corrections of the viewer's organisation to the register's total and facets: one row {@code (version,
     * valid_until, total_organisation, facets_organisation, total_organisation_public, facets_organisation_public)},
     * counted over the cases the organisation (with the viewer's roles, on no team) sees above the register, as it
     * sees them and as the register does. It depends on the viewer's organisation, roles and the query's filters
     * alone, never on who they are, so it may be kept for their organisation's readers with those roles; {@code
     * valid_until} is the first instant one of the grants it counted expires (null when none does), after which it
     * must not be used.
     */
    public static Statement organisationSummary(Viewer viewer, ListQuery query) {
        AbovePublic above = SecrecySql.abovePublic(viewer);
        VisibleCases statement = new VisibleCases();
        statement.sql.append("WITH ");
        statement.append(viewerScopes(viewer, false));
        statement.textHits(viewer, query);
        statement.keys(ORGANISATION_ABOVE, viewer, false, above.grants(), above.ownOrganisation());
        statement.rowsOf(ORGANISATION_ROWS, ORGANISATION_ABOVE, query);
        statement.cases(
                new Part(ORGANISATION, viewer, false, ORGANISATION_ROWS, AboveCases.ANY, true, false),
                query,
                false,
                Tier.SECRET);
        statement.sql.append(", ");
        statement.cases(
                new Part(ORGANISATION_AS_PUBLIC, Viewer.anonymous(), ORGANISATION_ROWS, true),
                query,
                false,
                Tier.SECRET);
        statement.sql.append(" SELECT ");
        statement.organisationVersion(viewer);
        statement.sql.append(", ");
        statement.grantsValidUntil(viewer, above.grants());
        statement.summaryOf(ORGANISATION);
        statement.sql.append(", ");
        statement.summaryOf(ORGANISATION_AS_PUBLIC);
        return new Statement(statement.sql.toString(), List.copyOf(statement.parameters));
    }

    /**
     * The public register's total and facets for the query's filters (its page and cursor play no part): one row
     * {@code (register_version, total, facets)}, the same for every reader.
     */
    public static Statement registerSummary(ListQuery query) {
        VisibleCases statement = new VisibleCases();
        statement.with(Viewer.anonymous(), query);
        statement.cases(new Part(REGISTER, Viewer.anonymous(), null, true), query, false, Tier.SECRET);
        statement.sql.append(" SELECT ").append(REGISTER_VERSION).append(", ");
        statement.summaryOf(REGISTER);
        return new Statement(statement.sql.toString(), List.copyOf(statement.parameters));
    }

    /**
     * Counts over the register alone: {@code WITH register AS (…)}, then rows {@code (register_version, 1, group
     * columns…, count, total, register_version)} of {@code counting} over it, or one row {@code (register_version,
     * NULL…, register_version)} when nothing counts.
     */
    private static Statement registerCounts(ListQuery query, List<String> keys, Counting counting) {
        VisibleCases statement = new VisibleCases();
        statement.with(Viewer.anonymous(), query);
        statement.cases(new Part(REGISTER, Viewer.anonymous(), null, true), query, false, Tier.SECRET);
        statement.counted(REGISTER, keys);
        statement.sql.append(" SELECT ver.version, x.*, ver.version FROM ").append(REGISTER_VERSION);
        statement.sql.append(" ver LEFT JOIN (");
        counting.over(statement, 1, REGISTER);
        statement.sql.append(") x ON true");
        return new Statement(statement.sql.toString(), List.copyOf(statement.parameters));
    }

    /**
     * The corrections to {@link #registerCounts} over the viewer's cases above the register: rows {@code (version,
     * sign, group columns…, count, total, register_version)}, sign 1 for the viewer's counts there and -1 for the
     * register's, or one row {@code (version, NULL…, register_version)}; with {@code teamOnly} only the viewer's (the
     * answer itself).
     */
    private static Statement aboveCounts(
            Viewer viewer, ListQuery query, boolean teamOnly, List<String> keys, Counting counting) {
        VisibleCases statement = new VisibleCases();
        statement.parts(viewer, query, teamOnly, false);
        statement.counted(MINE, keys);
        if (!teamOnly) {
            statement.counted(MINE_AS_PUBLIC, keys);
        }
        statement.sql.append(" SELECT ver.version, x.*, ver.register_version FROM (SELECT ");
        statement.readerVersion(viewer);
        statement.sql.append(" AS version, ").append(REGISTER_VERSION).append(" AS register_version)");
        statement.sql.append(" ver LEFT JOIN (");
        counting.over(statement, 1, MINE);
        if (!teamOnly) {
            statement.sql.append(" UNION ALL ");
            counting.over(statement, -1, MINE_AS_PUBLIC);
        }
        statement.sql.append(") x ON true");
        return new Statement(statement.sql.toString(), List.copyOf(statement.parameters));
    }

    /** A grouped count over the counted cases of one set, its rows starting with a sign. */
    @FunctionalInterface
    private interface Counting {
        void over(VisibleCases statement, int sign, String set);
    }

    /**
     * {@code , counted_<set> AS (…)}: the cases of a set whose sections of every key the rules show (a case counts
     * only where every dimension is visible).
     */
    private void counted(String set, List<String> keys) {
        sql.append(", counted_")
                .append(set)
                .append(" AS (SELECT id FROM ")
                .append(set)
                .append(" WHERE ")
                .append(String.join(
                        " AND ",
                        keys.stream()
                                .map(key -> VISIBLE.of(sectionOf(key)))
                                .distinct()
                                .toList()))
                .append(')');
    }

    /** The cross-tabulation's rows over one set: {@code (sign, row value, col value, count, total)}. */
    private static Counting crosstabCounting(String rows, String cols) {
        return (statement, sign, set) -> {
            String counted = "counted_" + set;
            statement
                    .sql
                    .append("SELECT ")
                    .append(sign)
                    .append(" AS sign, r.value, c.value, count(DISTINCT ")
                    .append(counted)
                    .append(".id), (SELECT count(*) FROM ")
                    .append(counted)
                    .append(") FROM ")
                    .append(counted);
            statement.values("r", rows, counted);
            statement.values("c", cols, counted);
            statement.sql.append(" GROUP BY r.value, c.value");
        };
    }

    /** The crosstab of {@link #crosstab} over the register alone, as {@link #registerCounts}. */
    public static Statement crosstabRegister(ListQuery query, String rows, String cols) {
        return registerCounts(query, List.of(rows, cols), crosstabCounting(rows, cols));
    }

    /** The crosstab's corrections over the viewer's cases above the register, as {@link #aboveCounts}. */
    public static Statement crosstabAbove(Viewer viewer, ListQuery query, boolean teamOnly, String rows, String cols) {
        return aboveCounts(viewer, query, teamOnly, List.of(rows, cols), crosstabCounting(rows, cols));
    }

    /**
     * The truth table's rows over one set: {@code (sign, condition values…, outcome value, GROUPING of the outcome,
     * count, total)}, as {@link #truthTable}'s.
     */
    private static Counting truthTableCounting(List<String> conditions, String outcome) {
        return (statement, sign, set) -> {
            String counted = "counted_" + set;
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < conditions.size(); i++) {
                columns.add("k" + i + ".value");
            }
            String configuration = String.join(", ", columns);
            statement
                    .sql
                    .append("SELECT ")
                    .append(sign)
                    .append(" AS sign, ")
                    .append(configuration)
                    .append(", o.value, GROUPING(o.value), count(DISTINCT ")
                    .append(counted)
                    .append(".id), (SELECT count(*) FROM ")
                    .append(counted)
                    .append(") FROM ")
                    .append(counted);
            for (int i = 0; i < conditions.size(); i++) {
                statement.values("k" + i, conditions.get(i), counted);
            }
            statement.values("o", outcome, counted);
            statement
                    .sql
                    .append(" GROUP BY GROUPING SETS ((")
                    .append(configuration)
                    .append(", o.value), (")
                    .append(configuration)
                    .append("))");
        };
    }

    private static List<String> truthTableKeys(List<String> conditions, String outcome) {
        List<String> keys = new ArrayList<>(conditions);
        keys.add(outcome);
        return keys;
    }

    /** The truth table over the register alone, as {@link #registerCounts}. */
    public static Statement truthTableRegister(ListQuery query, List<String> conditions, String outcome) {
        return registerCounts(query, truthTableKeys(conditions, outcome), truthTableCounting(conditions, outcome));
    }

    /** The truth table's corrections over the viewer's cases above the register, as {@link #aboveCounts}. */
    public static Statement truthTableAbove(
            Viewer viewer, ListQuery query, boolean teamOnly, List<String> conditions, String outcome) {
        return aboveCounts(
                viewer, query, teamOnly, truthTableKeys(conditions, outcome), truthTableCounting(conditions, outcome));
    }

    private void facet(String name, String counts) {
        sql.append('\'')
                .append(name)
                .append("', (SELECT coalesce(jsonb_object_agg(f.k, f.n), '{}'::jsonb) FROM (")
                .append(counts)
                .append(") f)");
    }

    private void append(String fragment, Object... values) {
        sql.append(fragment);
        parameters.addAll(List.of(values));
    }

    /** The case columns of {@link #every}, after its policy columns, each NULL unless its section is visible. */
    private static final List<SectionColumn> EXPORTED = Stream.concat(
                    MASKED.stream(),
                    Stream.of(
                            new SectionColumn(Section.HEADER, "c.period_start_written"),
                            new SectionColumn(Section.HEADER, "c.period_end_written"),
                            new SectionColumn(Section.HEADER, "c.external_reference")))
            .toList();

    /**
     * Every case the list would show (no page: the export), leaving out those of a tier stricter than {@code strictest},
     * in the list's order, one row each: {@code (id, version, header_edits, context_edits, process_edits,
     * results_edits, tier, results_released, relationship, s_header, s_context, s_process, s_results, title, country,
     * region, status, period_start, period_end, context, process, timeline, results, period_start_written,
     * period_end_written, external_reference)}, the case columns masked as the list masks them.
     */
    public static Statement every(Viewer viewer, ListQuery query, boolean teamOnly, Tier strictest) {
        VisibleCases statement = new VisibleCases();
        statement.visible(viewer, query, teamOnly, strictest);
        statement
                .sql
                .append(" SELECT v.id, c.version, c.header_edits, c.context_edits, c.process_edits, c.results_edits,"
                        + " v.tier, v.results_released, v.relationship, ")
                .append(String.join(", ", LISTED.stream().map(CANDIDATE::of).toList()))
                .append(", ")
                .append(String.join(
                        ", ",
                        EXPORTED.stream()
                                .map(column -> CANDIDATE.masked(column.section(), column.expression()))
                                .toList()))
                .append(" FROM visible v JOIN case_file c ON c.id = v.id ORDER BY v.period_start DESC, v.id DESC");
        return new Statement(statement.sql.toString(), List.copyOf(statement.parameters));
    }

    /** The number of rows {@link #every} answers, as its one column. */
    public static Statement countEvery(Viewer viewer, ListQuery query, boolean teamOnly, Tier strictest) {
        VisibleCases statement = new VisibleCases();
        statement.visible(viewer, query, teamOnly, strictest);
        statement.sql.append(" SELECT count(*) FROM visible");
        return new Statement(statement.sql.toString(), List.copyOf(statement.parameters));
    }

    /**
     * {@code WITH} entries ending in {@code known(id, s_header, s_context, s_process, s_results)}: the cases among
     * {@code candidates} (a query of one uuid column {@code id}) that the viewer may know exist, by the list's rules,
     * with the sections they may see as flags. For statements about a few named cases (a case's links), which go on
     * from {@code known}; deleted cases are never known.
     */
    public static SqlFragment knownAmong(Viewer viewer, SqlFragment candidates) {
        SqlFragment scopes = viewerScopes(viewer);
        SqlFragment rule = ruleOf(viewer, "c.id");
        List<Object> values = new ArrayList<>(scopes.parameters());
        values.addAll(candidates.parameters());
        values.addAll(rule.parameters());
        return new SqlFragment(
                "WITH " + scopes.sql() + "candidate AS (" + candidates.sql() + "), known AS MATERIALIZED (SELECT c.id, "
                        + RULE_FLAGS + " FROM candidate k JOIN case_file c ON c.id = k.id"
                        + " JOIN case_policy p ON p.case_id = c.id AND NOT p.deleted " + rule.sql()
                        + "WHERE c.deleted_at IS NULL AND " + RULE.anyVisible() + ")",
                values);
    }
}
