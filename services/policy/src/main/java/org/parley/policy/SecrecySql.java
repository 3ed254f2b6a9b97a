package org.parley.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * The secrecy rules written as SQL for the services' statements, generated from the same declarations the
 * Java decisions read ({@link SecrecyRules}' relationship precedence, {@link CaseFact}, {@link
 * InterviewAccess}, {@link Action#READ_LEDGER}), so no service types a rule by hand. The caller names its
 * columns; every value of the viewer's is a {@code ?} parameter of the fragment, never text. What the viewer
 * alone decides (signed in, roles) is decided here and leaves no trace in the SQL but TRUE or FALSE, folded
 * away where it can be.
 */
public final class SecrecySql {

    private SecrecySql() {}

    /**
     * An expression giving the name of the viewer's {@link Relationship} to the row's case, as {@link
     * SecrecyRules#relationshipOf} would: a {@code CASE} over the precedence, or a single literal when the
     * viewer alone decides it (an anonymous viewer).
     */
    public static SqlFragment relationshipOf(Viewer viewer, CaseColumns row) {
        StringBuilder sql = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (SecrecyRules.RelationshipRule line : SecrecyRules.RELATIONSHIP_PRECEDENCE) {
            SqlFragment when = applies(line.rule(), viewer, row);
            String name = "'" + line.relationship().name() + "'";
            if (when.isFalse()) {
                continue;
            }
            if (when.isTrue()) {
                return sql.length() == 0
                        ? SqlFragment.of(name)
                        : new SqlFragment(
                                sql.append("ELSE ").append(name).append(" END").toString(), parameters);
            }
            sql.append(sql.length() == 0 ? "CASE " : "")
                    .append("WHEN ")
                    .append(when.sql())
                    .append(" THEN ")
                    .append(name)
                    .append(' ');
            parameters.addAll(when.parameters());
        }
        throw new IllegalStateException("the relationship precedence ends with a line that has conditions");
    }

    /**
     * The cases on which this viewer may see more than the public register: the case facts of every line of the
     * precedence whose relationship shows more than the register ({@link SecrecyRules#showsMoreThanPublic}) and
     * that this viewer's own facts (signed in, roles) do not rule out. A case where none of those facts holds is
     * decided by a later line, which shows exactly the register.
     */
    public static AbovePublic abovePublic(Viewer viewer) {
        // Only whether a line folds to FALSE matters here, so the columns are placeholders.
        CaseColumns anyCase = new CaseColumns("owner", SqlFragment.of("on_team"), SqlFragment.of("holds_grant"));
        boolean team = false;
        boolean ownOrganisation = false;
        boolean grants = false;
        for (SecrecyRules.RelationshipRule line : SecrecyRules.RELATIONSHIP_PRECEDENCE) {
            if (!SecrecyRules.showsMoreThanPublic(line.relationship())
                    || applies(line.rule(), viewer, anyCase).isFalse()) {
                continue;
            }
            for (CaseFact fact : line.rule().facts()) {
                team |= fact == CaseFact.ON_TEAM;
                ownOrganisation |= fact == CaseFact.OWN_ORGANISATION;
                grants |= fact == CaseFact.ACTIVE_GRANT;
            }
        }
        return new AbovePublic(team, ownOrganisation, grants);
    }

    /**
     * A predicate: the viewer's relationship to the row's case is {@code relationship}, that is its line of
     * the precedence applies and no earlier line does.
     */
    public static SqlFragment relationshipIs(Relationship relationship, Viewer viewer, CaseColumns row) {
        List<SqlFragment> conditions = new ArrayList<>();
        for (SecrecyRules.RelationshipRule line : SecrecyRules.RELATIONSHIP_PRECEDENCE) {
            SqlFragment applies = applies(line.rule(), viewer, row);
            if (line.relationship() == relationship) {
                conditions.add(applies);
                return and(conditions);
            }
            conditions.add(not(applies));
        }
        return SqlFragment.FALSE;
    }

    /**
     * A predicate on an interview: the viewer may read its content ({@link InterviewAccess#decide} is
     * CONTENT). It has at least one link, and on every linked case the viewer's relationship is the one that
     * reads content; a linked case missing from {@code policyOfLinkedCase} (deleted, never heard of) lets
     * nobody in.
     *
     * @param linksOfInterview {@code FROM … WHERE …} naming the interview's links, e.g. {@code FROM
     *     interview_case_link l WHERE l.interview_id = i.id}; conditions are added with AND
     * @param policyOfLinkedCase {@code FROM … WHERE …} naming the policy of one link's case, e.g. {@code FROM
     *     case_policy p WHERE p.case_id = l.case_id AND NOT p.deleted}; conditions are added with AND
     * @param linkedCase the facts about that policy's case
     */
    public static SqlFragment interviewContentVisible(
            Viewer viewer, String linksOfInterview, String policyOfLinkedCase, CaseColumns linkedCase) {
        SqlFragment onOneCase = relationshipIs(InterviewAccess.READS_CONTENT, viewer, linkedCase);
        if (onOneCase.isFalse()) {
            return SqlFragment.FALSE;
        }
        String allowedOnIt = onOneCase.isTrue() ? "" : " AND " + onOneCase.sql();
        return new SqlFragment(
                "EXISTS (SELECT 1 " + linksOfInterview + ") AND NOT EXISTS (SELECT 1 " + linksOfInterview
                        + " AND NOT EXISTS (SELECT 1 " + policyOfLinkedCase + allowedOnIt + "))",
                onOneCase.parameters());
    }

    /**
     * A predicate on a ledger entry: the viewer may read it. An entry about a case is {@link
     * Action#READ_LEDGER} on that case; an entry about no case belongs to its actor's organisation ({@link
     * SecrecyRules#mayReadLedgerEntryAboutNoCase}).
     *
     * @param caseId the entry's case id column, null for entries about no case
     * @param owningOrganisation the expression giving the case's owning organisation
     * @param actorOrganisation the column with the actor's organisation
     */
    public static SqlFragment ledgerEntryVisible(
            Viewer viewer, String caseId, String owningOrganisation, String actorOrganisation) {
        return or(List.of(
                and(List.of(
                        SqlFragment.of(caseId + " IS NOT NULL"),
                        applies(SecrecyRules.READS_LEDGER, viewer, CaseColumns.ownedBy(owningOrganisation)))),
                and(List.of(
                        SqlFragment.of(caseId + " IS NULL"),
                        applies(SecrecyRules.READS_LEDGER, viewer, CaseColumns.ownedBy(actorOrganisation))))));
    }

    /**
     * A predicate: the grant with this expiry column is active at {@code now} (an SQL expression, e.g.
     * {@code now()}), as {@link Grant#isActiveAt}: no expiry, or expiry still ahead.
     */
    public static String grantActive(String expiresAt, String now) {
        return "(" + expiresAt + " IS NULL OR " + expiresAt + " > " + now + ")";
    }

    private static SqlFragment applies(SecrecyRules.Rule rule, Viewer viewer, CaseColumns row) {
        List<SqlFragment> facts = new ArrayList<>();
        for (CaseFact fact : rule.facts()) {
            facts.add(fact.sql(viewer, row));
        }
        return and(facts);
    }

    /** Conjunction with TRUE and FALSE folded; parts are parenthesised only when there are several. */
    private static SqlFragment and(List<SqlFragment> parts) {
        return join(parts, " AND ", SqlFragment.FALSE, SqlFragment.TRUE);
    }

    private static SqlFragment or(List<SqlFragment> parts) {
        return join(parts, " OR ", SqlFragment.TRUE, SqlFragment.FALSE);
    }

    private static SqlFragment join(
            List<SqlFragment> parts, String operator, SqlFragment absorbing, SqlFragment neutral) {
        List<SqlFragment> kept = new ArrayList<>();
        for (SqlFragment part : parts) {
            if (part.equals(absorbing)) {
                return absorbing;
            }
            if (!part.equals(neutral)) {
                kept.add(part);
            }
        }
        if (kept.isEmpty()) {
            return neutral;
        }
        if (kept.size() == 1) {
            return kept.get(0);
        }
        StringBuilder sql = new StringBuilder("(");
        List<Object> parameters = new ArrayList<>();
        for (SqlFragment part : kept) {
            sql.append(sql.length() == 1 ? "" : operator).append(part.sql());
            parameters.addAll(part.parameters());
        }
        return new SqlFragment(sql.append(')').toString(), parameters);
    }

    /** Negation that treats NULL as not holding, as a CASE's WHEN does. */
    private static SqlFragment not(SqlFragment predicate) {
        if (predicate.isTrue() || predicate.isFalse()) {
            return SqlFragment.constant(predicate.isFalse());
        }
        return new SqlFragment("(" + predicate.sql() + ") IS NOT TRUE", predicate.parameters());
    }
}
